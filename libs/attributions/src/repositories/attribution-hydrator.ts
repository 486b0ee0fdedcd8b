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
 * A fresh object of an attribution read already, sharing its actor and passage (read-only objects):
 * a hop of another attribution's chain, which gets its own `chain` and `reportedVia`.
 */
function hopOf(known: AttributionObject): AttributionObject {
  return AttributionObject.from(
    {
      id: known.key,
      claimId: known.claimKey,
      actorId: known.actorKey,
      stance: known.stance,
      passageId: known.passageKey,
      statedAt: known.statedAt,
      reportedViaId: known.reportedViaKey,
      confidence: known.confidence,
      createdAt: known.createdAt,
      removedAt: known.removedAt,
    },
    known.actor,
    known.passage,
  );
}

/**
 * Turns joined attribution rows into objects whose relay chain is loaded too: one query for all the
 * chains of a batch. Every hop of a chain gets its own `chain` (the rest of it) and `reportedVia`.
 * A relay is on the same claim and was made before what it relays, so most hops are in the batch
 * already: the chain query sends only the ids of those, and their hops are built from the batch.
 */
@Injectable()
export class AttributionHydrator {
  constructor(private readonly repository: AttributionsRepository) {}

  async hydrate(rows: JoinedAttributionRow[]): Promise<AttributionObject[]> {
    const attributions = rows.map(attributionFromRow);
    const relayed = attributions.filter((a) => a.reportedViaKey !== null);
    if (relayed.length === 0) return attributions;
    const known = new Map(attributions.map((a) => [a.key, a]));
    const hops = new Map<string, AttributionObject[]>();
    const chainRows = await this.repository.chains(
      relayed.map((a) => a.key),
      [...known.keys()],
    );
    for (const row of chainRows) {
      const hop = row.id === null ? hopOf(known.get(row.hopId)!) : attributionFromRow(row);
      const chain = hops.get(row.startId);
      if (chain) chain.push(hop);
      else hops.set(row.startId, [hop]);
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
