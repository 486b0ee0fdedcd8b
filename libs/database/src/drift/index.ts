export * from './catalogue';
export * from './check-drift';
export * from './compare-catalogues';
export * from './database-catalogue';
export * from './expected-catalogue';
export * from './extra-objects';
export * from './prisma-schema';
