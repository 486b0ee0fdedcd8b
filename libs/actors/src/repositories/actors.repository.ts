import { Injectable } from '@nestjs/common';
import { ColumnSpec, sameWordsKeySql, selectColumns } from '@claimtrace/core';
import { ActorKind, ActorRow, Database, Tx } from '@claimtrace/database';
import { ActorRecord } from '../dtos/actor.object';

export interface ActorPageQuery {
  search: string | null;
  kind: ActorKind | null;
  limit: number;
  /** the (name, id) sort key to continue after */
  after: [string, string] | null;
}

export type NewActor = Pick<ActorRow, 'name' | 'kind' | 'aliases' | 'affiliationId' | 'wikidataId'>;

/** The actors table's columns, for queries of other features that join actors. */
export const ACTOR_COLUMNS: ColumnSpec<ActorRow, ActorRecord> = [
  ['id', 'id'],
  ['name', 'name'],
  ['kind', 'kind'],
  ['aliases', 'aliases'],
  ['affiliation_id', 'affiliationId'],
  ['wikidata_id', 'wikidataId'],
  ['merged_into_id', 'mergedIntoId'],
];
const COLUMNS = selectColumns(ACTOR_COLUMNS, 'actors');

/**
 * Current actors like a name ($1), best first: the score is the trigram similarity of the name,
 * or of the closest alias, lower-cased and unaccented; at least $2, at most $3 of them.
 */
const SIMILAR_SQL = `WITH q AS MATERIALIZED (SELECT claimtrace_unaccent(lower($1::text)) AS folded)
  SELECT ${selectColumns(ACTOR_COLUMNS, 'a')}, s.score FROM actors a
  CROSS JOIN q
  CROSS JOIN LATERAL (SELECT greatest(similarity(claimtrace_unaccent(lower(a.name)), q.folded),
    coalesce((SELECT max(similarity(claimtrace_unaccent(lower(alias)), q.folded))
              FROM unnest(a.aliases) alias), 0))::float8 AS score) s
  WHERE a.merged_into_id IS NULL
    AND (claimtrace_unaccent(lower(a.name)) % q.folded
         OR EXISTS (SELECT 1 FROM unnest(a.aliases) alias
                    WHERE claimtrace_unaccent(lower(alias)) % q.folded))
    AND s.score >= $2::float8
  ORDER BY s.score DESC, a.name, a.id
  LIMIT $3::int`;

export type SimilarActorRow = ActorRecord & { score: number };

/** The columns `update` may set, and their PostgreSQL types (for the parameters' casts). */
const WRITABLE_COLUMNS: ColumnSpec<ActorRow, NewActor> = [
  ['name', 'name'],
  ['kind', 'kind'],
  ['aliases', 'aliases'],
  ['affiliation_id', 'affiliationId'],
  ['wikidata_id', 'wikidataId'],
];
const COLUMN_TYPES: Record<(typeof WRITABLE_COLUMNS)[number][0], string> = {
  name: 'text',
  kind: 'actor_kind',
  aliases: 'text[]',
  affiliation_id: 'uuid',
  wikidata_id: 'text',
};

/** All SQL about actors. */
@Injectable()
export class ActorsRepository {
  constructor(private readonly db: Database) {}

