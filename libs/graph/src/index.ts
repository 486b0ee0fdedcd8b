export * from './graph.module';
export * from './dtos/graph.object';
export * from './services/graph.service';
export * from './selection/graph-selection';
export * from './repositories/graph-rows';
export { MAX_GRAPH_NODES } from './repositories/graph.repository';
/** For the exports' SQL, which streams the same selection through a cursor (one SQL for both). */
export { globalIdSql, graphSelectionSql, isoSql } from './repositories/graph-selection.sql';
