/**
 * Answer equivalence of the peer bench: the API's page and PostGraphile's, each turned into the
 * same plain rows (database ids, times as instants, the stance summary's counts in stance order),
 * must be equal. The two differ only in names and encodings: global ids against `rowId`, edges
 * against `nodes`, ISO times in `Z` against `+00:00`, `chain` a list against a connection.
 */

type Json = Record<string, any>;

/** The database key of the API's global id (base64url of `Type:uuid`). */
const keyOf = (id: string) => Buffer.from(id, 'base64url').toString('utf8').split(':')[1];
const instant = (time: string | null) => (time === null ? null : new Date(time).getTime());

const actor = (a: Json | null | undefined, id: (a: Json) => string) =>
  a === undefined ? undefined : a === null ? null : { id: id(a), name: a.name, kind: a.kind };
const summary = (s: Json | undefined) =>
  s && {
    counts: s.counts.map((c: Json) => ({ stance: c.stance, count: c.count })),
    distinctActors: s.distinctActors,
  };

/** How each server spells ids, a claim's attributions and an attribution's chain. */
interface Dialect {
  id(o: Json): string;
  attributions(claim: Json): Json[];
  chain(attribution: Json): Json[];
}
const API: Dialect = {
  id: (o) => keyOf(o.id),
  attributions: (claim) => claim.attributions.edges.map((edge: Json) => edge.node),
  chain: (attribution) => attribution.chain,
};
const PEER: Dialect = {
  id: (o) => o.rowId,
  attributions: (claim) => claim.attributions.nodes,
  chain: (attribution) => attribution.chain.nodes,
};

/** The plain rows of one page (`data.claims`, or PostGraphile's `data.claimsTagged`). */
function rowsOf(page: Json, { id, attributions, chain }: Dialect): Json {
  return {
    totalCount: page.totalCount,
    claims: page.edges.map(({ node }: Json) => ({
      id: id(node),
      text: node.text,
      status: node.status,
      tags: node.tags,
      stanceSummary: summary(node.stanceSummary),
      attributions: {
        totalCount: node.attributions.totalCount,
        rows: attributions(node).map((a) => ({
          id: id(a),
          stance: a.stance,
          statedAt: instant(a.statedAt),
          actor: actor(a.actor, id),
          passage: {
            id: id(a.passage),
            start: a.passage.start,
            end: a.passage.end,
            exact: a.passage.exact,
            article: {
              id: id(a.passage.article),
              title: a.passage.article.title,
              url: a.passage.article.url,
              publisher: actor(a.passage.article.publisher, id),
            },
          },
          chain: chain(a).map((hop) => ({
            id: id(hop),
            stance: hop.stance,
            actor: hop.actor.name,
          })),
        })),
      },
    })),
  };
}

/** Throws, naming the first difference, unless both pages hold the same rows. */
export function assertSameRows(api: Json, peer: Json, label: string): number {
  const a = JSON.stringify(rowsOf(api, API));
  const b = JSON.stringify(rowsOf(peer, PEER));
  if (a !== b) {
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    throw new Error(
      `${label}: the API and PostGraphile answer different rows, from character ${at}:\n` +
        `  API:          …${a.slice(Math.max(0, at - 80), at + 120)}\n` +
        `  PostGraphile: …${b.slice(Math.max(0, at - 80), at + 120)}`,
    );
  }
  return JSON.parse(a).claims.reduce((n: number, c: Json) => n + c.attributions.rows.length, 0);
}
