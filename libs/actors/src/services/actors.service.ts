import { Inject, Injectable } from '@nestjs/common';
import {
  AlreadyMerged,
  APP_CONFIG,
  AppConfig,
  coreName,
  decodeCursor,
  encodeCursor,
  keyOf,
  MergeInput,
  NotFoundError,
  Page,
  pageSize,
  SelfMerge,
  SIMILARITY,
  toGlobalId,
  toPage,
} from '@claimtrace/core';
import { ActorKind, ClaimEventKind, Database, Tx } from '@claimtrace/database';
import { EventLogService } from '@claimtrace/events';
import { AffiliationCycle, BlankActorName, LikelyDuplicateActor } from '../actors.errors';
import { ActorObject, ActorRecord } from '../dtos/actor.object';
import { ActorsArgs } from '../dtos/actors.args';
import { CreateActorInput } from '../dtos/create-actor.input';
import { SimilarActorObject, SimilarActorsArgs } from '../dtos/similar-actor.object';
import { UpdateActorInput } from '../dtos/update-actor.input';
import { ActorsRepository, NewActor } from '../repositories/actors.repository';

/** The rules about actors: names, affiliations, paging. */
@Injectable()
export class ActorsService {
  constructor(
    private readonly db: Database,
    private readonly actors: ActorsRepository,
    private readonly events: EventLogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The global id of an actor's database key. */
  globalId(key: string): string {
    return toGlobalId('Actor', key);
  }

  async get(id: string): Promise<ActorObject> {
    const key = keyOf(id, 'Actor');
    const [row] = await this.actors.findByIds([key]);
    if (!row) throw new NotFoundError('Actor', id);
    return ActorObject.from(row);
  }

  /** The actors of these database keys (those that exist), in no particular order. */
  async byKeys(keys: readonly string[]): Promise<ActorObject[]> {
    return (await this.actors.findByIds(keys)).map(ActorObject.from);
  }

  async page(args: ActorsArgs): Promise<Page<ActorObject>> {
    const limit = pageSize(args.first, this.config.MAX_PAGE_SIZE);
    const after = args.after
      ? (decodeCursor(args.after, ['string', 'uuid']) as [string, string])
      : null;
    const search = args.search?.trim() || null;
    const { rows, totalCount } = await this.actors.page({
      search,
      kind: args.kind ?? null,
      limit,
      after,
    });
    return toPage(
      rows,
      limit,
      args.after,
      totalCount,
      (row) => encodeCursor([row.name, row.id]),
      ActorObject.from,
    );
  }

  /**
   * Current actors whose name or an alias is like `name` (a descriptive apposition or relative
   * clause after it set aside: "Minera Salar Grande, the largest producer"), best first.
   */
  async similar(args: SimilarActorsArgs): Promise<SimilarActorObject[]> {
    const limit = args.first == null ? 5 : pageSize(args.first, this.config.MAX_PAGE_SIZE);
    const rows = await this.actors.similar(
      coreName(visible(args.name)),
      SIMILARITY.actorFloor,
      limit,
    );
    return rows.map((row) => ({ actor: ActorObject.from(row), score: row.score }));
  }

  /**
   * Creates an actor, unless a current actor is likely the same one (CONFLICT naming it; see
   * SIMILARITY.actorDuplicate) and the input does not allow the duplicate. The similarity is read
   * before the transaction (see ClaimsService.create); inside it, creations of one name wait for
   * each other, so the same actor sent twice at once is created once.
   */
  async create(input: CreateActorInput, by: string | null): Promise<ActorObject> {
    const actor: NewActor = {
      name: visible(input.name),
      kind: input.kind,
      aliases: uniqueAliases(input.aliases ?? []),
      affiliationId: input.affiliationId
        ? keyOf(input.affiliationId, 'Actor', 'affiliationId')
        : null,
      wikidataId: input.wikidataId ?? null,
    };
    if (!input.allowDuplicate) {
      const [best] = await this.actors.similar(actor.name, SIMILARITY.actorDuplicate, 1);
      if (best) throw await this.duplicateOf(best.id, best.score);
    }
    return this.db.transaction(async (tx) => {
      if (actor.affiliationId)
        await this.assertExists(tx, actor.affiliationId, input.affiliationId!);
      if (!input.allowDuplicate) {
        // the same name sent twice at once: the second waits for the first and finds it
        await this.actors.lockNames(tx, [actor.name]);
        const same = await this.actors.findBySameWords(tx, actor.name);
        if (same) throw await this.duplicateOf(same, 1);
      }
      return this.recordCreated(tx, await this.actors.create(tx, actor), by);
    });
  }

  async update(input: UpdateActorInput, by: string | null): Promise<ActorObject> {
    const key = keyOf(input.actorId, 'Actor', 'actorId');
    const changes: Partial<NewActor> = {};
    if (input.name != null) changes.name = visible(input.name);
    if (input.kind != null) changes.kind = input.kind;
    if (input.aliases != null) changes.aliases = uniqueAliases(input.aliases);
    if (input.wikidataId !== undefined) changes.wikidataId = input.wikidataId;
    if (input.affiliationId !== undefined) {
      changes.affiliationId = input.affiliationId
        ? keyOf(input.affiliationId, 'Actor', 'affiliationId')
        : null;
    }
    return this.db.transaction(async (tx) => {
      await this.assertExists(tx, key, input.actorId);
      if (changes.affiliationId) {
        await this.assertExists(tx, changes.affiliationId, input.affiliationId!);
        const above = await this.actors.affiliationAncestors(tx, changes.affiliationId);
        if (changes.affiliationId === key || above.includes(key)) throw new AffiliationCycle();
      }
      const row = await this.actors.update(tx, key, changes);
      await this.events.append(tx, {
        kind: ClaimEventKind.ACTOR_UPDATED,
        actorIds: [key],
        by,
        payload: { actorId: input.actorId, changes: Object.keys(changes) },
      });
      return ActorObject.from(row);
    });
  }

  /**
   * Merges an actor into another (the same person under two names): everything that pointed at the
   * merged actor points at the kept one, its names become aliases, and it keeps resolving with
   * `mergedInto`.
   */
  async merge(input: MergeInput, by: string | null): Promise<ActorObject> {
    const keep = keyOf(input.keepId, 'Actor', 'keepId');
    const merge = keyOf(input.mergeId, 'Actor', 'mergeId');
    if (keep === merge) throw new SelfMerge('actor');
    return this.db.transaction(async (tx) => {
      const [first, second] = keep < merge ? [keep, merge] : [merge, keep];
      const locked = new Map([
        [first, await this.actors.lock(tx, first)],
        [second, await this.actors.lock(tx, second)],
      ]);
      const kept = locked.get(keep);
      const merged = locked.get(merge);
      if (!kept) throw new NotFoundError('Actor', input.keepId);
      if (!merged) throw new NotFoundError('Actor', input.mergeId);
      for (const [actor, id] of [
        [kept, input.keepId],
        [merged, input.mergeId],
      ] as const) {
        if (actor.mergedIntoId) {
          throw new AlreadyMerged('actor', id, toGlobalId('Actor', actor.mergedIntoId));
        }
      }
      const moved = await this.actors.moveOnto(tx, keep, merge);
      await this.actors.markMerged(tx, merge, keep);
      const aliases = uniqueAliases([
        ...(kept.aliases ?? []),
        merged.name,
        ...(merged.aliases ?? []),
      ]).filter((alias) => alias.toLowerCase() !== kept.name.toLowerCase());
      const row = await this.actors.update(tx, keep, { aliases });
      await this.events.append(tx, {
        kind: ClaimEventKind.ACTORS_MERGED,
        actorIds: [keep, merge],
        by,
        payload: { keepId: input.keepId, mergeId: input.mergeId, moved },
      });
      return ActorObject.from(row);
    });
  }

  /** The key of an existing actor, or NOT_FOUND naming the id the client gave. */
  async requireKey(tx: Tx, key: string, id: string): Promise<string> {
    await this.assertExists(tx, key, id);
    return key;
  }

  /**
   * For each name, the actor with this name or alias, created with its kind when there is none (an
   * article's publisher and authors given by name); safe under concurrent callers naming the same
   * actors in any order.
   */
  async findOrCreateByNames(
    tx: Tx,
    named: { name: string; kind: ActorKind }[],
    by: string | null,
  ): Promise<string[]> {
    const names = named.map((entry) => visible(entry.name));
    if (names.length === 0) return [];
    await this.actors.lockNames(tx, names);
    const ids: string[] = [];
    for (const [i, name] of names.entries()) {
      const existing = await this.actors.findByName(tx, name);
      if (existing) {
        ids.push(existing);
        continue;
      }
      const row = await this.actors.create(tx, {
        name,
        kind: named[i].kind,
        aliases: [],
        affiliationId: null,
        wikidataId: null,
      });
      ids.push((await this.recordCreated(tx, row, by)).key);
    }
    return ids;
  }

  private async duplicateOf(key: string, score: number): Promise<LikelyDuplicateActor> {
    const [row] = await this.actors.findByIds([key]);
    return new LikelyDuplicateActor({ id: toGlobalId('Actor', key), name: row.name, score });
  }

  private async recordCreated(tx: Tx, row: ActorRecord, by: string | null): Promise<ActorObject> {
    const actor = ActorObject.from(row);
    await this.events.append(tx, {
      kind: ClaimEventKind.ACTOR_CREATED,
      actorIds: [row.id],
      by,
      payload: { actorId: actor.id, name: row.name, kind: row.kind },
    });
    return actor;
  }

  private async assertExists(tx: Tx, key: string, id: string): Promise<void> {
    if (!(await this.actors.exists(tx, key))) throw new NotFoundError('Actor', id);
  }
}

function visible(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new BlankActorName();
  return trimmed;
}

function uniqueAliases(aliases: string[]): string[] {
  return [...new Set(aliases.map((alias) => alias.trim()).filter(Boolean))];
}
