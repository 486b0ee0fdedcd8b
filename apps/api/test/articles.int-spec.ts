import { createHash } from 'node:crypto';
import { startTestApp, TestApp } from './test-app';

const ARTICLE_FIELDS = `id url title text contentHash publishedAt language
  publisher { id name kind } authors { id name kind } previousVersion { id }
  passages { id start end exact }
  reanchoredPassages {
    status score reason
    from { id start end exact article { id } }
    to { id start end exact article { id } }
  }`;
const INGEST = `mutation ($i: IngestArticleInput!) {
  ingestArticle(input: $i) { outcome article { ${ARTICLE_FIELDS} } } }`;
const ARTICLE = `query ($id: ID!) { article(id: $id) { ${ARTICLE_FIELDS} } }`;
const ARTICLES = `query ($first: Int, $after: String) {
  articles(first: $first, after: $after, includeSuperseded: true) {
    totalCount
    edges { cursor node { id url } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  } }`;
const NODE = `query ($id: ID!) { node(id: $id) { __typename id
  ... on Article { url title contentHash }
  ... on Passage { start end exact prefix suffix selectors article { id } } } }`;
const CREATE_ACTOR = `mutation ($i: CreateActorInput!) { createActor(input: $i) { id } }`;
const CREATE_CLAIM = `mutation ($i: CreateClaimInput!) { createClaim(input: $i) { id } }`;
const ATTRIBUTE = `mutation ($i: AttributeClaimInput!) {
  attributeClaim(input: $i) { id passage { id start end exact prefix suffix article { id } } } }`;
const CLAIM_PASSAGES = `query ($id: ID!) { claim(id: $id) {
  attributions(first: 50) { edges { node { id passage { id exact article { id } } } } } } }`;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** Code-point offset of a UTF-16 index into `text`. */
const codePoints = (text: string, utf16Index: number) =>
  Array.from(text.slice(0, utf16Index)).length;

jest.setTimeout(60_000);

