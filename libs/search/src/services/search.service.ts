import { Inject, Injectable } from '@nestjs/common';
import { ArticlesService } from '@claimtrace/articles';
import { ClaimObject } from '@claimtrace/claims';
import { APP_CONFIG, AppConfig, BadInputError, parseTextQuery } from '@claimtrace/core';
import { SearchHitObject } from '../dtos/search-hit.object';
import { SearchRepository } from '../repositories/search.repository';
import { snippetOf } from '../snippets/snippet';

const DEFAULT_HITS = 20;

/** Full-text search: the query parsed once, ranked in SQL, snippets and highlights here. */
@Injectable()
export class SearchService {
  constructor(
    private readonly repository: SearchRepository,
    private readonly articles: ArticlesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async search(
    query: string,
    first: number | null,
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
    const rows = await this.repository.search(
      parsed.websearch,
      parsed.prefix,
      first ?? Math.min(DEFAULT_HITS, max),
      includeSuperseded,
    );
    const passageIds = rows.flatMap((row) => (row.kind === 'passage' ? [row.passage.id] : []));
    const passages = new Map(
      (await this.articles.passagesByIds(passageIds)).map((passage) => [passage.key, passage]),
    );
    return rows.map((row) => {
      const text = row.kind === 'claim' ? row.claim.text : row.passage.exact;
      const { snippet, highlights } = snippetOf(text, parsed.terms);
      const hit = new SearchHitObject();
      hit.score = row.score;
      hit.snippet = snippet;
      hit.highlights = highlights;
      hit.claim = row.kind === 'claim' ? ClaimObject.from(row.claim) : null;
      hit.passage = row.kind === 'passage' ? (passages.get(row.passage.id) ?? null) : null;
      return hit;
    });
  }
}
