export * from './events.module';
export * from './repositories/event-log.repository';
