import { DynamicModule, Module } from '@nestjs/common';
import { ClaimsModule } from '@claimtrace/claims';
import { AppConfig, CoreModule } from '@claimtrace/core';
import { DatabaseModule } from '@claimtrace/database';
import { EventsModule } from '@claimtrace/events';
import { ExportModule } from '@claimtrace/export';
import { SearchModule } from '@claimtrace/search';

/** The services the benchmark drives in-process (no HTTP): search, claims, exports, import. */
@Module({})
export class BenchModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: BenchModule,
      imports: [
        CoreModule.forRoot(config),
        DatabaseModule.forRoot({ url: databaseUrl, poolSize: 4 }),
        EventsModule,
        SearchModule,
        ClaimsModule,
        ExportModule,
      ],
    };
  }
}
