import { exportPlan, outputsOf } from './export.command';

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

describe('claimtrace export --format claimreview|annotations', () => {
  it('writes the ClaimReview feed, in one language when asked, as the API serves it', () => {
    expect(exportPlan({ format: 'claimreview', out: 'r.jsonl' })).toEqual({
      kind: 'claimreviews',
      language: undefined,
      file: { path: 'r.jsonl', address: '/exports/claimreviews.jsonl' },
    });
    expect(exportPlan({ format: 'claimreview', out: '-', language: 'es' })).toMatchObject({
      language: 'es',
      file: { path: '-', address: '/exports/claimreviews.jsonl?inLanguage=es' },
    });
  });

  it("writes one claim's ClaimReview, and an article's annotations", () => {
    expect(exportPlan({ format: 'claimreview', out: 'c.jsonld', claim: 'Q2xh' })).toEqual({
      kind: 'claimreview',
      claim: 'Q2xh',
      file: { path: 'c.jsonld', address: '/claims/Q2xh/claimreview.jsonld' },
    });
    expect(exportPlan({ format: 'annotations', out: 'a.jsonld', article: 'QXJ0' })).toEqual({
      kind: 'annotations',
      article: 'QXJ0',
      file: { path: 'a.jsonld', address: '/articles/QXJ0/annotations.jsonld' },
    });
  });

  it('keeps the graph formats as they were, with their API address', () => {
    expect(exportPlan({ format: 'csv', out: 'g.csv', tag: 'x' })).toMatchObject({
      kind: 'graph',
      files: [
        {
          table: 'nodes',
          path: 'g.nodes.csv',
          address: '/exports/graph?format=csv&tag=x&table=nodes',
        },
        {
          table: 'edges',
          path: 'g.edges.csv',
          address: '/exports/graph?format=csv&tag=x&table=edges',
        },
      ],
    });
  });

  it('refuses options of another format, and annotations without an article', () => {
    expect(() => exportPlan({ format: 'annotations', out: '-' })).toThrow(
      '--format annotations needs --article <Article id>',
    );
    expect(() => exportPlan({ format: 'claimreview', out: '-', tag: 'x' })).toThrow(
      '--tag is for the graph formats (graphml, gexf, json, csv, parquet)',
    );
    expect(() => exportPlan({ format: 'gexf', out: '-', language: 'es' })).toThrow(
      '--language is for --format claimreview',
    );
    expect(() => exportPlan({ format: 'claimreview', out: '-', article: 'a' })).toThrow(
      '--article is for --format annotations',
    );
    expect(() =>
      exportPlan({ format: 'annotations', out: '-', article: 'a', table: 'nodes' }),
    ).toThrow('--table is for --format csv');
    expect(() =>
      exportPlan({ format: 'claimreview', out: '-', claim: 'c', language: 'es' }),
    ).toThrow(/leave it out with --claim/);
  });
});
