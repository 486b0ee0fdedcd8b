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
