import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@claimtrace/auth';
import { AppConfig, CoreModule } from '@claimtrace/core';
import { DatabaseModule } from '@claimtrace/database';
import { DemoModule } from '@claimtrace/demo';
import { EventsModule } from '@claimtrace/events';
import { ExportModule } from '@claimtrace/export';

/** The services the CLI drives directly, without the HTTP server. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: CliModule,
      imports: [
        CoreModule.forRoot(config),
        DatabaseModule.forRoot({ url: databaseUrl, poolSize: 4 }),
        EventsModule,
        DemoModule,
        AuthModule,
        ExportModule,
      ],
    };
  }
}
