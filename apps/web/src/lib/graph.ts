// How the graph view colours the claim graph's edges.

/** Stance colours for edges: agreement green, denial red, relaying grey, the rest amber. */
export function stanceColor(stance: string | null): string {
  switch (stance) {
    case 'ASSERTS':
    case 'CONFIRMS':
      return '#15803d';
    case 'DENIES':
    case 'DISPUTES':
    case 'RETRACTS':
      return '#b91c1c';
    case 'REPORTS':
      return '#475569';
    case null:
      return '#94a3b8';
    default:
      return '#b45309';
  }
}

/** The download formats of the graph view: CSV and Parquet come as two files (nodes, edges) joined by ids. */
export const GRAPH_EXPORTS = [
  { label: 'GraphML', format: 'graphml' },
  { label: 'GEXF', format: 'gexf' },
  { label: 'JSON', format: 'json' },
  { label: 'CSV nodes', format: 'csv', table: 'nodes' },
  { label: 'CSV edges', format: 'csv', table: 'edges' },
  { label: 'Parquet nodes', format: 'parquet', table: 'nodes' },
  { label: 'Parquet edges', format: 'parquet', table: 'edges' },
] as const;

/**
 * The export address of what the graph view shows: the same selection as its `claimGraph` query,
 * under the same argument names (`claimId` or `actorId`, `depth`).
 */
export function graphExportPath(
  exported: { format: string; table?: string },
  target: { claimId?: string; actorId?: string },
  depth: number,
): string {
  const params = new URLSearchParams({ format: exported.format });
  if (exported.table) params.set('table', exported.table);
  if (target.claimId) params.set('claimId', target.claimId);
  else if (target.actorId) params.set('actorId', target.actorId);
  params.set('depth', String(depth));
  return `/exports/graph?${params.toString()}`;
}
