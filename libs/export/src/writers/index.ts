export * from './graph-model';
export * from './graphml.writer';
export * from './gexf.writer';
export * from './graphology.writer';
export * from './csv.writer';
export * from './claimreview';
export * from './annotation';
export * from './xml';
