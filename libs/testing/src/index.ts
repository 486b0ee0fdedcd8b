export * from './test-database';
export * from './page-server';
