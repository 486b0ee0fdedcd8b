export * from './claims.module';
export * from './dtos/claim.object';
export * from './dtos/claims.args';
export * from './loaders/claims.loaders';
export * from './services/claims.service';
export * from './status/transitions';
export * from './services/claim-links.service';
export * from './dtos/similar-claim.object';
