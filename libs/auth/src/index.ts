export * from './auth.errors';
export * from './auth.module';
export * from './connection/authenticate-connection';
export * from './dtos/person.object';
export * from './dtos/principal.dto';
export * from './loaders/people.loaders';
export * from './guards/roles.decorator';
export * from './guards/roles.guard';
// exported for other features' SQL (who made a change), like ACTOR_COLUMNS
export * from './repositories/person-of-principal.sql';
export * from './services/first-admin-token';
export * from './services/people.service';
export * from './services/token-revocations.service';
export * from './services/tokens.service';
export * from './tokens/download-link';
export * from './tokens/token';
