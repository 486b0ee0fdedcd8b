import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, keyOf, Page, pageSize, toPage } from '@claimtrace/core';
import { ClaimEventObject } from '../dtos/claim-event.object';
import { ClaimEventsArgs, EventsArgs } from '../dtos/events.args';
import { EventFilter } from '../live/event-filter';
import { EventStream } from '../live/event-stream';
import { decodeLogCursor, LOG_START } from '../log/log-position';
import { EventLogRepository } from '../repositories/event-log.repository';
import { LogTailer } from './log-tailer.service';

/** Reading the change log: pages of it, and live subscriptions to it. */
@Injectable()
export class EventsService {
  constructor(
    private readonly log: EventLogRepository,
    private readonly tailer: LogTailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One page of the log in log order, after a cursor; only events whose order is final. */
  async page(args: EventsArgs, newsroom: boolean): Promise<Page<ClaimEventObject>> {
    const limit = pageSize(args.first, this.config.MAX_PAGE_SIZE);
    const after = args.after ? decodeLogCursor(args.after) : LOG_START;
    const rows = await this.log.readAfter(after, filterOf(args, newsroom), limit + 1);
    return toPage(rows, limit, args.after, 0, (row) => row.cursor, ClaimEventObject.from);
  }

  /** A live stream of matching events; with `after`, the missed ones first. Validates eagerly. */
  subscribe(args: ClaimEventsArgs, newsroom: boolean): Promise<EventStream> {
    const filter = filterOf(args, newsroom);
    const after = args.after ? decodeLogCursor(args.after) : undefined;
    return this.tailer.subscribe(filter, after);
  }
}

/** The filter the arguments ask for; `newsroom`: the reader holds a token (see EventFilter). */
function filterOf(
  args: { claimId?: string | null; actorId?: string | null },
  newsroom: boolean,
): EventFilter {
  return {
    newsroom,
    claimId: args.claimId ? keyOf(args.claimId, 'Claim', 'claimId') : null,
    actorId: args.actorId ? keyOf(args.actorId, 'Actor', 'actorId') : null,
  };
}
