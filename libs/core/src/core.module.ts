import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { NodeRegistry } from './nodes/node.registry';
import { NodeResolver } from './nodes/node.resolver';

/** Configuration and the `node(id)` registry, available to every feature. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, NodeRegistry, NodeResolver],
      exports: [APP_CONFIG, NodeRegistry],
    };
  }
}
