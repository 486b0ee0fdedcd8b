import { Injectable } from '@nestjs/common';
import { ACTOR_COLUMNS, ActorObject } from '@claimtrace/actors';
import { ArticleObject, articleReader, passageReader } from '@claimtrace/articles';
import { columnPicker } from '@claimtrace/core';
import { AttributionObject, AttributionRecord } from '../dtos/attribution.object';
import { AttributionsRepository, ChainRow, JoinedAttributionRow } from './attributions.repository';

const readActor = columnPicker(ACTOR_COLUMNS, 'actor_');
const readPassage = passageReader('passage_', true);
const readArticle = articleReader('passage_');

/**
 * A reader of joined rows: the attribution of each, with its actor and passage (and the passage's
 * article and publisher). Each actor and article is built once per reader and shared by the
 * attributions that cite it (read-only objects): a page of a thousand attributions names a few
 * hundred actors and a few dozen articles. The actors and articles may come as rows of their own
 * (AttributionsRepository.pages sends each once); else each is read from the first row citing it.
 */
export function rowReader(
  actorRows: Record<string, unknown>[] = [],
  articleRows: Record<string, unknown>[] = [],
): (row: JoinedAttributionRow) => AttributionObject {
  const actors = new Map<string, ActorObject>();
  for (const row of actorRows) {
    const actor = ActorObject.from(readActor(row));
    actors.set(actor.key, actor);
  }
  const articles = new Map<string, ArticleObject>();
  for (const row of articleRows) {
    const article = readArticle(row);
    articles.set(article.key, article);
  }
  return (row) => {
    let actor = actors.get(row.actorId);
    if (!actor) {
      actor = ActorObject.from(readActor(row));
      actors.set(actor.key, actor);
    }
    return AttributionObject.from(row as AttributionRecord, actor, readPassage(row, articles));
  };
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
 * Links `attributions` to their relay chains, one hop per chain row (in start and depth order): a
 * row without its joined columns is a hop among `attributions`, of which the hop gets a fresh
 * object. Every hop of a chain gets its own `chain` (the rest of it) and `reportedVia`.
 */
function linkChains(
  attributions: AttributionObject[],
  rows: ChainRow[],
  read: (row: JoinedAttributionRow) => AttributionObject,
): AttributionObject[] {
  const relayed = attributions.filter((a) => a.reportedViaKey !== null);
  if (relayed.length === 0) return attributions;
  const known = new Map(attributions.map((a) => [a.key, a]));
  const hops = new Map<string, AttributionObject[]>();
  for (const row of rows) {
    const hop = row.id === null ? hopOf(known.get(row.hopId)!) : read(row);
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

/**
 * Turns joined attribution rows into objects whose relay chain is loaded too: one query for all the
 * chains of a batch, or none where the rows came with their chains (AttributionsRepository.pages).
 * A relay is on the same claim and was made before what it relays, so most hops are in the batch
 * already: the chain rows carry only the ids of those, and their hops are built from the batch.
 */
@Injectable()
export class AttributionHydrator {
  constructor(private readonly repository: AttributionsRepository) {}

  async hydrate(rows: JoinedAttributionRow[]): Promise<AttributionObject[]> {
    const read = rowReader();
    const attributions = rows.map(read);
    const relayed = attributions.filter((a) => a.reportedViaKey !== null);
    if (relayed.length === 0) return attributions;
    const chains = await this.repository.chains(
      relayed.map((a) => a.key),
      attributions.map((a) => a.key),
    );
    return linkChains(attributions, chains, read);
  }

  /**
   * The attributions of rows read with their chains, and the actors and articles they cite
   * (AttributionsRepository.pages).
   */
  withChains(
    rows: JoinedAttributionRow[],
    chains: ChainRow[],
    actors: Record<string, unknown>[],
    articles: Record<string, unknown>[],
  ): AttributionObject[] {
    const read = rowReader(actors, articles);
    return linkChains(rows.map(read), chains, read);
  }
}
