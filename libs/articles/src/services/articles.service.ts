import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  Anchor,
  anchorPosition,
  anchorQuote,
  AnchoringError,
  codePointLength,
  reanchor,
} from '@claimtrace/anchoring';
import { ActorsService } from '@claimtrace/actors';
import {
  APP_CONFIG,
  AppConfig,
  decodeCursor,
  encodeCursor,
  keyOf,
  NotFoundError,
  Page,
  pageSize,
  toPage,
} from '@claimtrace/core';
import { ActorKind, AnchorStatus, ClaimEventKind, Database, Tx } from '@claimtrace/database';
import { EventLogService } from '@claimtrace/events';
import {
  ArticleTooLarge,
  ConflictingPublisher,
  ArticleUrlTooLong,
  ArticleUrlWithCredentials,
  InvalidArticleUrl,
  PASSAGE_MAX_CODE_POINTS,
  PassageNotAnchored,
  PassageSelectorMissing,
  PassageTooLong,
} from '../articles.errors';
import { ArticleObject, IngestArticlePayload } from '../dtos/article.object';
import { ArticlePreviewObject } from '../dtos/article-preview.object';
import { ArticlesArgs } from '../dtos/articles.args';
import { IngestArticleInput } from '../dtos/ingest-article.input';
import { IngestOutcome } from '../dtos/ingest-outcome';
import { PassageObject, PassageRecord } from '../dtos/passage.object';
import { ArticlesRepository } from '../repositories/articles.repository';
import { ARTICLE_URL_MAX, hasCredentials, isArticleUrl } from '../url';
import { ArticleReaderService } from './article-reader.service';
import { SuggestionsService } from './suggestions.service';

/** How one passage of the previous version was carried over to a new version (ids are keys). */
export interface PassageCarry {
  fromPassageId: string;
  toPassageId: string | null;
  status: AnchorStatus;
  score: number;
  reason: string | null;
  /** a FUZZY move that changed a figure or a date (always reviewed) */
  figuresChanged: boolean;
}

/** A new version of an article, as the listeners of `onNewVersion` receive it. */
export interface NewArticleVersion {
  previousKey: string;
  articleKey: string;
  url: string;
  at: Date;
  by: string | null;
  passages: PassageCarry[];
}

/** Runs inside the ingest's transaction: what fails there rolls the new version back. */
export type NewVersionListener = (tx: Tx, version: NewArticleVersion) => Promise<void>;

export interface PassageSelector {
  quote?: { exact: string; prefix?: string | null; suffix?: string | null } | null;
  position?: { start: number; end: number } | null;
}

/** The rules about articles: immutable versions, idempotent ingest, anchored passages. */
@Injectable()
export class ArticlesService {
  private readonly newVersionListeners: NewVersionListener[] = [];

