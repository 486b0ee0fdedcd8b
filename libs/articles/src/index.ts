export * from './articles.module';
export { PASSAGE_MAX_CODE_POINTS } from './articles.errors';
export * from './dtos/article.object';
export * from './dtos/passage.object';
export * from './loaders/articles.loaders';
export * from './services/articles.service';
// a passage's columns with its article's, and their reader, for the attribution statements that
// join passages (libs/attributions)
export {
  articleReader,
  articleWithPublisherColumns,
  passageColumns,
  passageReader,
  passageWithArticleColumns,
  publisherJoin,
} from './repositories/passage-columns';
export * from './services/suggestion-extractor';
export * from './services/suggestions.service';
export { PageNotReadable } from './articles.errors';
