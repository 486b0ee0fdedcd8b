export * from './database.module';
export * from './embedded/backoff';
export * from './embedded/embedded-postgres';
export * from './embedded/existing-database';
export * from './embedded/supervisor';
export * from './migrations/migration-files';
export * from './migrations/migrator';
export * from './prisma/database';
export * from './errors/transient-failure';
export * from './resolve-database';
export { Prisma } from './generated/prisma/client';
export type {
  Actor as ActorRow,
  Article as ArticleRow,
  Attribution as AttributionRow,
  Claim as ClaimRow,
  ClaimEvent as ClaimEventRow,
  Passage as PassageRow,
  Review as ReviewRow,
  StatusChange as StatusChangeRow,
} from './generated/prisma/client';
export {
  ActorKind,
  AnchorStatus,
  ClaimEventKind,
  ClaimRelationKind,
  ClaimStatus,
  Role,
  Stance,
} from './generated/prisma/enums';
