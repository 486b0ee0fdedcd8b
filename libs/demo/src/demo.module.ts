import { Module } from '@nestjs/common';
import { ActorsModule } from '@claimtrace/actors';
import { ArticlesModule } from '@claimtrace/articles';
import { AttributionsModule } from '@claimtrace/attributions';
import { ClaimsModule } from '@claimtrace/claims';
import { DemoLoader } from './load-demo';

@Module({
  imports: [ActorsModule, ArticlesModule, ClaimsModule, AttributionsModule],
  providers: [DemoLoader],
  exports: [DemoLoader],
})
export class DemoModule {}
