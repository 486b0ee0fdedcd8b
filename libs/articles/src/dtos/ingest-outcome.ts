export enum IngestOutcome {
  CREATED = 'CREATED',
  UNCHANGED = 'UNCHANGED',
  NEW_VERSION = 'NEW_VERSION',
}