  constructor(
    private readonly db: Database,
    private readonly articles: ArticlesRepository,
    private readonly actors: ActorsService,
    private readonly events: EventLogService,
    private readonly suggestions: SuggestionsService,
    private readonly reader: ArticleReaderService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Passages with their articles, by passage key (in no particular order; unknown keys left out). */
  passagesByIds(keys: readonly string[]): Promise<PassageObject[]> {
    return this.articles.passagesByIds(keys);
  }

  /** Articles with their texts, by key (in no particular order; unknown keys left out). */
  async withTextsByIds(
    keys: readonly string[],
  ): Promise<{ article: ArticleObject; text: string }[]> {
    if (!keys.length) return [];
    const [rows, texts] = await Promise.all([
      this.articles.findByIds(keys),
      this.articles.textsByIds(keys),
    ]);
    const text = new Map(texts.map((row) => [row.id, row.text]));
    return rows.map((row) => ({ article: ArticleObject.from(row), text: text.get(row.id) ?? '' }));
  }

  /**
   * Registers what must happen, in the ingest's transaction, when a new version is stored (the
   * corrections feature moves the claims' passages): features that build on articles hook in here
   * instead of articles depending on them.
   */
  onNewVersion(listener: NewVersionListener): void {
    this.newVersionListeners.push(listener);
  }

  async get(id: string): Promise<ArticleObject> {
    const [row] = await this.articles.findByIds([keyOf(id, 'Article')]);
    if (!row) throw new NotFoundError('Article', id);
    return ArticleObject.from(row);
  }

  async page(args: ArticlesArgs): Promise<Page<ArticleObject>> {
    const limit = pageSize(args.first, this.config.MAX_PAGE_SIZE);
    const after = args.after
      ? (decodeCursor(args.after, ['time', 'uuid']) as [string, string])
      : null;
    const { rows, totalCount } = await this.articles.page(
      limit,
      after,
      Boolean(args.includeSuperseded),
    );
    return toPage(
      rows,
      limit,
      args.after,
      totalCount,
      (row) => encodeCursor([row.createdAt!.toISOString(), row.id]),
      ArticleObject.from,
    );
  }

  /** What `ingest` would store for this input, without storing it (the page read when fetched). */
  async preview(given: IngestArticleInput): Promise<ArticlePreviewObject> {
    checkArticleUrl(given.url);
    const input = await this.reader.complete(given);
    const length = codePointLength(input.text);
    if (length > this.config.ARTICLE_MAX_CHARS) {
      throw new ArticleTooLarge(length, this.config.ARTICLE_MAX_CHARS);
    }
    return ArticlePreviewObject.from(input);
  }

  /**
   * Stores an article exactly as given. The same URL and text as its newest version is UNCHANGED
   * (no new row, even under concurrent calls); the same URL with other text — an earlier version's
   * too, when the publisher reverted a correction — is a NEW_VERSION linked to the newest one, whose
   * passages are re-anchored onto the new text and reported. A new version's
   * suggested attributions are computed here, once, and stored with it.
   */
  async ingest(given: IngestArticleInput, by: string | null): Promise<IngestArticlePayload> {
    checkArticleUrl(given.url);
    // without text, the page is fetched and read first, outside the transaction
    const input = await this.reader.complete(given);
    const url = input.url.trim();
    const length = codePointLength(input.text);
    if (length > this.config.ARTICLE_MAX_CHARS) {
      throw new ArticleTooLarge(length, this.config.ARTICLE_MAX_CHARS);
    }
    if (input.publisherId && input.publisherName) throw new ConflictingPublisher();
    const publisherKey = input.publisherId
      ? keyOf(input.publisherId, 'Actor', 'publisherId')
      : null;
    const contentHash = createHash('sha256').update(input.text, 'utf8').digest('hex');

    return this.db.transaction(async (tx) => {
      await this.articles.lockUrl(tx, url);
      const previous = await this.articles.latestVersion(tx, url);
      if (previous?.contentHash === contentHash) {
        return { article: ArticleObject.from(previous), outcome: IngestOutcome.UNCHANGED };
      }

      const named = [
        ...(input.publisherName
          ? [{ name: input.publisherName, kind: ActorKind.MEDIA_OUTLET }]
          : []),
        ...(input.authorNames ?? []).map((name) => ({ name, kind: ActorKind.PERSON })),
      ];
      const found = await this.actors.findOrCreateByNames(tx, named, by);
      const publisherId = publisherKey
        ? await this.actors.requireKey(tx, publisherKey, input.publisherId!)
        : input.publisherName
          ? found[0]
          : null;
      const authorIds = [...new Set(input.publisherName ? found.slice(1) : found)];
      const row = await this.articles.create(tx, {
        url,
        title: input.title.trim(),
        text: input.text,
        contentHash,
        publisherId,
        publishedAt: input.publishedAt ?? null,
        language: input.language ?? null,
        previousVersionId: previous?.id ?? null,
        fetchedAt: input.fetchedAt,
        htmlHash: input.htmlHash,
      });
      await this.articles.setAuthors(tx, row.id, authorIds);
      await this.suggestions.storeAtIngest(tx, row.id, input.text, row.language);
      const carried = previous
        ? await this.reanchorPassages(tx, previous.id, row.id, input.text, row.language)
        : null;
      const report = carried && countByStatus(carried);
      if (previous && carried) {
        const version = { previousKey: previous.id, articleKey: row.id, url, at: new Date(), by };
        for (const listener of this.newVersionListeners) {
          await listener(tx, { ...version, passages: carried });
        }
      }
      const article = ArticleObject.from(row);
      await this.events.append(tx, {
        kind: ClaimEventKind.ARTICLE_INGESTED,
        actorIds: [publisherId, ...authorIds].filter((id): id is string => Boolean(id)),
        by,
        payload: {
          articleId: article.id,
          url,
          outcome: previous ? IngestOutcome.NEW_VERSION : IngestOutcome.CREATED,
          ...(previous
            ? { previousVersionId: ArticleObject.from(previous).id, reanchored: report }
            : {}),
        },
      });
      return {
        article,
        outcome: previous ? IngestOutcome.NEW_VERSION : IngestOutcome.CREATED,
      };
    });
  }

  /**
   * The passage of an article that a quote or a position picks, created when new. Exactly one of
   * `quote` and `position` must be given; anything that does not pick exactly one span is a
   * BAD_USER_INPUT error saying why. `inLatestVersion` picks it in the article's newest version
   * instead (an editor re-anchoring what a correction changed, maybe after a later one), holding
   * the URL's ingest lock until the transaction ends: no newer version is stored between the
   * choice and the caller's move (its re-anchoring would not see the passage).
   */
  async anchorPassage(
    tx: Tx,
    articleKey: string,
    articleId: string,
    selector: PassageSelector,
    inLatestVersion = false,
  ): Promise<PassageRecord> {
    let article = await this.articles.articleText(tx, articleKey);
    if (!article) throw new NotFoundError('Article', articleId);
    let key = articleKey;
    if (inLatestVersion) {
      await this.articles.lockUrl(tx, article.url);
      const latest = await this.articles.latestVersion(tx, article.url);
      if (latest) [key, article] = [latest.id, latest];
    }
    const anchor = anchorOrFail(article.text, selector);
    return this.articles.findOrCreatePassage(tx, {
      articleId: key,
      ...anchor,
      language: article.language,
    });
  }

  private async reanchorPassages(
    tx: Tx,
    previousKey: string,
    articleKey: string,
    text: string,
    language: string | null,
  ): Promise<PassageCarry[]> {
    const rows: PassageCarry[] = [];
    for (const passage of await this.articles.passagesOfTx(tx, previousKey)) {
      const result = reanchor(passage, text);
      const to = result.anchor
        ? await this.articles.findOrCreatePassage(tx, {
            articleId: articleKey,
            ...result.anchor,
            language,
          })
        : null;
      rows.push({
        fromPassageId: passage.id,
        toPassageId: to?.id ?? null,
        status: result.status as AnchorStatus,
        score: result.score,
        reason: result.reason,
        figuresChanged: result.figuresChanged,
      });
    }
    await this.articles.recordReanchoring(tx, articleKey, rows);
    return rows;
  }
}

function countByStatus(rows: PassageCarry[]): Record<AnchorStatus, number> {
  const counts = { EXACT: 0, FUZZY: 0, ORPHANED: 0 };
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

function anchorOrFail(text: string, selector: PassageSelector): Anchor {
  const { quote, position } = selector;
  if (Boolean(quote) === Boolean(position)) {
    throw new PassageSelectorMissing();
  }
  let anchor: Anchor;
  try {
    anchor = quote ? anchorQuote(text, quote) : anchorPosition(text, position!);
  } catch (error) {
    if (error instanceof AnchoringError) throw new PassageNotAnchored(error);
    throw error;
  }
  if (anchor.end - anchor.start > PASSAGE_MAX_CODE_POINTS) {
    throw new PassageTooLong(anchor.end - anchor.start);
  }
  return anchor;
}

/**
 * Refuses a URL no article may have: longer than ARTICLE_URL_MAX (the CLI and imports pass no
 * GraphQL validation), not http(s) or urn, or carrying a user name or password.
 */
function checkArticleUrl(url: string): void {
  if (url.length > ARTICLE_URL_MAX) throw new ArticleUrlTooLong();
  if (!isArticleUrl(url.trim())) throw new InvalidArticleUrl(url);
  if (hasCredentials(url.trim())) throw new ArticleUrlWithCredentials();
}
