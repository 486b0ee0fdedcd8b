import cytoscape from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { downloadLink, gql } from '../api/client';
import { useSession } from '../api/context';
import { BOARD, CLAIM_GRAPH } from '../api/queries';
import type { GraphNodeT, GraphT } from '../api/types';
import { ErrorNote } from '../components/ErrorNote';
import { GRAPH_EXPORTS, graphExportPath, stanceColor } from '../lib/graph';
import { humanize } from '../lib/format';
import { href } from '../lib/router';

const NODE_STYLE: Record<GraphNodeT['type'], { shape: string; color: string; legend: string }> = {
  CLAIM: { shape: 'round-rectangle', color: '#1d4ed8', legend: 'Claim (blue rectangle)' },
  ACTOR: { shape: 'ellipse', color: '#c2410c', legend: 'Actor (orange circle)' },
  ARTICLE: { shape: 'diamond', color: '#047857', legend: 'Article (green diamond)' },
};

/** The edge colours the legend explains. */
const STANCE_LEGEND = [
  { stance: 'ASSERTS', label: 'asserts / confirms' },
  { stance: 'DENIES', label: 'denies / disputes' },
  { stance: 'REPORTS', label: 'reports' },
] as const;

/** Starts a download of `url` the way a click on a plain link would: streamed to disk. */
function startDownload(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  document.body.append(link);
  link.click();
  link.remove();
}

/** The claim graph around a claim or an actor, as the server computes it. */
async function loadGraph(
  target: { claimId?: string; actorId?: string },
  depth: number,
): Promise<GraphT> {
  return (await gql(CLAIM_GRAPH, { ...target, depth })).claimGraph;
}

