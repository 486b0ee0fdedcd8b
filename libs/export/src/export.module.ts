import { Module } from '@nestjs/common';
import { ActorsModule } from '@claimtrace/actors';
import { ArticlesModule } from '@claimtrace/articles';
import { AttributionsModule } from '@claimtrace/attributions';
import { AuthModule } from '@claimtrace/auth';
import { ClaimsModule } from '@claimtrace/claims';
import { ExportController } from './controllers/export.controller';
import { ExportRepository } from './repositories/export.repository';
import { ImportRepository } from './repositories/import.repository';
import { ExportService } from './services/export.service';
import { ImportService } from './services/import.service';

/**
 * Bulk data in and out: streamed graph exports, ClaimReview JSON-LD and W3C Web Annotations over
 * HTTP (and the CLI), and the bulk import of JSON Lines.
 */
@Module({
  imports: [ActorsModule, ArticlesModule, ClaimsModule, AttributionsModule, AuthModule],
  controllers: [ExportController],
  providers: [ExportRepository, ExportService, ImportRepository, ImportService],
  exports: [ExportService, ImportService],
})
export class ExportModule {}
