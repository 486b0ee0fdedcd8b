export * from './actors.module';
export * from './dtos/actor.object';
export * from './loaders/actors.loaders';
export * from './repositories/actors.repository';
export * from './services/actors.service';
