export * from './actors.module';
export * from './dtos/actor.object';
export * from './loaders/actors.loaders';
// the columns of an actor, for the attribution statements that join actors (libs/attributions)
export { ACTOR_COLUMNS } from './repositories/actors.repository';
export * from './services/actors.service';
export * from './dtos/similar-actor.object';
