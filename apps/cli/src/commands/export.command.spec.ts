import { outputsOf } from './export.command';

describe('claimtrace export --out', () => {
  it('writes a file, or stdout for -', () => {
    expect(outputsOf({ format: 'graphml', out: 'g.graphml' })).toEqual([
      { table: undefined, path: 'g.graphml' },
    ]);
    expect(outputsOf({ format: 'json', out: '-' })).toEqual([{ table: undefined, path: '-' }]);
  });

  it('makes two csv files, or the one table asked for', () => {
    expect(outputsOf({ format: 'csv', out: 'g.csv' })).toEqual([
      { table: 'nodes', path: 'g.nodes.csv' },
      { table: 'edges', path: 'g.edges.csv' },
    ]);
    expect(outputsOf({ format: 'csv', out: 'g', table: 'edges' })).toEqual([
      { table: 'edges', path: 'g.edges.csv' },
    ]);
    expect(outputsOf({ format: 'csv', out: '-', table: 'nodes' })).toEqual([
      { table: 'nodes', path: '-' },
    ]);
  });

  it('refuses two tables on stdout, and --table without csv', () => {
    expect(() => outputsOf({ format: 'csv', out: '-' })).toThrow(/--table nodes or --table edges/);
    expect(() => outputsOf({ format: 'gexf', out: '-', table: 'nodes' })).toThrow(
      /--table is for --format csv or parquet/,
    );
  });

  it('makes two parquet files the same way', () => {
    expect(outputsOf({ format: 'parquet', out: 'g.parquet' })).toEqual([
      { table: 'nodes', path: 'g.nodes.parquet' },
      { table: 'edges', path: 'g.edges.parquet' },
    ]);
  });
});
