export * from './graph.module';
export * from './dtos/graph.object';
export * from './services/graph.service';
