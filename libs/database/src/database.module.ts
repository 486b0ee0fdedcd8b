import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Database, DatabaseOptions } from './prisma/database';

export const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');

/** Provides the process's one `Database`; closes its pool when the application shuts down. */
@Global()
@Module({
  providers: [
    {
      provide: Database,
      inject: [DATABASE_OPTIONS],
      useFactory: (options: DatabaseOptions) => new Database(options),
    },
  ],
  exports: [Database],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(Database) private readonly database: Database) {}

  static forRoot(options: DatabaseOptions) {
    return {
      module: DatabaseModule,
      providers: [{ provide: DATABASE_OPTIONS, useValue: options }],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}
