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
/** The tables' rows, generated from schema.prisma: repositories derive their row types from these. */
export type {
  Actor as ActorRow,
  ApiPrincipal as ApiPrincipalRow,
  Article as ArticleRow,
  ArticleAuthor as ArticleAuthorRow,
  Attribution as AttributionRow,
  Claim as ClaimRow,
  ClaimEvent as ClaimEventRow,
  ChecklistTick as ChecklistTickRow,
  ClaimRelation as ClaimRelationRow,
  Note as NoteRow,
  Passage as PassageRow,
  Person as PersonRow,
  ReanchoredPassage as ReanchoredPassageRow,
  Review as ReviewRow,
  SourceChange as SourceChangeRow,
  StatusChange as StatusChangeRow,
  StatusChangeEvidence as StatusChangeEvidenceRow,
} from './generated/prisma/client';
export {
  ActorKind,
  AnchorStatus,
  ClaimEventKind,
  ClaimRelationKind,
  ClaimStatus,
  Priority,
  Role,
  SourceChangeAction,
  Stance,
} from './generated/prisma/enums';
