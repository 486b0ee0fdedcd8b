import { GRAPH_PARAMETERS } from '@claimtrace/export';
import { ATTRIBUTE, attributionParts, CREATE_CLAIM, INGEST } from './support/fixtures';
import { startTestApp, TestApp } from './test-app';

// Inputs a client controls that once reached the server as internal errors: dates off the
// calendar or outside PostgreSQL's range, NUL and broken UTF-16 in export query parameters,
// variables nested thousands of levels deep, an upside-down rating scale, garbage cursors and
// numbers. Each is a coded 4xx answer naming what to fix; nothing is written.

const ADD_REVIEW = `mutation ($i: AddReviewInput!) { addReview(input: $i) { id } }`;
const TEXT = 'The minister said the deal was done. The opposition said it was not.';

const TABLES = [
  'claims',
  'actors',
  'articles',
  'passages',
  'attributions',
  'reviews',
  'claim_events',
];

jest.setTimeout(120_000);

describe('client errors are coded, never internal', () => {
  let t: TestApp;
  let claimId: string;
  let actorId: string;
  let articleId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ claimId, actorId, articleId } = await attributionParts(t, {
      claim: 'A claim to date',
      actor: 'Date Minister',
      url: 'https://example.org/dates',
      text: TEXT,
    }));
  });
  afterAll(() => t.close());

  /** An ASSERTS stance of the actor on the claim, on the article's first 36 characters. */
  const attribution = (extra: Record<string, unknown>) => ({
    claimId,
    actorId,
    articleId,
    stance: 'ASSERTS',
    position: { start: 0, end: 36 },
    ...extra,
  });

  const counts = async () =>
    Object.fromEntries(await Promise.all(TABLES.map(async (n) => [n, await t.count(n)])));

  /** Sends over HTTP; answers the status and the first error's code, message and extensions. */
  const post = async (query: string, variables?: unknown) => {
    const response = await t.send(query, variables);
    const body = response.json() as { errors?: { message: string; extensions: any }[] };
    const [error] = body.errors ?? [];
    return { status: response.statusCode, code: error?.extensions?.code, message: error?.message };
  };

  /** Every DateTime input of the schema, as a variable and as a literal. */
  const dateInputs: [string, (date: string) => [string, unknown]][] = [
    [
      'Query.claim(asOf)',
      (d) => [`query ($d: DateTime) { claim(id: "${claimId}", asOf: $d) { id } }`, { d }],
    ],
    [
      'ClaimFilter.since',
      (d) => [`query ($d: DateTime) { claims(filter: { since: $d }) { totalCount } }`, { d }],
    ],
    [
      'ClaimFilter.until',
      (d) => [`query ($d: DateTime) { claims(filter: { until: $d }) { totalCount } }`, { d }],
    ],
    [
      'AttributeClaimInput.statedAt',
      (d) => [
        ATTRIBUTE,
        {
          i: attribution({ statedAt: d }),
        },
      ],
    ],
    [
      'IngestArticleInput.publishedAt',
      (d) => [
        INGEST,
        { i: { url: 'https://example.org/dated', title: 'Dated', text: TEXT, publishedAt: d } },
      ],
    ],
    [
      'AddReviewInput.publishedAt',
      (d) => [ADD_REVIEW, { i: { claimId, rating: 'False', reviewerId: actorId, publishedAt: d } }],
    ],
    [
      'a literal asOf',
      (d) => [`{ claim(id: "${claimId}", asOf: ${JSON.stringify(d)}) { id } }`, undefined],
    ],
  ];

  const BAD_DATES: [string, RegExp][] = [
    ['0000-01-01', /year 0000/],
    ['0000-06-15T00:00:00Z', /year 0000/],
    ['-0001-01-01', /form/],
    ['+275761-01-01T00:00:00Z', /form/],
    ['10000-01-01', /form/],
    ['294277-01-01', /form/],
    ['2026-02-30', /February 2026 has days 01 to 28/],
    ['2026-02-29T00:00:00Z', /February 2026 has days 01 to 28/],
    ['2026-04-31', /April 2026 has days 01 to 30/],
    ['2026-13-01', /months/],
    ['2026-00-10', /months/],
    ['2026-01-00', /days 01 to 31/],
    ['2026-03-14T24:00:00Z', /hours are 00 to 23/],
    ['2026-03-14T23:60:00Z', /minutes are 00 to 59/],
    ['2026-12-31T23:59:60Z', /leap seconds/],
    ['2026-03-14T10:00:00+25:00', /offsets/],
    ['2026-03-14T10:00:00+14:01', /offsets/],
    ['2026-03-14T10:00:00+05:60', /offset minutes/],
    ['0001-01-01T00:00:00+01:00', /outside the years 0001 to 9999/],
    ['9999-12-31T23:59:59-01:00', /outside the years 0001 to 9999/],
    ['yesterday', /form/],
    ['2026-3-14', /form/],
    ['14/03/2026', /form/],
    ['', /form/],
    ['2026-03-14T09:30:00Z\u0000', /NUL|form/],
    ['2'.repeat(2_000), /too long/],
  ];

  it.each(BAD_DATES.map(([date, reason]) => [date.slice(0, 40), date, reason] as const))(
    'refuses %j in every DateTime input with BAD_USER_INPUT',
    async (_label, date, reason) => {
      const before = await counts();
      for (const [name, build] of dateInputs) {
        const [query, variables] = build(date);
        const answer = await post(query, variables);
        expect({ name, ...answer }).toEqual({
          name,
          status: 400,
          code: 'BAD_USER_INPUT',
          message: expect.stringMatching(/ISO 8601|NUL/),
        });
        expect(answer.message).toMatch(reason);
      }
      expect(await counts()).toEqual(before);
    },
  );

  it('refuses a DateTime that is not a string', async () => {
    for (const value of [20260314, true, { year: 2026 }, ['2026-03-14']]) {
      const answer = await post(
        `query ($d: DateTime) { claims(filter: { since: $d }) { totalCount } }`,
        { d: value },
      );
      expect(answer).toEqual({
        status: 400,
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(/as a string/),
      });
    }
    const literal = await post(`{ claims(filter: { since: 20260314 }) { totalCount } }`);
    expect(literal).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/as a string/),
    });
  });

  it('accepts the edges of the range and a leap day', async () => {
    for (const date of [
      '0001-01-01',
      '0001-01-01T00:00:00Z',
      '9999-12-31T23:59:59.999Z',
      '9999-12-31T23:59:59.999999999Z',
      '2024-02-29',
      '2000-02-29T12:00:00+14:00',
      '2026-03-14T09:30:00-14:00',
      '2026-03-14T09:30',
      '2026-03-14 09:30:00+0530',
    ]) {
      const answer = await post(
        `query ($d: DateTime) { claims(filter: { since: $d, until: $d }) { totalCount } }`,
        { d: date },
      );
      expect({ date, ...answer }).toEqual({
        date,
        status: 200,
        code: undefined,
        message: undefined,
      });
    }
    const { ingestArticle } = await t.ok(
      `mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) { article { publishedAt } } }`,
      {
        i: {
          url: 'https://example.org/old',
          title: 'Old',
          text: TEXT,
          publishedAt: '0001-01-01T00:00:00Z',
        },
      },
    );
    expect(ingestArticle.article.publishedAt).toBe('0001-01-01T00:00:00.000Z');
  });

  describe('export query parameters', () => {
    const ROUTES = [
      (value: string) => `/exports/graph?format=json&since=${value}`,
      (value: string) => `/exports/graph?format=json&tag=${value}`,
      (value: string) => `/exports/graph?format=json&actorId=${value}`,
      (value: string) => `/exports/graph?format=json&status=${value}`,
      (value: string) => `/exports/graph?format=${value}`,
      (value: string) => `/exports/graph?format=csv&table=${value}`,
      (value: string) => `/exports/claimreviews.jsonl?ticket=${value}`,
      (value: string) => `/claims/${value}/claimreview.jsonld`,
      (value: string) => `/articles/${value}/annotations.jsonld`,
    ];
    const VALUES = ['%00', 'a%00b', '%ED%A0%80', '%C0%80', '%FF%FE', 'x'.repeat(5000), '%ED%B0%80'];

    it.each(VALUES.map((value) => [value.slice(0, 20), value]))(
      'answers %s in any parameter with a coded 4xx, never 500',
      async (_label, value) => {
        // a NUL is refused; invalid UTF-8 arrives as U+FFFD, text like any other (an empty result)
        const refused = /%00|x{2000}/.test(value);
        const wrong = [];
        for (const route of ROUTES) {
          const url = route(value);
          const response = await t.app.inject({ method: 'GET', url });
          const status = response.statusCode;
          const code = status >= 400 ? response.json().code : undefined;
          if (
            status >= 500 ||
            (refused && status < 400) ||
            (status >= 400 && !/^[A-Z_]+$/.test(code))
          ) {
            wrong.push({ url: url.slice(0, 60), status, code });
          }
        }
        expect(wrong).toEqual([]);
      },
    );

    it('applies the DateTime rule to `since`', async () => {
      for (const [date, reason] of BAD_DATES.filter(([d]) => d && d.length < 100)) {
        const response = await t.app.inject({
          method: 'GET',
          url: `/exports/graph?format=json&since=${encodeURIComponent(date)}`,
        });
        expect({ date, status: response.statusCode, code: response.json().code }).toEqual({
          date,
          status: 400,
          code: 'BAD_USER_INPUT',
        });
        expect(response.json().message).toMatch(reason);
      }
      const ok = await t.app.inject({
        method: 'GET',
        url: '/exports/graph?format=json&since=0001-01-01',
      });
      expect(ok.statusCode).toBe(200);
    });

    /** Every export route, each with the parameters it takes and valid values for them. */
    const EXPORTS = () => [
      {
        path: '/exports/graph',
        given: 'format=json&since=2020-01-01&status=CONTESTED&tag=x',
        takes: [...GRAPH_PARAMETERS],
      },
      { path: '/exports/claimreviews.jsonl', given: 'inLanguage=en', takes: ['inLanguage'] },
      { path: `/claims/${claimId}/claimreview.jsonld`, given: '', takes: [] },
      { path: `/articles/${articleId}/annotations.jsonld`, given: '', takes: [] },
    ];
    const get = async (url: string) => {
      const response = await t.app.inject({ method: 'GET', url });
      // an error is JSON; an export is whatever its format is
      const status = response.statusCode;
      return { status, body: status >= 400 ? response.json() : null };
    };

    /** Asks for a download link to `path`; answers the status, and the error's code and message. */
    const linkTo = async (path: string) => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/exports/links',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` },
        payload: JSON.stringify({ path }),
      });
      const { code, message } = response.json();
      return { status: response.statusCode, code, message };
    };

    it('refuses an unknown parameter on every export route, naming it and the ones it takes', async () => {
      for (const route of EXPORTS()) {
        const query = route.given ? `${route.given}&stauts=OPEN` : 'stauts=OPEN';
        const { status, body } = await get(`${route.path}?${query}`);
        expect({ path: route.path, status, code: body.code }).toEqual({
          path: route.path,
          status: 400,
          code: 'BAD_USER_INPUT',
        });
        expect(body.message).toContain('`stauts`');
        for (const name of route.takes) expect(body.message).toContain(`\`${name}\``);
        if (route.takes.length === 0) expect(body.message).toMatch(/takes no query parameter/);
        // the same route with only the parameters it takes is not refused (this claim has no
        // review yet: its ClaimReview is a 404)
        const ok = await get(route.given ? `${route.path}?${route.given}` : route.path);
        expect({ path: route.path, status: ok.status }).toEqual({
          path: route.path,
          status: route.path.startsWith('/claims/') ? 404 : 200,
        });
      }
      // a download link for an address with an unknown parameter is refused when it is asked for
      expect(await linkTo('/exports/graph?format=json&stauts=CONTESTED')).toEqual({
        status: 400,
        code: 'BAD_USER_INPUT',
        message: expect.stringContaining('`stauts`'),
      });
    });

    it('refuses an empty value instead of taking it as absent', async () => {
      for (const name of ['since', 'status', 'tag', 'actorId', 'format', 'table']) {
        const query = name === 'format' ? 'format=' : `format=csv&table=nodes&${name}=`;
        const { status, body } = await get(`/exports/graph?${query}`);
        expect({ name, status, code: body.code }).toEqual({
          name,
          status: 400,
          code: 'BAD_USER_INPUT',
        });
        expect(body.message).toContain(`\`${name}\` is empty`);
      }
      expect(await linkTo('/exports/graph?format=json&since=')).toEqual({
        status: 400,
        code: 'BAD_USER_INPUT',
        message: expect.stringContaining('`since` is empty'),
      });
    });
  });

  describe('variables nested thousands of levels deep', () => {
    /** JSON text nested `depth` levels, built as text (JSON.stringify would recurse). */
    const deepJson = (depth: number, open: string, close: string, leaf: string) =>
      `${open.repeat(depth)}${leaf}${close.repeat(depth)}`;

    it.each([
      ['a list', deepJson(10_000, '[', ']', '"x"')],
      ['an object', deepJson(10_000, '{"a":', '}', '"x"')],
      ['an input object', deepJson(100_000, '{"text":', '}', '"x"')],
    ])('refuses %s 10,000+ levels deep with a coded 400', async (_name, deep) => {
      const before = await counts();
      for (const query of [
        CREATE_CLAIM,
        `query ($i: [ClaimStatus!]) { claims(filter: { status: $i }) { totalCount } }`,
      ]) {
        const response = await t.app.inject({
          method: 'POST',
          url: '/graphql',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` },
          payload: `{"query":${JSON.stringify(query)},"variables":{"i":${deep}}}`,
        });
        expect(response.statusCode).toBe(400);
        const [error] = response.json().errors;
        expect(error.extensions.code).toBe('BAD_USER_INPUT');
        expect(error.message).toMatch(/nested|deep/i);
      }
      expect(await counts()).toEqual(before);
    });
  });

  describe('rating scales', () => {
    const review = (fields: Record<string, unknown>) =>
      post(ADD_REVIEW, { i: { claimId, rating: 'False', reviewerId: actorId, ...fields } });

    it.each([
      [{ bestRating: 1, worstRating: 5 }, /bestRating.*worstRating/],
      [{ bestRating: 5, worstRating: 5 }, /bestRating.*worstRating/],
      [{ bestRating: 5, worstRating: 1, ratingValue: 6 }, /ratingValue/],
      [{ bestRating: 5, worstRating: 1, ratingValue: 0 }, /ratingValue/],
      [{ ratingValue: 3 }, /ratingValue.*bestRating.*worstRating/],
      [{ ratingValue: 3, bestRating: 5 }, /worstRating/],
      [{ bestRating: 5 }, /worstRating/],
      [{ worstRating: 1 }, /bestRating/],
    ])('refuses %j naming the fields', async (fields, names) => {
      const before = await counts();
      const answer = await review(fields);
      expect(answer).toEqual({
        status: expect.any(Number),
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(names),
      });
      expect(await counts()).toEqual(before);
    });

    it('accepts a scale with its value, and no scale at all', async () => {
      expect(
        (await review({ bestRating: 5, worstRating: 1, ratingValue: 2 })).code,
      ).toBeUndefined();
      expect((await review({})).code).toBeUndefined();
    });
  });

  describe('numbers, ids and cursors', () => {
    it.each([
      ['first: 0', `{ claims(first: 0) { totalCount } }`],
      ['first: -1', `{ claims(first: -1) { totalCount } }`],
      ['first: 2^31', `{ claims(first: 2147483648) { totalCount } }`],
      ['first: 1e400', `{ claims(first: 1e400) { totalCount } }`],
      ['a garbage cursor', `{ claims(after: "garbage!!") { totalCount } }`],
      [
        'base64 of garbage',
        `{ claims(after: "${Buffer.from('{"a":').toString('base64url')}") { totalCount } }`,
      ],
      [
        'base64 of a wrong tuple',
        `{ claims(after: "${Buffer.from('[1,2,3]').toString('base64url')}") { totalCount } }`,
      ],
      [
        'a cursor with a bad date',
        `{ claims(after: "${Buffer.from('["0000-13-45","x"]').toString('base64url')}") { totalCount } }`,
      ],
      [
        'a cursor with a bad uuid',
        `{ claims(after: "${Buffer.from('["2026-01-01T00:00:00Z","not-a-uuid"]').toString('base64url')}") { totalCount } }`,
      ],
      [
        'a nested page cursor',
        `{ claims(first: 1) { edges { node { attributions(after: "${Buffer.from('["x","y"]').toString('base64url')}") { totalCount } } } } }`,
      ],
      [
        'an actors cursor',
        `{ actors(after: "${Buffer.from('["a","not-a-uuid"]').toString('base64url')}") { totalCount } }`,
      ],
      [
        'an articles cursor',
        `{ articles(after: "${Buffer.from('["yesterday","x"]').toString('base64url')}") { totalCount } }`,
      ],
      ['an id that is not base64', `{ claim(id: "%%%") { id } }`],
      ['an id of unicode', `{ claim(id: "𝔘𝔫𝔦𝔠𝔬𝔡𝔢") { id } }`],
      [
        'an id of a bad uuid',
        `{ claim(id: "${Buffer.from('Claim:not-a-uuid').toString('base64url')}") { id } }`,
      ],
      ['an empty id', `{ claim(id: "") { id } }`],
      ['a huge id', `{ claim(id: "${'A'.repeat(5000)}") { id } }`],
    ])('answers %s with a coded 4xx', async (_name, query) => {
      const answer = await post(query);
      expect(answer.code).toMatch(/^(BAD_USER_INPUT|NOT_FOUND|GRAPHQL_VALIDATION_FAILED)$/);
      expect(answer.status).toBeLessThan(500);
    });

    it.each([
      ['confidence: NaN', { confidence: 'NaN' }],
      ['confidence: huge', { confidence: 1e308 }],
    ])('answers %s with BAD_USER_INPUT', async (_name, extra) => {
      const answer = await post(ATTRIBUTE, {
        i: attribution(extra),
      });
      expect(answer.code).toBe('BAD_USER_INPUT');
    });
  });
});
