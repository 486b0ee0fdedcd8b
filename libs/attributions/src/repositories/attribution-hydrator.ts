import { Injectable } from '@nestjs/common';
import { ACTOR_COLUMNS, ActorObject } from '@claimtrace/actors';
import { passageReader } from '@claimtrace/articles';
import { columnPicker } from '@claimtrace/core';
import { AttributionObject, AttributionRecord } from '../dtos/attribution.object';
import { AttributionsRepository, JoinedAttributionRow } from './attributions.repository';

const readActor = columnPicker(ACTOR_COLUMNS, 'actor_');
const readPassage = passageReader('passage_');

/** The attribution of a joined row, with its actor and passage (and the passage's article). */
export function attributionFromRow(row: JoinedAttributionRow): AttributionObject {
  return AttributionObject.from(
    row as AttributionRecord,
    ActorObject.from(readActor(row)),
    readPassage(row),
  );
}

/**
 * Turns joined attribution rows into objects whose relay chain is loaded too: one query for all the
 * chains of a batch. Every hop of a chain gets its own `chain` (the rest of it) and `reportedVia`.
 */
@Injectable()
export class AttributionHydrator {
  constructor(private readonly repository: AttributionsRepository) {}

  async hydrate(rows: JoinedAttributionRow[]): Promise<AttributionObject[]> {
    const attributions = rows.map(attributionFromRow);
    const relayed = attributions.filter((a) => a.reportedViaKey !== null);
    if (relayed.length === 0) return attributions;
    const hops = new Map<string, AttributionObject[]>();
    for (const row of await this.repository.chains(relayed.map((a) => a.key))) {
      const start = (row as { startId: string }).startId;
      if (!hops.has(start)) hops.set(start, []);
      hops.get(start)!.push(attributionFromRow(row));
    }
    for (const attribution of relayed) {
      const chain = [attribution, ...(hops.get(attribution.key) ?? [])];
      chain.forEach((hop, i) => {
        hop.chain = chain.slice(i);
        hop.reportedVia = chain[i + 1] ?? null;
      });
    }
    return attributions;
  }
}
