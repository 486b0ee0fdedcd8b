import { Module, OnModuleInit } from '@nestjs/common';
import { ArticlesModule } from '@claimtrace/articles';
import { AttributionsModule } from '@claimtrace/attributions';
import { AuthModule } from '@claimtrace/auth';
import { ClaimsModule } from '@claimtrace/claims';
import { NodeRegistry } from '@claimtrace/core';
import { CorrectionsLoaders } from './loaders/corrections.loaders';
import { SourceChangesRepository } from './repositories/source-changes.repository';
import {
  AttributionCorrectionsResolver,
  ClaimSourceChangesResolver,
  SourceChangeFieldsResolver,
} from './resolvers/source-change-fields.resolver';
import { SourceChangesResolver } from './resolvers/source-changes.resolver';
import { CorrectionsService } from './services/corrections.service';

/** Corrections reach the claims: source changes, their propagation at ingest and their review. */
@Module({
  imports: [ArticlesModule, AttributionsModule, AuthModule, ClaimsModule],
  providers: [
    SourceChangesRepository,
    CorrectionsService,
    CorrectionsLoaders,
    SourceChangesResolver,
    SourceChangeFieldsResolver,
    ClaimSourceChangesResolver,
    AttributionCorrectionsResolver,
  ],
  exports: [CorrectionsService],
})
export class CorrectionsModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly loaders: CorrectionsLoaders,
  ) {}

  onModuleInit(): void {
    this.nodes.register('SourceChange', (key, ctx) =>
      ctx.loaders.get(this.loaders.key).byKey.load(key),
    );
  }
}
