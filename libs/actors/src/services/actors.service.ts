import { Inject, Injectable } from '@nestjs/common';
import {
  AlreadyMerged,
  APP_CONFIG,
  AppConfig,
  decodeCursor,
  encodeCursor,
  keyOf,
  MergeInput,
  NotFoundError,
  Page,
  pageSize,
  SelfMerge,
  toGlobalId,
  toPage,
} from '@claimtrace/core';
import { ActorKind, ClaimEventKind, Database, Tx } from '@claimtrace/database';
import { EventLogService } from '@claimtrace/events';
import { AffiliationCycle, BlankActorName } from '../actors.errors';
import { ActorObject, ActorRecord } from '../dtos/actor.object';
import { ActorsArgs } from '../dtos/actors.args';
import { CreateActorInput } from '../dtos/create-actor.input';
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

  async page(args: ActorsArgs): Promise<Page<ActorObject>> {
    const limit = pageSize(args.first, this.config.MAX_PAGE_SIZE);
    const after = args.after
      ? (decodeCursor(args.after, ['string', 'string']) as [string, string])
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
    return this.db.transaction(async (tx) => {
      if (actor.affiliationId)
        await this.assertExists(tx, actor.affiliationId, input.affiliationId!);
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
   * The actor with this name or alias, created with `kind` when there is none (an article's
   * publisher or author given by name).
   */
  async findOrCreateByName(
    tx: Tx,
    rawName: string,
    kind: ActorKind,
    by: string | null,
  ): Promise<string> {
    const name = visible(rawName);
    await this.actors.lockName(tx, name);
    const existing = await this.actors.findByName(tx, name);
    if (existing) return existing;
    const row = await this.actors.create(tx, {
      name,
      kind,
      aliases: [],
      affiliationId: null,
      wikidataId: null,
    });
    return (await this.recordCreated(tx, row, by)).key;
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
