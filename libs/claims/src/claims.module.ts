import { Module, OnModuleInit } from '@nestjs/common';
import { ActorsModule } from '@claimtrace/actors';
import { ArticlesModule } from '@claimtrace/articles';
import { AuthModule } from '@claimtrace/auth';
import { NodeRegistry } from '@claimtrace/core';
import { ClaimsLoaders } from './loaders/claims.loaders';
import { ClaimDeskRepository } from './repositories/claim-desk.repository';
import { ClaimsRepository } from './repositories/claims.repository';
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
import { ClaimLinksService } from './services/claim-links.service';
import { ClaimsService } from './services/claims.service';

@Module({
  imports: [ActorsModule, ArticlesModule, AuthModule],
  providers: [
    ClaimsRepository,
    ClaimDeskRepository,
    ClaimsService,
    ClaimDeskService,
    ChecklistItemFieldsResolver,
    ClaimLinksService,
    ClaimsLoaders,
    ClaimsResolver,
    ClaimFieldsResolver,
    StatusChangeFieldsResolver,
    ClaimRelationFieldsResolver,
    ReviewFieldsResolver,
    ClaimEventFieldsResolver,
  ],
  exports: [ClaimsService, ClaimDeskService, ClaimLinksService, ClaimsLoaders, ClaimsRepository],
})
export class ClaimsModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly loaders: ClaimsLoaders,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Claim', (key, ctx) => ctx.loaders.get(this.loaders.key).byKey.load(key));
    this.nodes.register('Review', (key, ctx) =>
      ctx.loaders.get(this.loaders.key).reviewByKey.load(key),
    );
  }
}
