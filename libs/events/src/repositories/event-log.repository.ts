import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { personOfPrincipalSql } from '@claimtrace/auth';
import { ClaimEventKind, ClaimEventRow, Database, Tx } from '@claimtrace/database';
import { EventFilter } from '../live/event-filter';
import { DRAFT_REVIEW_EVENT_SQL } from '../log/public-payload';
import { LogEvent, LogEventRow, toLogEvent } from '../log/log-event';
import { LogPosition } from '../log/log-position';

export interface NewClaimEvent {
  kind: ClaimEventKind;
  /** the claim the event concerns; null for actor and article events */
  claimId?: string | null;
  /** the actors the event concerns (for actor-filtered feeds) */
  actorIds?: string[];
  by: string | null;
  /** who made the change (database key); by default the person of the principal named `by` */
  personId?: string | null;
  payload: Record<string, unknown>;
}

const COLUMNS = `e.id::text AS id, e.tx_id::text AS "txId", e.kind, e.claim_id AS "claimId",
  e.actor_ids AS "actorIds", e.at, e.by, e.person_id AS "personId", e.payload`;

/**
 * Only transactions older than every running one have all finished: the events they wrote are the
 * final prefix of the log in (tx_id, id) order. Evaluated with the statement's own snapshot.
 */
const FINAL = `e.tx_id < pg_snapshot_xmin(pg_current_snapshot())`;

/**
 * The durable, ordered change log. `append` is always called inside the transaction of the change
 * it records, so an event exists exactly when its change committed; the readers hand out only the
 * final prefix of the log, in log order, so a reader that resumes from a position never skips an
 * event that committed late.
 */
@Injectable()
export class EventLogRepository implements OnApplicationShutdown {
  private backgroundPool: Pool | null = null;

  constructor(private readonly db: Database) {}

  async onApplicationShutdown(): Promise<void> {
    const pool = this.backgroundPool;
    this.backgroundPool = null;
    if (pool && !pool.ended) await pool.end();
  }

  async append(tx: Tx, event: NewClaimEvent): Promise<bigint> {
    const [row] = await tx.$queryRawUnsafe<Pick<ClaimEventRow, 'id'>[]>(
      `INSERT INTO claim_events (kind, claim_id, actor_ids, at, by, person_id, payload)
       VALUES ($1::claim_event_kind, $2::uuid, $3::uuid[], $4::timestamptz, $5::text,
               coalesce($6::uuid, ${personOfPrincipalSql('$5::text')}), $7::jsonb)
       RETURNING id`,
      event.kind,
      event.claimId ?? null,
      event.actorIds ?? [],
      new Date(),
      event.by,
      event.personId ?? null,
      JSON.stringify(event.payload),
    );
    return row.id;
  }

  /**
   * Up to `limit` events after `position` in log order, from the final prefix only, matching the
   * filter: by claim, and by actor (events naming the actor — a draft review's only for the
   * newsroom — and events of claims on which the actor currently holds a stance).
   */
  async readAfter(
    position: LogPosition,
    filter: EventFilter,
    limit: number,
    via: 'request' | 'background' = 'request',
  ): Promise<LogEvent[]> {
    const params: unknown[] = [position.txId.toString(), position.id.toString(), limit];
    const where = [`(e.tx_id, e.id) > ($1::text::xid8, $2::bigint)`, FINAL];
    if (filter.claimId) {
      params.push(filter.claimId);
      where.push(`e.claim_id = $${params.length}::uuid`);
    }
    if (filter.actorId) {
      params.push(filter.actorId);
      const actor = `$${params.length}::uuid`;
      // without a token, a draft review's events do not name its reviewer (see EventFilter)
      const names = filter.newsroom
        ? `e.actor_ids @> ARRAY[${actor}]`
        : `(e.actor_ids @> ARRAY[${actor}] AND NOT ${DRAFT_REVIEW_EVENT_SQL})`;
      where.push(`(${names}
        OR e.claim_id IN (SELECT a.claim_id FROM attributions a
                          WHERE a.actor_id = ${actor} AND a.removed_at IS NULL))`);
    }
    const sql = `SELECT ${COLUMNS} FROM claim_events e WHERE ${where.join(' AND ')}
       ORDER BY e.tx_id, e.id LIMIT $3`;
    const rows =
      via === 'request'
        ? await this.db.query<LogEventRow>(sql, params)
        : (await this.background().query<LogEventRow>(sql, params)).rows;
    return rows.map(toLogEvent);
  }

  /** The last position of the final prefix: where a tailer that starts now begins. */
  async finalTail(): Promise<LogPosition | null> {
    const { rows } = await this.background().query<{ txId: string; id: string }>(
      `SELECT e.tx_id::text AS "txId", e.id::text AS id FROM claim_events e WHERE ${FINAL}
       ORDER BY e.tx_id DESC, e.id DESC LIMIT 1`,
    );
    const row = rows[0];
    return row ? { txId: BigInt(row.txId), id: BigInt(row.id) } : null;
  }

  /**
   * Whether events after `position` have committed but are not final yet: a transaction older
   * than theirs still runs somewhere on the server (the horizon is cluster-wide, so another
   * database's long write holds it back). A reader then reads again shortly, not at its next poke.
   */
  async pendingAfter(position: LogPosition): Promise<boolean> {
    const { rows } = await this.background().query<{ pending: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM claim_events e
                      WHERE (e.tx_id, e.id) > ($1::text::xid8, $2::bigint) AND NOT (${FINAL})) AS pending`,
      [position.txId.toString(), position.id.toString()],
    );
    return rows[0]?.pending ?? false;
  }

  /** The claims on which an actor currently holds a stance. */
  async claimsWithStanceBy(actorId: string): Promise<string[]> {
    const { rows } = await this.background().query<{ claimId: string }>(
      `SELECT DISTINCT a.claim_id AS "claimId" FROM attributions a
       WHERE a.actor_id = $1::uuid AND a.removed_at IS NULL`,
      [actorId],
    );
    return rows.map((row) => row.claimId);
  }

  /**
   * A small pool of its own for the live machinery (the tailer, replays, matcher seeds): its reads
   * never queue behind requests for the shared pool, and never count as a request's statements.
   */
  private background(): Pool {
    if (!this.backgroundPool) {
      this.backgroundPool = new Pool({
        connectionString: this.db.pool.options.connectionString,
        max: 3,
      });
      this.backgroundPool.on('error', () => undefined); // surfaces on the next query
    }
    return this.backgroundPool;
  }
}
