export * from './corrections.module';
export * from './corrections.errors';
export * from './dtos/source-change.object';
export * from './dtos/source-change.inputs';
export * from './services/corrections.service';
export { REVIEW_SCORE, needsReview } from './review-rules';
