import { Injectable } from '@nestjs/common';
import { ActorsService } from '@claimtrace/actors';
import { ArticlesService } from '@claimtrace/articles';
import { AttributionsService } from '@claimtrace/attributions';
import { ClaimsService } from '@claimtrace/claims';
import { DomainError, toGlobalId } from '@claimtrace/core';
import { ActorKind, Database, Stance } from '@claimtrace/database';
import { ImportArticle } from '../import/import-line';
import { VersionOccurrences } from '../import/version-occurrences';
import { ArticleBatchRow, ImportRepository } from '../repositories/import.repository';

export interface ImportedLine {
  line: number;
  article: ImportArticle;
}

export interface Rejection {
  line: number;
  reason: string;
}

export interface ImportReport {
  articlesCreated: number;
  articleVersions: number;
  articlesUnchanged: number;
  claimsCreated: number;
  claimsExisting: number;
  attributionsCreated: number;
  attributionsExisting: number;
  rejected: Rejection[];
}

export function emptyReport(): ImportReport {
  return {
    articlesCreated: 0,
    articleVersions: 0,
    articlesUnchanged: 0,
    claimsCreated: 0,
    claimsExisting: 0,
    attributionsCreated: 0,
    attributionsExisting: 0,
    rejected: [],
  };
}

/** The most actor names remembered between batches (publishers and authors recur). */
const NAME_CACHE = 10_000;

/**
 * Bulk ingest: articles new to the database go in a batch at a time with a few set-based
 * statements; a new version of a known URL goes through `ingestArticle` (it re-anchors passages);
 * claims and stances go through the same services as the API. Idempotent: an article is known by
 * URL + content hash, a claim by its text, a stance by claim, actor, stance and quote, so
 * re-running a file (after a crash, say) adds only what is missing.
 */
@Injectable()
export class ImportService {
  private readonly actorIds = new Map<string, string>();

  constructor(
    private readonly db: Database,
    private readonly repository: ImportRepository,
    private readonly actors: ActorsService,
    private readonly articles: ArticlesService,
    private readonly claims: ClaimsService,
    private readonly attributions: AttributionsService,
  ) {}

  /**
   * One batch of a run; pass the run's `occurrences` to every batch, so a text the file stores twice
   * for one URL (a publisher's revert) is matched to the second stored version, not the first.
   */
  async importBatch(
    lines: ImportedLine[],
    by: string | null,
    occurrences = new VersionOccurrences(),
  ): Promise<ImportReport> {
    const report = emptyReport();
    if (lines.length === 0) return report;
    const rows: ArticleBatchRow[] = [];
    const names = new Map<string, ActorKind>();
    for (const { article } of lines) {
      if (article.publisherName) names.set(article.publisherName, ActorKind.MEDIA_OUTLET);
      for (const author of article.authorNames) names.set(author, ActorKind.PERSON);
    }
    await this.resolveActors(names, by);
    for (const { article } of lines) {
      rows.push({
        article,
        occurrence: occurrences.next(article.url, article.contentHash),
        publisherId: article.publisherName ? this.actorIds.get(key(article.publisherName))! : null,
        authorIds: [...new Set(article.authorNames.map((name) => this.actorIds.get(key(name))!))],
      });
    }
    const outcomes = await this.repository.insertNew(rows, by);
    for (let i = 0; i < lines.length; i += 1) {
      const { line, article } = lines[i];
      let articleKey = outcomes[i].id;
      if (outcomes[i].outcome === 'created') report.articlesCreated += 1;
      else if (outcomes[i].outcome === 'same') report.articlesUnchanged += 1;
      else {
        try {
          const payload = await this.articles.ingest(
            {
              url: article.url,
              title: article.title,
              text: article.text,
              publisherName: article.publisherName,
              authorNames: article.authorNames,
              publishedAt: article.publishedAt,
              language: article.language,
            },
            by,
          );
          articleKey = payload.article.key;
          if (String(payload.outcome) === 'UNCHANGED') report.articlesUnchanged += 1;
          else report.articleVersions += 1;
        } catch (error) {
          report.rejected.push({ line, reason: reasonOf(error) });
          continue;
        }
      }
      if (article.claims.length > 0 && articleKey) {
        await this.importClaims(line, article, articleKey, by, report);
      }
    }
    return report;
  }

  private async importClaims(
    line: number,
    article: ImportArticle,
    articleKey: string,
    by: string | null,
    report: ImportReport,
  ): Promise<void> {
    for (const [c, claim] of article.claims.entries()) {
      try {
        const found = await this.claims.findOrCreateByText(
          { text: claim.text, tags: claim.tags, language: article.language },
          by,
        );
        const claimKey = found.claim.key;
        if (found.created) report.claimsCreated += 1;
        else report.claimsExisting += 1;
        for (const [a, attribution] of claim.attributions.entries()) {
          try {
            const kind = attribution.actorKind as ActorKind;
            await this.resolveActors(new Map([[attribution.actor, kind]]), by);
            const actorKey = this.actorIds.get(key(attribution.actor))!;
            const created = await this.attributions.attributeOnce(
              {
                claimId: toGlobalId('Claim', claimKey),
                actorId: toGlobalId('Actor', actorKey),
                stance: attribution.stance as Stance,
                articleId: toGlobalId('Article', articleKey),
                quote: attribution.quote,
              },
              by,
            );
            if (created) report.attributionsCreated += 1;
            else report.attributionsExisting += 1;
          } catch (error) {
            report.rejected.push({
              line,
              reason: `claims[${c}].attributions[${a}]: ${reasonOf(error)}`,
            });
          }
        }
      } catch (error) {
        report.rejected.push({ line, reason: `claims[${c}]: ${reasonOf(error)}` });
      }
    }
  }

  /** Finds or creates each named actor (one transaction for the batch), remembering the ids. */
  private async resolveActors(names: Map<string, ActorKind>, by: string | null): Promise<void> {
    const missing = [...names].filter(([name]) => !this.actorIds.has(key(name)));
    if (missing.length === 0) return;
    if (this.actorIds.size + missing.length > NAME_CACHE) this.actorIds.clear();
    const ids = await this.db.transaction((tx) =>
      this.actors.findOrCreateByNames(
        tx,
        missing.map(([name, kind]) => ({ name, kind })),
        by,
      ),
    );
    for (const [i, [name]] of missing.entries()) this.actorIds.set(key(name), ids[i]);
  }
}

const key = (name: string) => name.trim().toLowerCase();

function reasonOf(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  return `unexpected error: ${(error as Error).message}`;
}

/** Adds one batch's report into a running total. */
export function addReports(total: ImportReport, batch: ImportReport): ImportReport {
  return {
    articlesCreated: total.articlesCreated + batch.articlesCreated,
    articleVersions: total.articleVersions + batch.articleVersions,
    articlesUnchanged: total.articlesUnchanged + batch.articlesUnchanged,
    claimsCreated: total.claimsCreated + batch.claimsCreated,
    claimsExisting: total.claimsExisting + batch.claimsExisting,
    attributionsCreated: total.attributionsCreated + batch.attributionsCreated,
    attributionsExisting: total.attributionsExisting + batch.attributionsExisting,
    rejected: [...total.rejected, ...batch.rejected],
  };
}
