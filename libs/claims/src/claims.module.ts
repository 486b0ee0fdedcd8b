import { Module, OnModuleInit } from '@nestjs/common';
import { ActorsModule } from '@claimtrace/actors';
import { ArticlesModule } from '@claimtrace/articles';
import { AuthModule } from '@claimtrace/auth';
import { NodeRegistry } from '@claimtrace/core';
import { ClaimsLoaders } from './loaders/claims.loaders';
import { ClaimDeskRepository } from './repositories/claim-desk.repository';
import { ClaimsRepository } from './repositories/claims.repository';
import { ReviewsRepository } from './repositories/reviews.repository';
import { ClaimDeskService } from './services/claim-desk.service';
import {
  ChecklistItemFieldsResolver,
  ClaimEventFieldsResolver,
  ClaimFieldsResolver,
  ClaimRelationFieldsResolver,
  ReviewFieldsResolver,
  StatusChangeFieldsResolver,
} from './resolvers/claim-fields.resolver';
import { ClaimsResolver } from './resolvers/claims.resolver';
import { ReviewsResolver } from './resolvers/reviews.resolver';
import { ClaimLinksService } from './services/claim-links.service';
import { ClaimsService } from './services/claims.service';
import { ReviewsService } from './services/reviews.service';

@Module({
  imports: [ActorsModule, ArticlesModule, AuthModule],
  providers: [
    ClaimsRepository,
    ReviewsRepository,
    ClaimDeskRepository,
    ClaimsService,
    ClaimDeskService,
    ChecklistItemFieldsResolver,
    ClaimLinksService,
    ReviewsService,
    ClaimsLoaders,
    ClaimsResolver,
    ReviewsResolver,
    ClaimFieldsResolver,
    StatusChangeFieldsResolver,
    ClaimRelationFieldsResolver,
    ReviewFieldsResolver,
    ClaimEventFieldsResolver,
  ],
  exports: [
    ClaimsService,
    ClaimDeskService,
    ClaimLinksService,
    ReviewsService,
    ClaimsLoaders,
    ClaimsRepository,
  ],
})
export class ClaimsModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly loaders: ClaimsLoaders,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Claim', (key, ctx) => ctx.loaders.get(this.loaders.key).byKey.load(key));
    // a draft review is the newsroom's: public reads find only published ones
    this.nodes.register('Review', async (key, ctx) => {
      const review = await ctx.loaders.get(this.loaders.key).reviewByKey.load(key);
      return review && (ctx.principal || review.published) ? review : null;
    });
  }
}
