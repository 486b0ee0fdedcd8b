export * from './articles.module';
export { PASSAGE_MAX_CODE_POINTS } from './articles.errors';
export * from './dtos/article.object';
export * from './dtos/passage.object';
export * from './loaders/articles.loaders';
export * from './services/articles.service';
export * from './repositories/articles.repository';
export * from './services/suggestion-extractor';
