import { AppConfig } from '@claimtrace/core';

/** What an HTTP export request is charged, from the rate budget GraphQL operations spend. */
export enum ExportCost {
  /** `/exports/graph`, `/exports/claimreviews.jsonl`: every row of a table, streamed */
  WHOLE_GRAPH = 'WHOLE_GRAPH',
  /** `/claims/:id/claimreview.jsonld`, `/articles/:id/annotations.jsonld`: one record's */
  ONE_OBJECT = 'ONE_OBJECT',
  /** `POST /exports/links`: a signature, no data (the link's export is charged when opened) */
  LINK = 'LINK',
}

/** The charge of a one-object export: as much as a full page of a connection (100 objects). */
const ONE_OBJECT_COST = 100;

/**
 * The charge of an export. A whole-graph export reads at least as much as the costliest query
 * allowed, whatever its filters (a filter may match everything), so it costs `QUERY_MAX_COST`
 * (100,000 by default: 2 a minute for an anonymous client, 10 for a token, at the default rates).
 */
export function exportCost(cost: ExportCost, config: Pick<AppConfig, 'QUERY_MAX_COST'>): number {
  switch (cost) {
    case ExportCost.WHOLE_GRAPH:
      return config.QUERY_MAX_COST;
    case ExportCost.ONE_OBJECT:
      return ONE_OBJECT_COST;
    case ExportCost.LINK:
      return 1;
  }
}
