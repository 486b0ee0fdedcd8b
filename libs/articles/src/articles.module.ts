import { Module, OnModuleInit } from '@nestjs/common';
import { ActorsModule } from '@claimtrace/actors';
import { NodeRegistry } from '@claimtrace/core';
import { ArticlesLoaders } from './loaders/articles.loaders';
import { ArticlesRepository } from './repositories/articles.repository';
import {
  ArticleFieldsResolver,
  SuggestedAttributionFieldsResolver,
} from './resolvers/article-fields.resolver';
import { ArticlesResolver } from './resolvers/articles.resolver';
import { ReanchoredPassageFieldsResolver } from './resolvers/passage-fields.resolver';
import { ArticleReaderService } from './services/article-reader.service';
import { ArticlesService } from './services/articles.service';
import { SuggestionExtractor } from './services/suggestion-extractor';
import { SuggestionsRepository } from './repositories/suggestions.repository';
import { SuggestionsService } from './services/suggestions.service';

@Module({
  imports: [ActorsModule],
  providers: [
    ArticlesRepository,
    ArticlesService,
    ArticleReaderService,
    SuggestionsRepository,
    SuggestionExtractor,
    SuggestionsService,
    ArticlesLoaders,
    ArticlesResolver,
    ArticleFieldsResolver,
    SuggestedAttributionFieldsResolver,
    ReanchoredPassageFieldsResolver,
  ],
  exports: [ArticlesService, ArticlesLoaders, SuggestionExtractor, SuggestionsService],
})
export class ArticlesModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly loaders: ArticlesLoaders,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Article', (key, ctx) => ctx.loaders.get(this.loaders.key).byKey.load(key));
    this.nodes.register('Passage', (key, ctx) =>
      ctx.loaders.get(this.loaders.key).passageByKey.load(key),
    );
  }
}
