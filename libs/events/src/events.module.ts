import { Global, Module } from '@nestjs/common';
import { EventLogRepository } from './repositories/event-log.repository';

/** The change log. Global: every feature that writes appends to it. */
@Global()
@Module({ providers: [EventLogRepository], exports: [EventLogRepository] })
export class EventsModule {}
