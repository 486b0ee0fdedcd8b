import { startTestApp, TestApp } from './test-app';
import { SET_CHECKLIST_ITEM } from './support/claims-api';

// Every failure a client can cause is a GraphQL error with `extensions.code`, a message a person can
// act on, no stack trace, and no partial write: each rejection below is checked against the row
// counts of every table a mutation could touch.

const TABLES = [
  'claims',
  'attributions',
  'passages',
  'articles',
  'status_changes',
  'claim_relations',
  'reviews',
  'claim_events',
  'actors',
];

const TEXT = [
  'Argentina is in advanced talks with the United States to receive deportees, the newspaper reported.',
  'Officials said the negotiations were moving quickly.',
  'The president said the report was false.',
  'A spokesperson said nothing further.',
].join(' ');

const CREATE_ACTOR = `mutation ($i: CreateActorInput!) { createActor(input: $i) { id } }`;
const INGEST = `mutation ($i: IngestArticleInput!) {
  ingestArticle(input: $i) { outcome article { id } } }`;
const CREATE_CLAIM = `mutation ($i: CreateClaimInput!) { createClaim(input: $i) { id version } }`;
const UPDATE_CLAIM = `mutation ($i: UpdateClaimInput!) { updateClaim(input: $i) { id version } }`;
const ATTRIBUTE = `mutation ($i: AttributeClaimInput!) {
  attributeClaim(input: $i) { id passage { id start end exact } } }`;
const REMOVE = `mutation ($i: RemoveAttributionInput!) { removeAttribution(input: $i) { id } }`;
const CHANGE_STATUS = `mutation ($i: ChangeClaimStatusInput!) {
  changeClaimStatus(input: $i) { status version } }`;
const MERGE_CLAIMS = `mutation ($i: MergeInput!) { mergeClaims(input: $i) { id } }`;
const MERGE_ACTORS = `mutation ($i: MergeInput!) { mergeActors(input: $i) { id } }`;

/** A well-formed global id of a record that does not exist. */
const missing = (type: string) =>
  Buffer.from(`${type}:00000000-0000-4000-8000-000000000000`).toString('base64url');

jest.setTimeout(60_000);

