import { Injectable } from '@nestjs/common';
import { Tx } from '@claimtrace/database';
import { ExtractedAttribution } from '@claimtrace/extraction';
import { SuggestionsRepository } from '../repositories/suggestions.repository';
import { SuggestionExtractor } from './suggestion-extractor';

/**
 * An article's suggested attributions, computed once per article and extractor version and stored
 * (`article_suggestions`): at ingest, in the article's transaction; for an article stored without
 * them (before they were stored, by the bulk import, or under another extractor version) when
 * first read. Readers of one article in this process share that one computation; readers on other
 * instances may compute it too, but only the first to store it writes and everyone answers it.
 * Only the raw spans are stored: matching a source to an actor happens per request.
 */
@Injectable()
export class SuggestionsService {
  private readonly computing = new Map<string, Promise<ExtractedAttribution[]>>();

  constructor(
    private readonly repository: SuggestionsRepository,
    private readonly extractor: SuggestionExtractor,
  ) {}

  /** The suggestions of these articles, in their order (an unknown article has none). */
  async ofArticles(articleIds: readonly string[]): Promise<ExtractedAttribution[][]> {
    const version = this.extractor.version;
    const stored = new Map(
      (await this.repository.stored(articleIds, version)).map((row) => [
        row.articleId,
        row.suggestions,
      ]),
    );
    return Promise.all(articleIds.map((id) => stored.get(id) ?? this.computeOnce(id, version)));
  }

  /** Computes and stores the suggestions of an article being ingested, in its transaction. */
  async storeAtIngest(
    tx: Tx,
    articleId: string,
    text: string,
    language: string | null,
  ): Promise<void> {
    const { version } = this.extractor;
    await this.repository.storeIn(tx, articleId, version, this.extractor.extract(text, language));
  }

  private computeOnce(articleId: string, version: string): Promise<ExtractedAttribution[]> {
    const key = `${articleId} ${version}`;
    let pending = this.computing.get(key);
    if (!pending) {
      pending = this.compute(articleId, version).finally(() => this.computing.delete(key));
      this.computing.set(key, pending);
    }
    return pending;
  }

  private async compute(articleId: string, version: string): Promise<ExtractedAttribution[]> {
    // Read again: a computation that finished since the caller looked has stored them.
    const { suggestions, text, language } = await this.repository.storedOrText(articleId, version);
    if (suggestions) return suggestions;
    if (text === null) return [];
    const computed = this.extractor.extract(text, language);
    if (await this.repository.store(articleId, version, computed)) return computed;
    // another instance stored them first: answer what every reader will read from now on
    return (await this.repository.storedOrText(articleId, version)).suggestions ?? computed;
  }
}
