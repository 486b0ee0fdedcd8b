import { Global, Module } from '@nestjs/common';
import { EventLogRepository } from './repositories/event-log.repository';
import { EventsResolver } from './resolvers/events.resolver';
import { EventNotifier } from './services/event-notifier.service';
import { EventLogService } from './services/event-log.service';
import { EventsService } from './services/events.service';
import { LogTailer } from './services/log-tailer.service';

/** The change log. Global: every feature that writes appends to it (the API and the CLI). */
@Global()
@Module({
  providers: [EventLogRepository, EventLogService],
  exports: [EventLogRepository, EventLogService],
})
export class EventsModule {}

/**
 * Reading the log over GraphQL: `events` pages and `claimEvents` live subscriptions, with this
 * process's one log tailer and the notifications between instances (Redis when REDIS_URL is set).
 * The API imports it; the CLI does not (its writes reach the API's subscribers through the poll).
 */
@Module({
  providers: [LogTailer, EventNotifier, EventsService, EventsResolver],
  exports: [LogTailer, EventNotifier, EventsService],
})
export class LiveEventsModule {}
