/**
 * What an HTTP export request is charged from its client's rate budget (the one its GraphQL
 * operations spend from, where every object costs 1): a whole export one per row it may stream.
 */
export enum ExportKind {
  /** `/exports/graph` in any format: claims, actors, articles and the edges between them */
  GRAPH = 'GRAPH',
  /** `/exports/claimreviews.jsonl`: every review of every claim */
  REVIEWS = 'REVIEWS',
  /** `/claims/:id/claimreview.jsonld`, `/articles/:id/annotations.jsonld`: one record's */
  ONE_OBJECT = 'ONE_OBJECT',
  /** `POST /exports/links`: a signature, no data (the link's export is charged when opened) */
  LINK = 'LINK',
}

/** The tables whose rows a whole export streams (whatever its filters: one may match everything). */
export const EXPORT_TABLES: Partial<Record<ExportKind, string[]>> = {
  [ExportKind.GRAPH]: ['claims', 'actors', 'articles', 'attributions', 'claim_relations'],
  [ExportKind.REVIEWS]: ['reviews'],
};

/** The least a whole export costs, however few rows the estimate counts: ten full pages. */
export const WHOLE_EXPORT_MIN_COST = 1_000;
/** A one-object export: as much as a full page of a connection. */
export const ONE_OBJECT_COST = 100;

/** The charge of an export whose tables hold about `rows` rows (PostgreSQL's estimate). */
export function exportCharge(kind: ExportKind, rows: number): number {
  switch (kind) {
    case ExportKind.GRAPH:
    case ExportKind.REVIEWS:
      return Math.max(WHOLE_EXPORT_MIN_COST, Math.ceil(rows));
    case ExportKind.ONE_OBJECT:
      return ONE_OBJECT_COST;
    case ExportKind.LINK:
      return 1;
  }
}
