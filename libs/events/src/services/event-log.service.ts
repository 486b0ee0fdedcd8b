import { Injectable } from '@nestjs/common';
import { Tx } from '@claimtrace/database';
import { EventLogRepository, NewClaimEvent } from '../repositories/event-log.repository';

export type { NewClaimEvent };

/**
 * How the other features write to the change log: one event, inside the transaction of the change
 * it records, so it exists exactly when the change committed. Reading the log is EventsService's.
 */
@Injectable()
export class EventLogService {
  constructor(private readonly log: EventLogRepository) {}

  /** Appends `event` in `tx`; answers its sequence id. */
  append(tx: Tx, event: NewClaimEvent): Promise<bigint> {
    return this.log.append(tx, event);
  }
}
