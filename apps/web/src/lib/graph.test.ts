import { describe, expect, it } from 'vitest';
import { GRAPH_EXPORTS, graphExportPath, stanceColor } from './graph';

describe('graph colours', () => {
  it('colours denial and assertion apart', () => {
    expect(stanceColor('DENIES')).not.toBe(stanceColor('ASSERTS'));
  });
});

describe('graph downloads', () => {
  it("export what the view shows: its start and depth, under claimGraph's argument names", () => {
    expect(graphExportPath({ format: 'gexf' }, { claimId: 'Q2xh+/=' }, 2)).toBe(
      '/exports/graph?format=gexf&claimId=Q2xh%2B%2F%3D&depth=2',
    );
    expect(graphExportPath(GRAPH_EXPORTS[4], { actorId: 'QWN0' }, 1)).toBe(
      '/exports/graph?format=csv&table=edges&actorId=QWN0&depth=1',
    );
  });
});