export function GraphView({
  claimId,
  actorId,
  depth,
}: {
  claimId?: string;
  actorId?: string;
  depth: number;
}) {
  const { token } = useSession();
  const [graph, setGraph] = useState<GraphT | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [firstClaim, setFirstClaim] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  // without a claim or an actor in the address, the most recently changed claim
  const centreClaim = claimId ?? (actorId ? undefined : (firstClaim ?? undefined));
  const target = centreClaim || actorId ? { claimId: centreClaim, actorId } : null;

  // Without a claim or actor, start from the most recently changed claim.
  useEffect(() => {
    if (claimId || actorId) return;
    gql(BOARD, { first: 1 })
      .then((d) => setFirstClaim(d.claims.edges[0]?.node.id ?? null))
      .catch(setError);
  }, [claimId, actorId]);

  useEffect(() => {
    if (!centreClaim && !actorId) return;
    let cancelled = false;
    loadGraph({ claimId: centreClaim, actorId }, depth)
      .then((loaded) => {
        if (cancelled) return;
        setGraph(loaded);
        setError(null);
      })
      .catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [centreClaim, actorId, depth]);

  useEffect(() => {
    if (!graph || !box.current) return;
    const centre = centreClaim ?? actorId;
    const cy = cytoscape({
      container: box.current,
      elements: [
        ...graph.nodes.map((n) => ({
          data: {
            id: n.id,
            label: n.label.length > 48 ? `${n.label.slice(0, 45)}…` : n.label,
            type: n.type,
          },
          classes: n.id === centre ? 'centre' : '',
        })),
        ...graph.edges
          .filter(
            (e) =>
              graph.nodes.some((n) => n.id === e.source) &&
              graph.nodes.some((n) => n.id === e.target),
          )
          .map((e, i) => ({
            data: {
              id: `e${i}`,
              source: e.source,
              target: e.target,
              label: e.stance
                ? humanize(e.stance)
                : e.relation
                  ? humanize(e.relation)
                  : humanize(e.type),
              color: stanceColor(e.stance),
            },
          })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'font-size': 10,
            'text-wrap': 'wrap',
            'text-max-width': '120px',
            'text-valign': 'bottom',
            'text-margin-y': 4,
            color: '#0f172a',
            width: 26,
            height: 26,
          },
        },
        ...(Object.entries(NODE_STYLE).map(([type, s]) => ({
          selector: `node[type = "${type}"]`,
          style: { shape: s.shape, 'background-color': s.color },
        })) as cytoscape.StylesheetStyle[]),
        {
          selector: 'node.centre',
          style: { width: 38, height: 38, 'border-width': 3, 'border-color': '#0f172a' },
        },
        {
          selector: 'edge',
          style: {
            width: 2,
            'line-color': 'data(color)',
            'target-arrow-color': 'data(color)',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            label: 'data(label)',
            'font-size': 8,
            color: '#334155',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.85,
            'text-background-padding': '1px',
          },
        },
      ] as cytoscape.StylesheetStyle[],
      layout: {
        name: 'cose',
        animate: false,
        randomize: false,
        padding: 30,
        idealEdgeLength: () => 120,
        nodeRepulsion: () => 600000,
        nodeOverlap: 40,
      } as cytoscape.LayoutOptions,
    });
    cy.on('tap', 'node', (event) => {
      const node = event.target as cytoscape.NodeSingular;
      const link = nodeLink(node.id(), node.data('type') as GraphNodeT['type'], depth);
      if (link) location.hash = link;
    });
    box.current.dataset.nodeCount = String(cy.nodes().length);
    box.current.dataset.edgeCount = String(cy.edges().length);
    return () => cy.destroy();
  }, [graph, depth, centreClaim, actorId]);

  const setDepth = (next: number) => {
    if (target) location.hash = href.graph(target, next);
  };

  return (
    <section aria-labelledby="graph-title">
      <div className="page-head">
        <h1 id="graph-title">Claim graph</h1>
        <div className="graph-controls">
          <div className="field">
            <label htmlFor="graph-depth">Depth</label>
            <select
              id="graph-depth"
              value={depth}
              onChange={(e) => setDepth(Number(e.target.value))}
            >
              <option value={1}>1</option>
              <option value={2}>2</option>
              <option value={3}>3</option>
            </select>
          </div>
          {target && (
            <div className="downloads" role="group" aria-label="Download this graph">
              <span className="muted small">Download:</span>
              {GRAPH_EXPORTS.map((exported) => {
                const path = graphExportPath(exported, target, depth);
                return (
                  <a
                    key={exported.label}
                    className="button secondary"
                    href={path}
                    download
                    onClick={(event) => {
                      // A plain link cannot carry the token: with one, follow a signed download link.
                      if (!token) return;
                      event.preventDefault();
                      downloadLink(path).then(startDownload).catch(setError);
                    }}
                  >
                    {exported.label}
                  </a>
                );
              })}
            </div>
          )}
        </div>
      </div>
      <ErrorNote error={error} />
      <ul className="legend" aria-label="Legend">
        {Object.values(NODE_STYLE).map((s) => (
          <li key={s.legend}>
            <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
            {s.legend}
          </li>
        ))}
        {STANCE_LEGEND.map(({ stance, label }) => (
          <li key={stance}>
            <span
              className="swatch line"
              style={{ background: stanceColor(stance) }}
              aria-hidden="true"
            />
            {label}
          </li>
        ))}
      </ul>
      <div
        ref={box}
        className="graph-canvas"
        data-testid="graph-canvas"
        role="img"
        aria-label={
          graph
            ? `Graph of ${graph.nodes.length} nodes and ${graph.edges.length} edges`
            : 'Loading the graph'
        }
      />
      {graph && (
        <details className="panel" open>
          <summary>Nodes ({graph.nodes.length})</summary>
          <ul className="node-list" data-testid="node-list">
            {graph.nodes.map((n) => {
              const link = nodeLink(n.id, n.type, depth);
              return (
                <li key={n.id}>
                  <span className={`node-type type-${n.type.toLowerCase()}`}>
                    {humanize(n.type)}
                  </span>{' '}
                  {link ? <a href={link}>{n.label}</a> : n.label}
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </section>
  );
}

function nodeLink(id: string, type: GraphNodeT['type'], depth: number): string | null {
  if (type === 'CLAIM') return href.claim(id);
  if (type === 'ACTOR') return href.graph({ actorId: id }, depth);
  return null;
}