describe('articles over GraphQL', () => {
  let t: TestApp;
  let urls = 0;
  const nextUrl = () => `https://example.com/news/${++urls}`;

  const ingest = async (input: Record<string, unknown>) =>
    (await t.ok(INGEST, { i: { title: 'A story', ...input } })).ingestArticle as {
      outcome: string;
      article: Record<string, any>;
    };
  const article = async (id: string) => (await t.ok(ARTICLE, { id })).article;
  const createClaim = async (text: string) =>
    (await t.ok(CREATE_CLAIM, { i: { text } })).createClaim.id as string;
  const createActor = async (name: string, kind = 'PERSON') =>
    (await t.ok(CREATE_ACTOR, { i: { name, kind } })).createActor.id as string;
  const attribute = async (claimId: string, actorId: string, articleId: string, exact: string) =>
    (
      await t.ok(ATTRIBUTE, {
        i: { claimId, actorId, articleId, stance: 'ASSERTS', quote: { exact } },
      })
    ).attributeClaim;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  describe('ingestArticle', () => {
    const VERBATIM =
      '  \u00a0Leading spaces and a no-break space.\r\nA second line 🎉 after CRLF.\r\n\tA tabbed line with trailing spaces.   \r\n';

    it('stores the text verbatim with the SHA-256 of its UTF-8 bytes', async () => {
      const url = nextUrl();
      const { outcome, article: created } = await ingest({
        url,
        title: 'Verbatim',
        text: VERBATIM,
        publishedAt: '2026-03-02T14:00:00.000Z',
        language: 'en',
      });
      expect(outcome).toBe('CREATED');
      expect(created).toMatchObject({
        url,
        title: 'Verbatim',
        text: VERBATIM,
        contentHash: sha256(VERBATIM),
        publishedAt: '2026-03-02T14:00:00.000Z',
        language: 'en',
        previousVersion: null,
        reanchoredPassages: [],
      });
      expect((await article(created.id)).text).toBe(VERBATIM);
    });

    it('answers UNCHANGED for the same URL and text: same id, no new row, no new event', async () => {
      const url = nextUrl();
      const first = await ingest({ url, text: VERBATIM });
      const [articles, events] = [await t.count('articles'), await t.count('claim_events')];
      const again = await ingest({ url, text: VERBATIM });
      expect(again.outcome).toBe('UNCHANGED');
      expect(again.article.id).toBe(first.article.id);
      expect(await t.count('articles')).toBe(articles);
      expect(await t.count('claim_events')).toBe(events);
    });

    it('stores one row for 10 concurrent identical ingests: one CREATED, nine UNCHANGED', async () => {
      const url = nextUrl();
      const before = await t.count('articles');
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          t.gql(INGEST, { i: { url, title: 'Concurrent', text: 'The same words, ten times.' } }),
        ),
      );
      expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
      const payloads = results.map((result) => result.data!.ingestArticle);
      expect(payloads.map((p) => p.outcome).sort()).toEqual([
        'CREATED',
        ...Array(9).fill('UNCHANGED'),
      ]);
      expect(new Set(payloads.map((p) => p.article.id)).size).toBe(1);
      expect(await t.count('articles')).toBe(before + 1);
    });

    it('creates a publisher given by name once, as a MEDIA_OUTLET, and reuses it ignoring case', async () => {
      const before = await t.count('actors');
      const first = await ingest({ url: nextUrl(), text: 'One.', publisherName: 'Diario Perfil' });
      expect(first.article.publisher).toMatchObject({
        name: 'Diario Perfil',
        kind: 'MEDIA_OUTLET',
      });
      const second = await ingest({ url: nextUrl(), text: 'Two.', publisherName: 'DIARIO perfil' });
      expect(second.article.publisher).toEqual(first.article.publisher);
      expect(await t.count('actors')).toBe(before + 1);
    });

    it('creates authors given by name as PERSON actors, in the given order', async () => {
      const names = ['Zoe Zimmer', 'Adam Abbott', 'María Pérez'];
      const { article: created } = await ingest({
        url: nextUrl(),
        text: 'Three.',
        authorNames: names,
      });
      expect(created.authors.map((a: any) => ({ name: a.name, kind: a.kind }))).toEqual(
        names.map((name) => ({ name, kind: 'PERSON' })),
      );
      const reused = await ingest({
        url: nextUrl(),
        text: 'Four.',
        authorNames: ['maría pérez', 'Zoe Zimmer'],
      });
      expect(reused.article.authors.map((a: any) => a.id)).toEqual([
        created.authors[2].id,
        created.authors[0].id,
      ]);
    });
  });

  describe('a new version of the same URL', () => {
    const INSERTED = 'Update: this article was revised after publication. ';
    const KEPT = 'the foreign ministry confirmed that a first meeting took place on Tuesday';
    const EDITED = 'negotiations are moving quickly toward a final agreement';
    const DELETED = 'A spokesperson for the State Department declined to comment on the matter.';
    const paragraphs = (edited: string) => [
      'Buenos Aires — Argentina is negotiating with the United States over a plan to receive deportees.',
      `According to the report, ${KEPT} in Washington.`,
      `Sources familiar with the discussions said ${edited}.`,
      'The White House has used safe third country schemes before.',
    ];
    const V1 = [...paragraphs(EDITED), DELETED].join('\n\n');
    const V2 =
      INSERTED + paragraphs(EDITED.replace('quickly', 'rapidly')).join('\n\n') + '\n\nEnd.';

    let v1: Record<string, any>;
    let v2: Record<string, any>;
    let claim: string;
    const url = 'https://example.com/news/versions';

    beforeAll(async () => {
      v1 = (await ingest({ url, text: V1, publisherName: 'Perfil' })).article;
      claim = await createClaim('Argentina and the US are negotiating over deportees');
      const actor = await createActor('Sources familiar with the discussions', 'ANONYMOUS_SOURCE');
      for (const exact of [KEPT, EDITED, DELETED]) await attribute(claim, actor, v1.id, exact);
    });

    it('answers NEW_VERSION, linked to the previous version, as a new row', async () => {
      const before = await t.count('articles');
      const result = await ingest({ url, text: V2, publisherName: 'Perfil' });
      v2 = result.article;
      expect(result.outcome).toBe('NEW_VERSION');
      expect(v2.id).not.toBe(v1.id);
      expect(v2.previousVersion).toEqual({ id: v1.id });
      expect(v2.contentHash).toBe(sha256(V2));
      expect(await t.count('articles')).toBe(before + 1);
      expect((await article(v1.id)).text).toBe(V1);
    });

    it('reports an unchanged passage as EXACT, at its shifted offsets', async () => {
      const kept = v2.reanchoredPassages.find((r: any) => r.from.exact === KEPT);
      const start = codePoints(V2, V2.indexOf(KEPT));
      expect(kept).toMatchObject({
        status: 'EXACT',
        score: 1,
        from: { article: { id: v1.id }, start: codePoints(V1, V1.indexOf(KEPT)) },
        to: { article: { id: v2.id }, start, end: start + KEPT.length, exact: KEPT },
      });
      expect(kept.to.start - kept.from.start).toBe(INSERTED.length);
    });

    it('reports a passage with one word changed as FUZZY, with a score below 1 and a reason', async () => {
      const edited = v2.reanchoredPassages.find((r: any) => r.from.exact === EDITED);
      expect(edited.status).toBe('FUZZY');
      expect(edited.score).toBeGreaterThan(0);
      expect(edited.score).toBeLessThan(1);
      expect(edited.reason).toMatch(/quickly.*rapidly/);
      expect(edited.to).toMatchObject({
        article: { id: v2.id },
        exact: 'negotiations are moving rapidly toward a final agreement',
      });
    });

    it('reports a passage whose sentence was deleted as ORPHANED, with a reason', async () => {
      const deleted = v2.reanchoredPassages.find((r: any) => r.from.exact === DELETED);
      expect(deleted).toMatchObject({ status: 'ORPHANED', score: 0, to: null });
      expect(deleted.reason).toEqual(expect.stringMatching(/\w+/));
      expect(v2.reanchoredPassages).toHaveLength(3);
    });

    it('moves the attributions on re-found passages to the new version; orphans stay', async () => {
      const { claim: found } = await t.ok(CLAIM_PASSAGES, { id: claim });
      expect(found.attributions.edges).toHaveLength(3);
      const where = Object.fromEntries(
        found.attributions.edges.map(({ node }: any) => [
          node.passage.exact,
          node.passage.article.id,
        ]),
      );
      expect(where).toEqual({
        [KEPT]: v2.id,
        'negotiations are moving rapidly toward a final agreement': v2.id,
        [DELETED]: v1.id,
      });
      expect(v2.passages.map((p: any) => p.exact).sort()).toEqual(
        [KEPT, 'negotiations are moving rapidly toward a final agreement'].sort(),
      );
    });
  });

  describe('reading articles and passages', () => {
    it('pages through articles newest first with cursors and a total count', async () => {
      const fresh: string[] = [];
      for (const text of ['Page one.', 'Page two.', 'Page three.']) {
        fresh.push((await ingest({ url: nextUrl(), text })).article.id);
      }
      const total = await t.count('articles');
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const { articles }: Record<string, any> = await t.ok(ARTICLES, { first: 2, after });
        const edges = articles.edges;
        expect(articles.totalCount).toBe(total);
        expect(articles.pageInfo).toMatchObject({
          hasPreviousPage: pages > 0,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges[edges.length - 1]?.cursor ?? null,
        });
        seen.push(...edges.map((e: any) => e.node.id));
        pages += 1;
        if (!articles.pageInfo.hasNextPage) break;
        expect(edges).toHaveLength(2);
        after = articles.pageInfo.endCursor;
      }
      expect(pages).toBe(Math.ceil(total / 2));
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
      expect(seen.slice(0, 3)).toEqual([...fresh].reverse());
    });

    it('resolves an article by article(id) and node(id), and a passage by node(id)', async () => {
      const text =
        'The minister said that talks with Washington are at an advanced stage, and more.';
      const { article: created } = await ingest({ url: nextUrl(), title: 'Node', text });
      const byNode = await t.ok(NODE, { id: created.id });
      expect(byNode.node).toEqual({
        __typename: 'Article',
        id: created.id,
        url: created.url,
        title: 'Node',
        contentHash: sha256(text),
      });

      const claim = await createClaim('Talks are at an advanced stage');
      const actor = await createActor('The minister');
      const exact = 'talks with Washington are at an advanced stage';
      const passage = (await attribute(claim, actor, created.id, exact)).passage;
      const start = text.indexOf(exact);
      const prefix = text.slice(Math.max(0, start - 32), start);
      const suffix = text.slice(start + exact.length, start + exact.length + 32);
      const { node } = await t.ok(NODE, { id: passage.id });
      expect(node).toEqual({
        __typename: 'Passage',
        id: passage.id,
        start,
        end: start + exact.length,
        exact,
        prefix,
        suffix,
        article: { id: created.id },
        selectors: [
          { type: 'TextQuoteSelector', exact, prefix, suffix },
          { type: 'TextPositionSelector', start, end: start + exact.length },
        ],
      });
      expect((await article(created.id)).passages).toEqual([
        { id: passage.id, start, end: start + exact.length, exact },
      ]);
    });

    it('counts offsets in Unicode code points in a non-ASCII text', async () => {
      const text =
        '«Hay conversaciones avanzadas», afirmó el diario 🗞️ según fuentes cercanas a la negociación 🇦🇷: «no hay ningún acuerdo cerrado, pero las negociaciones avanzan rápidamente». Milei lo negó.';
      const exact = 'no hay ningún acuerdo cerrado';
      const { article: created } = await ingest({ url: nextUrl(), text, language: 'es' });
      const claim = await createClaim('No deal has been closed');
      const actor = await createActor('fuentes cercanas a la negociación', 'ANONYMOUS_SOURCE');
      const passage = (await attribute(claim, actor, created.id, exact)).passage;

      const utf16Index = text.indexOf(exact);
      const start = codePoints(text, utf16Index);
      expect(start).toBeLessThan(utf16Index); // the emoji before it are two UTF-16 units each
      expect(passage).toMatchObject({
        start,
        end: start + Array.from(exact).length,
        exact,
        prefix: Array.from(text)
          .slice(start - 32, start)
          .join(''),
      });
    });
  });
});
