export * from './export.module';
export * from './services/export.service';
export * from './services/export-params';
export * from './writers';
export * from './import/import-line';
export * from './import/version-occurrences';
export * from './services/import.service';
export * from './export.errors';
