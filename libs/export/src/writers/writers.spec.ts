import { toAnnotationCollection, toWebAnnotation } from './annotation';
import { jsonLdText } from './json-ld-text';
import { csvField, csvRecord, edgeCsvRecord, EDGE_CSV_COLUMNS } from './csv.writer';
import { gexfWriter } from './gexf.writer';
import { ExportEdge, ExportNode, GraphWriter } from './graph-model';
import { graphmlWriter } from './graphml.writer';
import { graphologyWriter } from './graphology.writer';
import { xmlText } from './xml';

const nodes: ExportNode[] = [
  { id: 'c1', type: 'CLAIM', label: 'Say "hi" & <go>', status: 'CONTESTED', tags: ['a', 'b'] },
  { id: 'a1', type: 'ACTOR', label: 'Milei', kind: 'PERSON', wikidataId: 'Q1' },
];
const edges: ExportEdge[] = [
  { id: 'e1', source: 'a1', target: 'c1', type: 'STANCE', stance: 'DENIES', confidence: 0.5 },
];

function write(writer: GraphWriter): string {
  return (
    writer.start() +
    nodes.map((n) => writer.node(n)).join('') +
    writer.edgesStart() +
    edges.map((e) => writer.edge(e)).join('') +
    writer.end()
  );
}

describe('export writers', () => {
  it('escapes XML and replaces characters XML 1.0 cannot carry', () => {
    expect(xmlText(`a<b>&"c'\n`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;&#10;');
    expect(xmlText('bell\u0007 lone\uD800 ok😀')).toBe('bell\uFFFD lone\uFFFD ok😀');
    expect(xmlText('plain')).toBe('plain');
  });

  it('writes GraphML with a typed key per attribute and data only for present values', () => {
    const text = write(graphmlWriter());
    expect(text).toContain('<key id="n_type" for="node" attr.name="type" attr.type="string"/>');
    expect(text).toContain(
      '<key id="e_confidence" for="edge" attr.name="confidence" attr.type="double"/>',
    );
    expect(text).toContain('<data key="n_tags">a;b</data>');
    expect(text).toContain('<data key="n_label">Say &quot;hi&quot; &amp; &lt;go&gt;</data>');
    expect(text).toContain('<edge id="e1" source="a1" target="c1">');
    expect(text).not.toContain('<data key="n_url">');
  });

  it('writes GEXF 1.3 with declared node and edge attributes', () => {
    const text = write(gexfWriter());
    expect(text).toContain('xmlns="http://gexf.net/1.3"');
    expect(text).toContain('version="1.3"');
    expect(text).toContain('<attribute id="stance" title="stance" type="string"/>');
    expect(text).toContain('<attvalue for="stance" value="DENIES"/>');
    expect(text).toContain('<node id="a1" label="Milei">');
  });

  it('writes GEXF as a dynamic graph: spells, and the status as a dynamic attribute', () => {
    const writer = gexfWriter();
    const text =
      writer.start() +
      writer.node({
        id: 'c2',
        type: 'CLAIM',
        label: 'x',
        status: 'RETRACTED',
        statusHistory: [
          'UNVERIFIED@2025-01-01T00:00:00.000Z',
          'RETRACTED@2025-02-01T00:00:00.000Z',
        ],
        appearedAt: '2025-01-01T00:00:00.000Z',
        endedAt: '2025-02-01T00:00:00.000Z',
      }) +
      writer.edgesStart() +
      writer.edge({ id: 'e', source: 'a', target: 'c2', type: 'AFFILIATED_WITH' }) +
      writer.end();
    expect(text).toContain('mode="dynamic" timeformat="dateTime"');
    expect(text).toContain('<attributes class="node" mode="dynamic">');
    expect(text).toContain(
      '<attvalue for="status" value="UNVERIFIED" start="2025-01-01T00:00:00.000Z" end="2025-02-01T00:00:00.000Z"/>' +
        '<attvalue for="status" value="RETRACTED" start="2025-02-01T00:00:00.000Z"/>',
    );
    expect(text).toContain(
      '<spells><spell start="2025-01-01T00:00:00.000Z" end="2025-02-01T00:00:00.000Z"/></spells>',
    );
    // an edge with no known time has no spell: always there
    expect(text).toMatch(/<edge id="e"[^>]*><attvalues>.*<\/attvalues><\/edge>/);
  });

  it('writes the graphology serialisation format as valid JSON', () => {
    const json = JSON.parse(write(graphologyWriter()));
    expect(json.options).toEqual({ type: 'directed', multi: true, allowSelfLoops: true });
    expect(json.nodes[0]).toEqual({
      key: 'c1',
      attributes: {
        type: 'CLAIM',
        label: 'Say "hi" & <go>',
        status: 'CONTESTED',
        tags: ['a', 'b'],
      },
    });
    expect(json.edges[0]).toMatchObject({ key: 'e1', source: 'a1', target: 'c1' });
  });

  it('quotes CSV fields as RFC 4180 says', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvRecord(['a', null])).toBe('a,\r\n');
    expect(EDGE_CSV_COLUMNS.slice(0, 4)).toEqual(['id', 'source', 'target', 'type']);
    expect(edgeCsvRecord(edges[0])).toBe('e1,a1,c1,STANCE,DENIES,,,0.5,,,,,,,,,,,\r\n');
  });

  it('builds W3C Web Annotations with quote and position selectors', () => {
    const annotation = toWebAnnotation(
      {
        passageId: 'p',
        start: 3,
        end: 8,
        exact: 'hello',
        prefix: 'ab ',
        suffix: '',
        createdAt: '2026-01-01T00:00:00.000Z',
        stances: [{ actor: 'Milei', stance: 'DENIES', claim: 'The claim', claimId: 'k' }],
      },
      'https://x/1',
      { passage: 'urn:p', claim: (k) => `urn:${k}` },
    );
    const collection = toAnnotationCollection('urn:c', 'One', [annotation]);
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: 1,
      first: { items: [{ type: 'Annotation', motivation: 'describing' }] },
    });
    expect(annotation.target).toEqual({
      source: 'https://x/1',
      selector: [
        { type: 'TextQuoteSelector', exact: 'hello', prefix: 'ab ', suffix: '' },
        { type: 'TextPositionSelector', start: 3, end: 8 },
      ],
    });
  });

  it('writes JSON-LD that no <script> can be closed by, reading back the same values', () => {
    const document = { text: '</script><script>x()</script> & <!-- \u2028 \u2029', n: 1 };
    const text = jsonLdText(document);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(text)).toEqual(document);
  });
});