describe('bad input over GraphQL: a clear error, nothing written', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  const counts = async () =>
    Object.fromEntries(
      await Promise.all(TABLES.map(async (table) => [table, await t.count(table)])),
    );

  /** Sends a request that must fail with `code` and a message matching every pattern, writing nothing. */
  const rejected = async (
    query: string,
    variables: Record<string, unknown>,
    code: string,
    ...messages: RegExp[]
  ) => {
    const before = await counts();
    const result = await t.gql(query, variables);
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect({ code: error.extensions.code, message: error.message }).toEqual({
      code,
      message: expect.any(String),
    });
    for (const message of messages) expect(error.message).toMatch(message);
    expect(error.extensions.stacktrace).toBeUndefined();
    expect(error.extensions.exception).toBeUndefined();
    expect(await counts()).toEqual(before);
    return error;
  };

  const ok = async (query: string, i: Record<string, unknown>) => t.ok(query, { i });
  const createActor = async (name: string, kind: string) =>
    (await ok(CREATE_ACTOR, { name, kind })).createActor.id as string;
  const createClaim = async (text: string) =>
    (await ok(CREATE_CLAIM, { text })).createClaim.id as string;
  const ingest = async (url: string, text: string) =>
    (await ok(INGEST, { url, title: 'Talks', text })).ingestArticle.article.id as string;
  const changeStatus = (claimId: string, status: string, rationale = 'because') =>
    ok(CHANGE_STATUS, { claimId, status, rationale });

  /** An attributeClaim input that succeeds as it stands; each test breaks one thing. */
  const attribution = (overrides: Record<string, unknown> = {}) => ({
    claimId: ids.claim,
    actorId: ids.milei,
    stance: 'ASSERTS',
    articleId: ids.article,
    quote: { exact: 'advanced talks' },
    ...overrides,
  });
  const ingestInput = (overrides: Record<string, unknown> = {}) => ({
    url: 'https://example.com/news/talks-2',
    title: 'Talks',
    text: 'A short article.',
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp({ ARTICLE_MAX_CHARS: '1000000' });
    ids.milei = await createActor('Javier Milei', 'PERSON');
    ids.nyt = await createActor('The New York Times', 'MEDIA_OUTLET');
    ids.article = await ingest('https://example.com/news/talks', TEXT);
    ids.otherArticle = await ingest('https://example.com/news/other', `Elsewhere: ${TEXT}`);
    ids.claim = await createClaim('Argentina is in advanced talks to receive deportees');
    ids.otherClaim = await createClaim('Negotiations are moving quickly');
    const relay = await ok(ATTRIBUTE, attribution({ actorId: ids.nyt, stance: 'REPORTS' }));
    ids.relay = relay.attributeClaim.id;
    ids.passage = relay.attributeClaim.passage.id;
    ids.relayOnOtherClaim = (
      await ok(ATTRIBUTE, attribution({ claimId: ids.otherClaim, stance: 'REPORTS' }))
    ).attributeClaim.id;
    ids.relayInOtherArticle = (
      await ok(ATTRIBUTE, attribution({ articleId: ids.otherArticle, stance: 'REPORTS' }))
    ).attributeClaim.id;
  });
  afterAll(() => t?.close());

  describe('unknown and malformed ids', () => {
    it.each([
      ['claimId', 'Claim'],
      ['actorId', 'Actor'],
      ['articleId', 'Article'],
      ['reportedViaId', 'Attribution'],
    ])('attributeClaim with an unknown %s is NOT_FOUND', async (argument, type) => {
      const id = missing(type);
      await rejected(
        ATTRIBUTE,
        { i: attribution({ [argument]: id }) },
        'NOT_FOUND',
        new RegExp(`No ${type} has the id`),
        new RegExp(id),
      );
    });

    it.each(['claimId', 'actorId', 'articleId', 'reportedViaId'])(
      'attributeClaim with a malformed %s is BAD_USER_INPUT naming the argument',
      async (argument) => {
        await rejected(
          ATTRIBUTE,
          { i: attribution({ [argument]: 'not-an-id' }) },
          'BAD_USER_INPUT',
          new RegExp(`${argument}.*not a valid id`),
        );
      },
    );

    it('rejects the id of another type where a claim is expected', async () => {
      await rejected(
        ATTRIBUTE,
        { i: attribution({ claimId: ids.milei }) },
        'BAD_USER_INPUT',
        /claimId.*must be the id of a Claim.*Actor/,
      );
    });

    it('removeAttribution with an unknown or malformed attribution id', async () => {
      const id = missing('Attribution');
      await rejected(
        REMOVE,
        { i: { attributionId: id, reason: 'wrong person' } },
        'NOT_FOUND',
        /No Attribution has the id/,
      );
      await rejected(
        REMOVE,
        { i: { attributionId: '???', reason: 'wrong person' } },
        'BAD_USER_INPUT',
        /attributionId.*not a valid id/,
      );
    });

    it('changeClaimStatus with an unknown or malformed evidence passage', async () => {
      const id = missing('Passage');
      const input = { claimId: ids.claim, status: 'CONTESTED', rationale: 'Milei denies it' };
      await rejected(
        CHANGE_STATUS,
        { i: { ...input, evidencePassageIds: [ids.passage, id] } },
        'NOT_FOUND',
        /No Passage has the id/,
        new RegExp(id),
      );
      await rejected(
        CHANGE_STATUS,
        { i: { ...input, evidencePassageIds: ['passage-1'] } },
        'BAD_USER_INPUT',
        /evidencePassageIds.*not a valid id/,
      );
    });

    it('updateClaim and changeClaimStatus on an unknown claim', async () => {
      await rejected(
        UPDATE_CLAIM,
        { i: { claimId: missing('Claim'), text: 'x' } },
        'NOT_FOUND',
        /No Claim has the id/,
      );
      await rejected(
        CHANGE_STATUS,
        { i: { claimId: missing('Claim'), status: 'CONTESTED', rationale: 'x' } },
        'NOT_FOUND',
        /No Claim has the id/,
      );
    });
  });

  describe('quotes and positions that do not pick exactly one passage', () => {
    it('rejects a quote that is not in the article, showing the nearest match when close', async () => {
      const close = await rejected(
        ATTRIBUTE,
        { i: attribution({ quote: { exact: 'the negotiations were moving slowly' } }) },
        'BAD_USER_INPUT',
        /"the negotiations were moving slowly" does not occur in the article/,
        /Nearest match: ".*moving quickly/,
      );
      expect(close.extensions.nearest).toMatch(/moving quickly/);
      await rejected(
        ATTRIBUTE,
        { i: attribution({ quote: { exact: 'zebras dance on the frozen moon at midnight' } }) },
        'BAD_USER_INPUT',
        /does not occur in the article/,
      );
    });

    it('rejects an ambiguous quote saying how many times it occurs; a prefix disambiguates', async () => {
      const error = await rejected(
        ATTRIBUTE,
        { i: attribution({ quote: { exact: 'said' } }) },
        'BAD_USER_INPUT',
        /"said" occurs 3 times/,
        /prefix or suffix/,
      );
      expect(error.extensions.matchCount).toBe(3);

      const chosen = await ok(
        ATTRIBUTE,
        attribution({ quote: { exact: 'said', prefix: 'The president' } }),
      );
      const start = TEXT.indexOf('The president said') + 'The president '.length;
      expect(chosen.attributeClaim.passage).toMatchObject({ exact: 'said', start, end: start + 4 });
    });

    it.each([
      ['start < 0', { start: -1, end: 5 }, /not a span of the article/],
      ['end > length', { start: 0, end: TEXT.length + 1 }, new RegExp(`≤ ${TEXT.length}`)],
      ['start = end', { start: 10, end: 10 }, /selects nothing; end must be greater than start/],
      ['start > end', { start: 20, end: 10 }, /start < end/],
    ])('rejects a position with %s', async (_, position, message) => {
      await rejected(
        ATTRIBUTE,
        { i: attribution({ quote: null, position }) },
        'BAD_USER_INPUT',
        /position/,
        message,
      );
    });

    it('rejects a position longer than a passage may be (10,000 code points)', async () => {
      const long = await ingest('https://example.com/news/long', `${'word '.repeat(2_100)}end.`);
      await rejected(
        ATTRIBUTE,
        { i: attribution({ articleId: long, quote: null, position: { start: 0, end: 10_001 } }) },
        'BAD_USER_INPUT',
        /spans 10001 characters; a passage may hold at most 10000/,
      );
      const fits = await ok(
        ATTRIBUTE,
        attribution({ articleId: long, quote: null, position: { start: 0, end: 10_000 } }),
      );
      expect(fits.attributeClaim.passage).toMatchObject({ start: 0, end: 10_000 });
    });

    it('rejects both a quote and a position, and neither', async () => {
      const both = attribution({ position: { start: 0, end: 9 } });
      await rejected(
        ATTRIBUTE,
        { i: both },
        'BAD_USER_INPUT',
        /exactly one of `quote` and `position`/,
      );
      const neither = attribution({ quote: null });
      await rejected(
        ATTRIBUTE,
        { i: neither },
        'BAD_USER_INPUT',
        /exactly one of `quote` and `position`/,
      );
    });
  });

  describe('attributions', () => {
    it('rejects reportedViaId on another claim', async () => {
      await rejected(
        ATTRIBUTE,
        { i: attribution({ reportedViaId: ids.relayOnOtherClaim }) },
        'BAD_USER_INPUT',
        /reportedViaId must be an attribution of the same claim/,
      );
    });

    it('rejects reportedViaId in another article', async () => {
      await rejected(
        ATTRIBUTE,
        { i: attribution({ reportedViaId: ids.relayInOtherArticle }) },
        'BAD_USER_INPUT',
        /reportedViaId must be an attribution whose passage is in the same article/,
      );
    });

    it('rejects a confidence above 1', async () => {
      await rejected(
        ATTRIBUTE,
        { i: attribution({ confidence: 1.5 }) },
        'BAD_USER_INPUT',
        /confidence must be between 0 and 1/,
      );
    });
  });

  describe('the status workflow', () => {
    it('rejects any transition out of RETRACTED', async () => {
      const claim = await createClaim('The deal was signed');
      await changeStatus(claim, 'RETRACTED', 'The newspaper withdrew the report');
      for (const status of ['UNVERIFIED', 'CONTESTED', 'CONFIRMED', 'REFUTED']) {
        await rejected(
          CHANGE_STATUS,
          { i: { claimId: claim, status, rationale: 'new evidence' } },
          'BAD_USER_INPUT',
          new RegExp(`cannot go from RETRACTED to ${status}`),
          /RETRACTED is final/,
        );
      }
    });

    it('rejects CONFIRMED → REFUTED, listing the allowed ones', async () => {
      const claim = await createClaim('Talks took place in Washington');
      await ok(SET_CHECKLIST_ITEM, { claimId: claim, key: 'second-review', done: true });
      await changeStatus(claim, 'CONFIRMED', 'Both governments confirmed');
      const error = await rejected(
        CHANGE_STATUS,
        { i: { claimId: claim, status: 'REFUTED', rationale: 'new evidence' } },
        'BAD_USER_INPUT',
        /cannot go from CONFIRMED to REFUTED/,
        /may go to CONTESTED, RETRACTED/,
      );
      expect(error.extensions.allowed).toEqual(['CONTESTED', 'RETRACTED']);
    });

    it.each([
      ['an empty', ''],
      ['a whitespace-only', ' \t\n '],
    ])('rejects %s rationale', async (_, rationale) => {
      await rejected(
        CHANGE_STATUS,
        { i: { claimId: ids.claim, status: 'CONTESTED', rationale } },
        'BAD_USER_INPUT',
        /rationale must (not be empty|contain at least one visible character)/,
      );
    });

    it('rejects a stale expectedVersion with CONFLICT and the current version', async () => {
      const claim = await createClaim('A safe third country scheme is planned');
      await t.ok(UPDATE_CLAIM, {
        i: { claimId: claim, text: 'A safe third country scheme', expectedVersion: 1 },
      });
      const status = await rejected(
        CHANGE_STATUS,
        { i: { claimId: claim, status: 'CONTESTED', rationale: 'denied', expectedVersion: 1 } },
        'CONFLICT',
        /expectedVersion 1.*version 2.*Reload/,
      );
      expect(status.extensions.currentVersion).toBe(2);
      const update = await rejected(
        UPDATE_CLAIM,
        { i: { claimId: claim, text: 'Another wording', expectedVersion: 1 } },
        'CONFLICT',
        /expectedVersion 1/,
      );
      expect(update.extensions.currentVersion).toBe(2);
    });
  });

  describe('merges', () => {
    it('rejects merging a claim into itself', async () => {
      await rejected(
        MERGE_CLAIMS,
        { i: { keepId: ids.claim, mergeId: ids.claim } },
        'BAD_USER_INPUT',
        /cannot be merged into itself/,
      );
    });

    it('rejects merging an actor into itself', async () => {
      await rejected(
        MERGE_ACTORS,
        { i: { keepId: ids.milei, mergeId: ids.milei } },
        'BAD_USER_INPUT',
        /cannot be merged into itself/,
      );
    });
  });

  describe('articles', () => {
    it('answers a 5 MB text above ARTICLE_MAX_CHARS with BAD_USER_INPUT, not HTTP 413', async () => {
      const before = await counts();
      const text = 'Lorem ipsum dolor sit amet. '.repeat(5_000_000 / 28 + 1).slice(0, 5_000_000);
      const response = await t.send(INGEST, { i: ingestInput({ text }) });
      expect(response.statusCode).not.toBe(413);
      const { errors } = response.json();
      expect(errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(errors?.[0].message).toMatch(/5000000 characters; the limit is 1000000/);
      expect(errors?.[0].message).toMatch(/ARTICLE_MAX_CHARS/);
      expect(errors?.[0].extensions.stacktrace).toBeUndefined();
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['a relative URL', '/news/talks'],
      ['an ftp: URL', 'ftp://example.com/news/talks'],
      ['a URL with spaces', 'https://example.com/news/advanced talks'],
      ['an empty URL', ''],
    ])('rejects %s', async (_, url) => {
      await rejected(
        INGEST,
        { i: ingestInput({ url }) },
        'BAD_USER_INPUT',
        /url must be an absolute URI starting with http:\/\/, https:\/\/ or urn:/,
      );
    });

    it.each(['yesterday', '2026-13-45'])('rejects publishedAt "%s"', async (publishedAt) => {
      await rejected(INGEST, { i: ingestInput({ publishedAt }) }, 'BAD_USER_INPUT', /publishedAt/);
    });
  });
});
