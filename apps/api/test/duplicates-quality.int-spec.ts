import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SIMILARITY } from '@claimtrace/core';
import { startTestApp, TestApp } from './test-app';

/**
 * Precision and recall of the duplicate suggestions on the labelled sets of bench/duplicates (see
 * its README): every probe asks similarClaims / similarActors for its best match; a match at or
 * above a threshold is a suggestion, right when it is the labelled duplicate. Prints the figures
 * at the thresholds createClaim and createActor use, and around them.
 * `npm run eval:duplicates` runs this file alone.
 */
const SETS = resolve(__dirname, '../../../bench/duplicates');
const THRESHOLDS = [0.5, 0.6, 0.7, 0.75, 0.8, 0.9];

interface Probe {
  kind: string;
  duplicateOf: number | null;
  best: { index: number; score: number } | null;
}

function scores(probes: Probe[], threshold: number) {
  let tp = 0;
  let fp = 0;
  for (const probe of probes) {
    if (!probe.best || probe.best.score < threshold) continue;
    if (probe.best.index === probe.duplicateOf) tp += 1;
    else fp += 1;
  }
  const positives = probes.filter((p) => p.duplicateOf !== null).length;
  return { threshold, precision: tp / Math.max(1, tp + fp), recall: tp / positives, tp, fp };
}

function report(title: string, probes: Probe[], chosen: number) {
  const rows = THRESHOLDS.map((threshold) => scores(probes, threshold));
  const misses = probes.filter(
    (p) =>
      (p.duplicateOf !== null) !== (p.best !== null && p.best.score >= chosen) ||
      (p.duplicateOf !== null && p.best?.index !== p.duplicateOf),
  );
  const byKind = [...new Set(probes.map((p) => p.kind))].map(
    (kind) =>
      `${kind} ${misses.filter((p) => p.kind === kind).length}/${probes.filter((p) => p.kind === kind).length}`,
  );
  console.log(
    [
      `${title}: ${probes.length} probes, threshold in use ${chosen}`,
      ...rows.map(
        (r) =>
          `  ≥ ${r.threshold.toFixed(2)}  precision ${r.precision.toFixed(2)}  recall ${r.recall.toFixed(2)}  (tp ${r.tp}, fp ${r.fp})`,
      ),
      `  wrong at ${chosen}, by kind: ${byKind.join(', ')}`,
    ].join('\n'),
  );
  return scores(probes, chosen);
}

/** How one set is run: its file, the mutation that creates an item, the query that asks. */
interface SetRun {
  file: string;
  create: string;
  /** the created item's fields for `create`, from an existing item of the set */
  input: (item: Record<string, unknown>) => Record<string, unknown>;
  ask: string;
  /** the variables of `ask`, from a probe of the set */
  variables: (probe: Record<string, unknown>) => Record<string, unknown>;
}

const CLAIMS: SetRun = {
  file: 'labelled-claims.json',
  create: `mutation ($i: CreateClaimInput!) { created: createClaim(input: $i) { id } }`,
  input: (claim) => ({ ...claim, allowDuplicate: true }),
  ask: `query ($text: String!, $language: String) {
    similar: similarClaims(text: $text, language: $language, first: 1) { score item: claim { id } } }`,
  variables: (probe) => ({ text: probe.text, language: probe.language }),
};

const ACTORS: SetRun = {
  file: 'labelled-actors.json',
  create: `mutation ($i: CreateActorInput!) { created: createActor(input: $i) { id } }`,
  input: (actor) => ({ ...actor, kind: 'PERSON', allowDuplicate: true }),
  ask: `query ($name: String!) { similar: similarActors(name: $name, first: 1) { score item: actor { id } } }`,
  variables: (probe) => ({ name: probe.name }),
};

describe('duplicate suggestions on the labelled sets', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** Creates the set's existing items, then asks for each probe's best match. */
  async function run(set: SetRun): Promise<Probe[]> {
    const data = JSON.parse(readFileSync(resolve(SETS, set.file), 'utf8'));
    const ids: string[] = [];
    for (const item of data.existing) {
      ids.push((await t.ok(set.create, { i: set.input(item) })).created.id);
    }
    const probes: Probe[] = [];
    for (const probe of data.probes) {
      const [best] = (await t.ok(set.ask, set.variables(probe))).similar;
      probes.push({
        kind: probe.kind,
        duplicateOf: probe.duplicateOf,
        best: best ? { index: ids.indexOf(best.item.id), score: best.score } : null,
      });
    }
    return probes;
  }

  it('claims: precision and recall at the createClaim threshold', async () => {
    const at = report('similarClaims', await run(CLAIMS), SIMILARITY.claimDuplicate);
    expect(at.precision).toBeGreaterThanOrEqual(0.85);
    expect(at.recall).toBeGreaterThanOrEqual(0.6);
  });

  it('actors: precision and recall at the createActor threshold', async () => {
    const at = report('similarActors', await run(ACTORS), SIMILARITY.actorDuplicate);
    expect(at.precision).toBeGreaterThanOrEqual(0.85);
    expect(at.recall).toBeGreaterThanOrEqual(0.6);
  });
});
