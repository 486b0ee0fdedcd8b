import type { TestApp } from '../test-app';

/**
 * A claim's events in log order, once at least `count` are readable: `events` hands out only the
 * final prefix of the log, which a transaction running elsewhere in the cluster may hold back.
 */
export async function claimEventsOf(
  t: TestApp,
  claimId: string,
  count: number,
  fields = 'kind by person { name } payload',
): Promise<Record<string, any>[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const data: any = await t.ok(
      `query ($c: ID) { events(first: 100, claimId: $c) { edges { node { ${fields} } } } }`,
      { c: claimId },
    );
    const nodes = data.events.edges.map((e: any) => e.node);
    if (nodes.length >= count || Date.now() > deadline) return nodes;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
