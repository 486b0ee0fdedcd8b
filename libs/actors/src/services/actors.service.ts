import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  decodeCursor,
  encodeCursor,
  keyOf,
  NotFoundError,
  Page,
  pageSize,
  toPage,
} from '@claimtrace/core';
import { ActorKind, ClaimEventKind, Database, Tx } from '@claimtrace/database';
import { EventLogRepository } from '@claimtrace/events';
import { AffiliationCycle, BlankActorName } from '../actors.errors';
import { ActorObject } from '../dtos/actor.object';
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
    private readonly events: EventLogRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
      const row = await this.actors.create(tx, actor);
      await this.events.append(tx, {
        kind: ClaimEventKind.ACTOR_CREATED,
        actorIds: [row.id],
        by,
        payload: { actorId: ActorObject.from(row).id, name: row.name, kind: row.kind },
      });
      return ActorObject.from(row);
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
    await this.events.append(tx, {
      kind: ClaimEventKind.ACTOR_CREATED,
      actorIds: [row.id],
      by,
      payload: { actorId: ActorObject.from(row).id, name: row.name, kind: row.kind },
    });
    return row.id;
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