  async findByIds(ids: readonly string[]): Promise<ActorRecord[]> {
    if (ids.length === 0) return [];
    return this.db.query<ActorRecord>(`SELECT ${COLUMNS} FROM actors WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
  }

  async exists(tx: Tx, id: string): Promise<boolean> {
    const rows = await tx.$queryRaw<unknown[]>`SELECT 1 FROM actors WHERE id = ${id}::uuid`;
    return rows.length > 0;
  }

  /** The actor (not merged away) whose name or an alias is `name`, ignoring case. */
  async findByName(tx: Tx, name: string): Promise<string | null> {
    const rows = await tx.$queryRaw<Pick<ActorRow, 'id'>[]>`
      SELECT id::text AS id FROM actors
      WHERE merged_into_id IS NULL
        AND (lower(name) = lower(${name})
             OR EXISTS (SELECT 1 FROM unnest(aliases) alias WHERE lower(alias) = lower(${name})))
      ORDER BY (lower(name) = lower(${name})) DESC, created_at
      LIMIT 1`;
    return rows[0]?.id ?? null;
  }

  /**
   * For each name, the best-matching current actor: an exact name or alias (ignoring case and
   * accents) first, else the most similar name by trigrams above `threshold`.
   */
  async matchNames(
    names: readonly string[],
    threshold = 0.45,
  ): Promise<(Pick<ActorRow, 'name'> & { actorId: ActorRow['id'] })[]> {
    if (names.length === 0) return [];
    return this.db.query(
      `SELECT q.name, m.id AS "actorId"
       FROM unnest($1::text[]) AS q(name)
       CROSS JOIN LATERAL (
         SELECT a.id,
                CASE WHEN claimtrace_unaccent(lower(a.name)) = claimtrace_unaccent(lower(q.name))
                       OR EXISTS (SELECT 1 FROM unnest(a.aliases) alias
                                  WHERE claimtrace_unaccent(lower(alias)) = claimtrace_unaccent(lower(q.name)))
                     THEN 2
                     ELSE similarity(claimtrace_unaccent(lower(a.name)), claimtrace_unaccent(lower(q.name)))
                END AS score
         FROM actors a
         WHERE a.merged_into_id IS NULL
           AND (claimtrace_unaccent(lower(a.name)) % claimtrace_unaccent(lower(q.name))
                OR claimtrace_unaccent(lower(a.name)) = claimtrace_unaccent(lower(q.name))
                OR EXISTS (SELECT 1 FROM unnest(a.aliases) alias
                           WHERE claimtrace_unaccent(lower(alias)) = claimtrace_unaccent(lower(q.name))))
         ORDER BY score DESC, a.created_at LIMIT 1) m
       WHERE m.score >= $2`,
      [names, threshold],
    );
  }

  /** Current actors like a name, best first (SIMILAR_SQL). */
  similar(name: string, floor: number, limit: number): Promise<SimilarActorRow[]> {
    return this.db.query<SimilarActorRow>(SIMILAR_SQL, [
      name.replaceAll('\u0000', ''),
      floor,
      limit,
    ]);
  }

  /**
   * Serialises creations of actors of these names until the transaction ends. The locks are taken
   * in one order (by key) whatever the order of the names, so two transactions naming the same
   * actors in other orders wait for each other instead of deadlocking (PostgreSQL evaluates a
   * volatile output column after ORDER BY).
   */
  async lockNames(tx: Tx, names: string[]): Promise<void> {
    await tx.$queryRawUnsafe(
      `SELECT pg_advisory_xact_lock(key)::text FROM (
         SELECT DISTINCT hashtext('actor:' || ${sameWordsKeySql('name')}) AS key
         FROM unnest($1::text[]) name) keys
       ORDER BY key`,
      names,
    );
  }

  /**
   * The oldest current actor whose name or an alias has the same words as `name` (sameWordsKeySql:
   * case, accents, punctuation and spacing aside), after lockNames.
   */
  async findBySameWords(tx: Tx, name: string): Promise<string | null> {
    const rows = await tx.$queryRawUnsafe<Pick<ActorRow, 'id'>[]>(
      `SELECT id::text AS id FROM actors
       WHERE merged_into_id IS NULL
         AND (${sameWordsKeySql('name')} = ${sameWordsKeySql('$1::text')}
              OR EXISTS (SELECT 1 FROM unnest(aliases) alias
                         WHERE ${sameWordsKeySql('alias')} = ${sameWordsKeySql('$1::text')}))
       ORDER BY created_at
       LIMIT 1`,
      name,
    );
    return rows[0]?.id ?? null;
  }

  /** One page of actors in name order, and how many match in all. */
  async page(query: ActorPageQuery): Promise<{ rows: ActorRecord[]; totalCount: number }> {
    const where: string[] = ['merged_into_id IS NULL'];
    const params: unknown[] = [];
    if (query.kind) {
      params.push(query.kind);
      where.push(`kind = $${params.length}::actor_kind`);
    }
    if (query.search) {
      params.push(query.search.replaceAll('\u0000', '')); // PostgreSQL text cannot hold NUL
      const q = `claimtrace_unaccent(lower($${params.length}))`;
      // Fuzzy, case- and accent-insensitive: a substring (no LIKE wildcards: `%` and `_` are
      // text), a similar name (pg_trgm `%`, the trigram index) or a similar word in the name or an
      // alias (`<%`), so "Milei" finds "Javier Milei" and "Javer Miley" still does.
      where.push(`(strpos(claimtrace_unaccent(lower(name)), ${q}) > 0
        OR claimtrace_unaccent(lower(name)) % ${q}
        OR ${q} <% claimtrace_unaccent(lower(name))
        OR EXISTS (SELECT 1 FROM unnest(aliases) alias
                   WHERE strpos(claimtrace_unaccent(lower(alias)), ${q}) > 0
                      OR ${q} <% claimtrace_unaccent(lower(alias))))`);
    }
    const filter = where.join(' AND ');
    const countParams = [...params];
    if (query.after) {
      params.push(query.after[0], query.after[1]);
      where.push(`(name, id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(query.limit + 1);
    const [rows, [{ count }]] = await Promise.all([
      this.db.query<ActorRecord>(
        `SELECT ${COLUMNS} FROM actors WHERE ${where.join(' AND ')} ORDER BY name, id LIMIT $${params.length}`,
        params,
      ),
      this.db.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM actors WHERE ${filter}`,
        countParams,
      ),
    ]);
    return { rows, totalCount: count };
  }

  async create(tx: Tx, actor: NewActor): Promise<ActorRecord> {
    const rows = await tx.$queryRawUnsafe<ActorRecord[]>(
      `INSERT INTO actors (name, kind, aliases, affiliation_id, wikidata_id, created_at, updated_at)
       VALUES ($1, $2::actor_kind, $3::text[], $4::uuid, $5, $6::timestamptz, $6::timestamptz)
       RETURNING ${COLUMNS}`,
      actor.name,
      actor.kind,
      actor.aliases,
      actor.affiliationId,
      actor.wikidataId,
      new Date(),
    );
    return rows[0];
  }

  async update(tx: Tx, id: string, changes: Partial<NewActor>): Promise<ActorRecord> {
    const params: unknown[] = [id, new Date()];
    const set = ['updated_at = $2'];
    for (const [column, key] of WRITABLE_COLUMNS) {
      if (changes[key] === undefined) continue;
      params.push(changes[key]);
      set.push(`${column} = $${params.length}::${COLUMN_TYPES[column]}`);
    }
    const rows = await tx.$queryRawUnsafe<ActorRecord[]>(
      `UPDATE actors SET ${set.join(', ')} WHERE id = $1::uuid RETURNING ${COLUMNS}`,
      ...params,
    );
    return rows[0];
  }

  async lock(tx: Tx, id: string): Promise<ActorRecord | null> {
    const rows = await tx.$queryRawUnsafe<ActorRecord[]>(
      `SELECT ${COLUMNS} FROM actors WHERE id = $1::uuid FOR UPDATE`,
      id,
    );
    return rows[0] ?? null;
  }

  /**
   * Moves everything that points at `mergeId` onto `keepId`: attributions, reviews, published and
   * authored articles, affiliates. The merged actor's name and aliases become aliases of the kept.
   */
  async moveOnto(tx: Tx, keepId: string, mergeId: string): Promise<Record<string, number>> {
    const attributions = await tx.$executeRaw`
      UPDATE attributions SET actor_id = ${keepId}::uuid WHERE actor_id = ${mergeId}::uuid`;
    const reviews = await tx.$executeRaw`
      UPDATE reviews SET reviewer_id = ${keepId}::uuid WHERE reviewer_id = ${mergeId}::uuid`;
    const published = await tx.$executeRaw`
      UPDATE articles SET publisher_id = ${keepId}::uuid WHERE publisher_id = ${mergeId}::uuid`;
    await tx.$executeRaw`
      DELETE FROM article_authors m WHERE m.actor_id = ${mergeId}::uuid AND EXISTS (
        SELECT 1 FROM article_authors k WHERE k.article_id = m.article_id AND k.actor_id = ${keepId}::uuid)`;
    const authored = await tx.$executeRaw`
      UPDATE article_authors SET actor_id = ${keepId}::uuid WHERE actor_id = ${mergeId}::uuid`;
    const affiliates = await tx.$executeRaw`
      UPDATE actors SET affiliation_id = ${keepId}::uuid
      WHERE affiliation_id = ${mergeId}::uuid AND id <> ${keepId}::uuid`;
    await tx.$executeRaw`
      UPDATE actors SET affiliation_id = NULL WHERE id = ${keepId}::uuid AND affiliation_id = ${mergeId}::uuid`;
    return { attributions, reviews, published, authored, affiliates };
  }

  async markMerged(tx: Tx, mergeId: string, keepId: string): Promise<void> {
    await tx.$executeRaw`UPDATE actors SET merged_into_id = ${keepId}::uuid, updated_at = ${new Date()}
      WHERE id = ${mergeId}::uuid`;
  }

  /** The affiliation chain above an actor (to refuse cycles). */
  async affiliationAncestors(tx: Tx, id: string): Promise<string[]> {
    const rows = await tx.$queryRaw<Pick<ActorRow, 'id'>[]>`
      WITH RECURSIVE up(id, depth) AS (
        SELECT affiliation_id, 1 FROM actors WHERE id = ${id}::uuid AND affiliation_id IS NOT NULL
        UNION ALL
        SELECT a.affiliation_id, up.depth + 1 FROM actors a JOIN up ON a.id = up.id
        WHERE a.affiliation_id IS NOT NULL AND up.depth < 100)
      SELECT id::text AS id FROM up`;
    return rows.map((row) => row.id);
  }
}
