import { Inject, Injectable } from '@nestjs/common';
import { ActorObject, ActorsService } from '@claimtrace/actors';
import { ArticleObject, ArticlesService, PassageObject } from '@claimtrace/articles';
import { ClaimObject } from '@claimtrace/claims';
import { APP_CONFIG, AppConfig, BadInputError, parseTextQuery } from '@claimtrace/core';
import { SearchHitObject, SearchHitType } from '../dtos/search-hit.object';
import { SearchRepository, SearchRow } from '../repositories/search.repository';
import { SearchKind } from '../repositories/search.sql';
import { snippetOf } from '../snippets/snippet';

const DEFAULT_HITS = 20;
const ALL_TYPES = Object.values(SearchHitType);

/** What the hits of one search point at, read in one statement per kind. */
interface Found {
  passages: Map<string, PassageObject>;
  articles: Map<string, { article: ArticleObject; text: string }>;
  actors: Map<string, ActorObject>;
}

/** Full-text search: the query parsed once, ranked in SQL, snippets and highlights here. */
@Injectable()
export class SearchService {
  constructor(
    private readonly repository: SearchRepository,
    private readonly articles: ArticlesService,
    private readonly actors: ActorsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async search(
    query: string,
    first: number | null,
    types: readonly SearchHitType[] | null = null,
    includeSuperseded = false,
  ): Promise<SearchHitObject[]> {
    const max = this.config.MAX_PAGE_SIZE;
    if (first != null && (!Number.isInteger(first) || first < 1 || first > max)) {
      throw new BadInputError(`\`first\` must be between 1 and ${max} (got ${first}).`, {
        argument: 'first',
        max,
      });
    }
    const parsed = parseTextQuery(query);
    if (!parsed.prefix && query.trim() === '') return [];
    const kinds = [...new Set(types?.length ? types : ALL_TYPES)].map(
      (type) => type.toLowerCase() as SearchKind,
    );
    const rows = await this.repository.search(
      parsed.websearch,
      parsed.prefix,
      first ?? Math.min(DEFAULT_HITS, max),
      kinds,
      includeSuperseded,
    );
    const found = await this.read(rows);
    return rows.map((row) => {
      const hit = new SearchHitObject();
      hit.score = row.score;
      hit.claim = row.kind === 'claim' ? ClaimObject.from(row.claim) : null;
      hit.passage = row.kind === 'passage' ? (found.passages.get(row.passage.id) ?? null) : null;
      const article = row.kind === 'article' ? found.articles.get(row.id) : undefined;
      hit.article = article?.article ?? null;
      hit.actor = row.kind === 'actor' ? (found.actors.get(row.id) ?? null) : null;
      const text =
        row.kind === 'claim'
          ? row.claim.text
          : row.kind === 'passage'
            ? row.passage.exact
            : row.kind === 'article'
              ? (article?.text ?? '')
              : [hit.actor?.name, ...(hit.actor?.aliases ?? [])].filter(Boolean).join(' · ');
      const { snippet, highlights } = snippetOf(text, parsed.terms);
      hit.snippet = snippet;
      hit.highlights = highlights;
      return hit;
    });
  }

  private async read(rows: SearchRow[]): Promise<Found> {
    const ids = (kind: 'article' | 'actor') =>
      rows.flatMap((row) => ('id' in row && row.kind === kind ? [row.id] : []));
    const passageIds = rows.flatMap((row) => (row.kind === 'passage' ? [row.passage.id] : []));
    const articleIds = ids('article');
    const [passages, articles, actors] = await Promise.all([
      this.articles.passagesByIds(passageIds),
      this.articles.withTextsByIds(articleIds),
      ids('actor').length ? this.actors.byKeys(ids('actor')) : [],
    ]);
    return {
      passages: new Map(passages.map((passage) => [passage.key, passage])),
      articles: new Map(
        articles.map(({ article, text }) => [
          article.key,
          { article, text: `${article.title}\n${text}` },
        ]),
      ),
      actors: new Map(actors.map((actor) => [actor.key, actor])),
    };
  }
}
