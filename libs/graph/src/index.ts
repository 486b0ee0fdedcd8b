export * from './graph.module';
export * from './dtos/graph.object';
export * from './services/graph.service';
export { MAX_GRAPH_NODES } from './repositories/graph.repository';
