// The fixed set of requests whose answers the capture records, in order. Every query field of
// schema.gql with representative arguments, the dashboard's own documents as the page sends them,
// the HTTP exports in each format, a few writes (as the ADMIN token) with their read-back, and a
// few refusals. Ids come from earlier answers (`ctx`), never from a run's database.
//
// Kept as they were when the capture was first taken: changing a document here changes the
// capture, so add new requests at the end.

const ACTOR_FIELDS = 'id name kind aliases wikidataId affiliation { id name } mergedInto { id }';
const PASSAGE_FIELDS = 'id start end exact prefix suffix selectors article { id title }';
const ATTRIBUTION_FIELDS = `id stance statedAt confidence actor { id name } claim { id }
  passage { ${PASSAGE_FIELDS} } reportedVia { id stance } chain { id stance actor { id name } }`;
const CLAIM_FIELDS = `id text status version tags language firstSeenAt updatedAt mergedInto { id }
  stanceSummary { counts { stance count } distinctActors }
  statusHistory { from to rationale at by evidence { id exact } }
  reviews { id rating ratingValue bestRating worstRating summary url publishedAt reviewer { id name } }
  relations { relation from { id text } to { id text } }`;
const PAGE = 'pageInfo { startCursor endCursor hasNextPage hasPreviousPage }';
const ARTICLE_FIELDS = `id url title language publishedAt contentHash text
  publisher { id name } authors { id name } previousVersion { id }
  passages { id start end exact prefix suffix selectors }
  reanchoredPassages { status score reason from { id } to { id } }
  suggestedAttributions { index reportedViaIndex sourceText sourceStart sourceEnd cue cueStart
    cueEnd content contentStart contentEnd stance actor { id name } }`;
const EVENT_FIELDS = 'id cursor kind at by payload claim { id text }';
const ALL_EVENTS = `{ events(first: 100) { ${PAGE} edges { cursor node { ${EVENT_FIELDS} } } } }`;
const EVENTS_OF_CLAIM = `query ($claimId: ID) { events(claimId: $claimId) { edges { node { ${EVENT_FIELDS} } } } }`;
const NODE_FIELDS = `__typename id
  ... on Claim { text status version }
  ... on Actor { name kind }
  ... on Article { title url }
  ... on Attribution { stance actor { name } }
  ... on Passage { exact start end }
  ... on Review { rating reviewer { name } }
  ... on ClaimEvent { eventKind: kind cursor }`;

// The dashboard's documents (apps/web/src/api/queries.ts and features.ts when this was written).
const BOARD_CLAIM_FIELDS = `
  id text status version tags updatedAt firstSeenAt
  stanceSummary { counts { stance count } distinctActors }
  attributions(first: 20) { edges { node { id stance actor { id name } } } }`;
const DASHBOARD = {
  introspect: `{
  query: __type(name: "Query") { fields { name } }
  subscription: __type(name: "Subscription") { fields { name } }
  filter: __type(name: "ClaimFilter") { inputFields { name } }
}`,
  board: `query Board($filter: ClaimFilter, $first: Int) {
  claims(filter: $filter, first: $first, orderBy: UPDATED_DESC) {
    totalCount
    edges { cursor node { ${BOARD_CLAIM_FIELDS} } }
  }
}`,
  actors: `query Actors {
  actors(first: 100) { edges { node { id name kind } } }
}`,
  claimDetail: `query ClaimDetail($id: ID!) {
  claim(id: $id) {
    id text status version tags firstSeenAt updatedAt
    mergedInto { id text }
    stanceSummary { counts { stance count } distinctActors }
    attributions(first: 100) {
      totalCount
      edges { node {
        id stance statedAt confidence
        actor { id name kind }
        passage { id start end exact article { id title url publisher { id name } } }
        chain { id stance actor { id name kind } }
      } }
    }
    statusHistory { from to rationale at by evidence { id exact } }
    reviews { id rating ratingValue bestRating worstRating summary url publishedAt reviewer { id name } }
    relations { relation from { id text status } to { id text status } }
  }
}`,
  article: `query Article($id: ID!) {
  article(id: $id) {
    id title url text publishedAt
    publisher { id name }
    suggestedAttributions {
      index reportedViaIndex sourceText cue content stance
      contentStart contentEnd actor { id name }
    }
  }
}`,
  articles: `query Articles {
  articles(first: 100) { edges { node { id title } } }
}`,
  claimGraph: `query ClaimGraph($claimId: ID, $actorId: ID, $depth: Int) {
  claimGraph(claimId: $claimId, actorId: $actorId, depth: $depth) {
    nodes { id type label }
    edges { source target type stance relation }
  }
}`,
  graphClaim: `query GraphClaim($id: ID!) {
  claim(id: $id) {
    id text
    attributions(first: 100) { edges { node {
      id stance
      actor { id name affiliation { id name } }
      passage { article { id title publisher { id name } } }
      reportedVia { actor { id } }
    } } }
    relations { relation from { id text } to { id text } }
  }
}`,
  graphActor: `query GraphActor($id: ID!) {
  actor(id: $id) {
    id name
    affiliation { id name }
    attributions(first: 100) { edges { node {
      id stance
      claim { id text }
      passage { article { id title publisher { id name } } }
    } } }
  }
}`,
  nodeLabel: `query NodeLabel($id: ID!) {
  node(id: $id) { id ... on Claim { text } ... on Actor { name } }
}`,
  changeStatus: `mutation ChangeStatus($input: ChangeClaimStatusInput!) {
  changeClaimStatus(input: $input) { id status version }
}`,
  createClaim: `mutation CreateClaim($input: CreateClaimInput!) {
  createClaim(input: $input) { id }
}`,
  attribute: `mutation Attribute($input: AttributeClaimInput!) {
  attributeClaim(input: $input) { id passage { id exact } }
}`,
};

const first = (list, test, what) => {
  const found = list.find(test);
  if (!found) throw new Error(`the capture needs ${what} in the demo data`);
  return found;
};
const nodes = (connection) => connection.edges.map((edge) => edge.node);

/** gql(name, query, variables?, { as, keep }) — `keep(data, ctx)` stores ids for later requests */
const gql = (name, query, variables = {}, options = {}) => ({ name, query, variables, ...options });
const http = (name, path, options = {}) => ({ name, http: true, path, ...options });

const OPERATIONS = [
  // what the dashboard sends on its first load
  gql('dashboard-introspect', DASHBOARD.introspect),
  gql(
    'dashboard-board',
    DASHBOARD.board,
    { filter: {}, first: 100 },
    {
      keep: (data, ctx) => {
        const claims = nodes(data.claims);
        ctx.talks = first(claims, (c) => c.status === 'CONTESTED', 'a CONTESTED claim').id;
        ctx.claimIds = claims.map((c) => c.id);
      },
    },
  ),
  gql(
    'dashboard-actors',
    DASHBOARD.actors,
    {},
    {
      keep: (data, ctx) => {
        const actors = nodes(data.actors);
        ctx.milei = first(actors, (a) => a.name === 'Javier Milei', 'Javier Milei').id;
        ctx.nyt = first(actors, (a) => a.name === 'The New York Times', 'the Times').id;
      },
    },
  ),
  gql(
    'dashboard-articles',
    DASHBOARD.articles,
    {},
    {
      keep: (data, ctx) => {
        ctx.article = nodes(data.articles)[0].id;
      },
    },
  ),
  gql('dashboard-claim-detail', DASHBOARD.claimDetail, (ctx) => ({ id: ctx.talks }), {
    keep: (data, ctx) => {
      const attributions = nodes(data.claim.attributions);
      ctx.attribution = attributions[0].id;
      ctx.passage = attributions[0].passage.id;
    },
  }),
  gql('dashboard-article', DASHBOARD.article, (ctx) => ({ id: ctx.article })),
  gql('dashboard-claim-graph', DASHBOARD.claimGraph, (ctx) => ({ claimId: ctx.talks, depth: 2 })),
  gql('dashboard-actor-graph', DASHBOARD.claimGraph, (ctx) => ({ actorId: ctx.milei, depth: 2 })),
  gql('dashboard-graph-claim', DASHBOARD.graphClaim, (ctx) => ({ id: ctx.talks })),
  gql('dashboard-graph-actor', DASHBOARD.graphActor, (ctx) => ({ id: ctx.milei })),
  gql('dashboard-node-label-claim', DASHBOARD.nodeLabel, (ctx) => ({ id: ctx.talks })),
  gql('dashboard-node-label-actor', DASHBOARD.nodeLabel, (ctx) => ({ id: ctx.milei })),
  gql('dashboard-board-search', DASHBOARD.board, {
    filter: { search: 'deportees' },
    first: 100,
  }),
  gql('dashboard-board-filtered', DASHBOARD.board, (ctx) => ({
    filter: { status: ['CONTESTED', 'UNVERIFIED'], actorId: ctx.milei },
    first: 100,
  })),

  // Query.claims
  gql(
    'claims-all-fields',
    `query ($first: Int) { claims(first: $first) { totalCount ${PAGE}
      edges { cursor node { ${CLAIM_FIELDS}
        attributions(first: 50) { totalCount ${PAGE} edges { cursor node { ${ATTRIBUTION_FIELDS} } } } } } } }`,
    { first: 50 },
  ),
  gql(
    'claims-page-1',
    `{ claims(first: 2) { totalCount ${PAGE} edges { cursor node { id text } } } }`,
    {},
    { keep: (data, ctx) => (ctx.claimsCursor = data.claims.pageInfo.endCursor) },
  ),
  gql(
    'claims-page-2',
    `query ($after: String) { claims(first: 2, after: $after) { totalCount ${PAGE} edges { cursor node { id text } } } }`,
    (ctx) => ({ after: ctx.claimsCursor }),
  ),
  gql(
    'claims-by-status-tag',
    `{ claims(filter: { status: [CONTESTED], tag: "demo:perfil-deportee-talks" }) { totalCount edges { node { id text status tags } } } }`,
  ),
  gql(
    'claims-by-actor-stance',
    `query ($actorId: ID) { claims(filter: { actorId: $actorId, stance: DENIES }) { totalCount edges { node { id text } } } }`,
    (ctx) => ({ actorId: ctx.milei }),
  ),
  gql(
    'claims-search-relevance',
    `{ claims(filter: { search: "talks deportees" }, orderBy: RELEVANCE) { totalCount edges { cursor node { id text } } } }`,
  ),
  gql(
    'claims-first-seen',
    `{ claims(orderBy: FIRST_SEEN_DESC, filter: { since: "2000-01-01T00:00:00.000Z" }) { totalCount edges { node { id text } } } }`,
  ),
  gql(
    'claims-until-past',
    `{ claims(filter: { until: "2000-01-01T00:00:00.000Z" }) { totalCount edges { node { id } } } }`,
  ),

  // Query.claim
  gql(
    'claim',
    `query ($id: ID!) { claim(id: $id) { ${CLAIM_FIELDS}
      attributions(first: 100) { totalCount edges { node { ${ATTRIBUTION_FIELDS} } } }
      denials: attributions(stance: DENIES) { totalCount edges { node { id actor { name } } } } } }`,
    (ctx) => ({ id: ctx.talks }),
  ),

  // Query.actors and Query.actor
  gql(
    'actors-all-fields',
    `{ actors(first: 100) { totalCount ${PAGE} edges { cursor node { ${ACTOR_FIELDS}
      attributions(first: 10) { totalCount edges { node { id stance claim { id text } } } } } } } }`,
  ),
  gql(
    'actors-people',
    `{ actors(kind: PERSON, first: 3) { totalCount ${PAGE} edges { cursor node { id name } } } }`,
    {},
    { keep: (data, ctx) => (ctx.actorsCursor = data.actors.pageInfo.endCursor) },
  ),
  gql(
    'actors-people-page-2',
    `query ($after: String) { actors(kind: PERSON, first: 3, after: $after) { totalCount ${PAGE} edges { node { id name } } } }`,
    (ctx) => ({ after: ctx.actorsCursor }),
  ),
  gql(
    'actors-search',
    `{ actors(search: "milei") { totalCount edges { node { id name aliases } } } }`,
  ),
  gql(
    'actor',
    `query ($id: ID!) { actor(id: $id) { ${ACTOR_FIELDS}
      attributions(stance: DENIES) { totalCount edges { node { ${ATTRIBUTION_FIELDS} } } } } }`,
    (ctx) => ({ id: ctx.milei }),
  ),

  // Query.articles and Query.article
  gql(
    'articles',
    `{ articles(first: 10) { totalCount ${PAGE} edges { cursor node { id url title publishedAt publisher { name } } } } }`,
  ),
  gql('article', `query ($id: ID!) { article(id: $id) { ${ARTICLE_FIELDS} } }`, (ctx) => ({
    id: ctx.article,
  })),

  // Query.claimGraph
  ...[0, 1, 3].map((depth) =>
    gql(
      `claim-graph-depth-${depth}`,
      `query ($claimId: ID, $depth: Int) { claimGraph(claimId: $claimId, depth: $depth) {
        nodes { id type label depth } edges { source target type stance relation } } }`,
      (ctx) => ({ claimId: ctx.talks, depth }),
    ),
  ),
  gql(
    'claim-graph-actor-default-depth',
    `query ($actorId: ID) { claimGraph(actorId: $actorId) {
      nodes { id type label depth } edges { source target type stance relation } } }`,
    (ctx) => ({ actorId: ctx.nyt }),
  ),

  // Query.events
  gql(
    'events',
    ALL_EVENTS,
    {},
    {
      keep: (data, ctx) => {
        const events = nodes(data.events);
        ctx.event = events[0].id;
        ctx.eventCursor = events[2].cursor;
      },
    },
  ),
  gql(
    'events-after',
    `query ($after: String) { events(first: 5, after: $after) { ${PAGE} edges { cursor node { id kind } } } }`,
    (ctx) => ({ after: ctx.eventCursor }),
  ),
  gql('events-of-claim', EVENTS_OF_CLAIM, (ctx) => ({ claimId: ctx.talks })),
  gql(
    'events-of-actor',
    `query ($actorId: ID) { events(actorId: $actorId, first: 20) { edges { node { id kind } } } }`,
    (ctx) => ({ actorId: ctx.milei }),
  ),

  // Query.node, one of each type
  gql(
    'node-each-type',
    `query ($claim: ID!, $actor: ID!, $article: ID!, $attribution: ID!, $passage: ID!) {
      claim: node(id: $claim) { ${NODE_FIELDS} }
      actor: node(id: $actor) { ${NODE_FIELDS} }
      article: node(id: $article) { ${NODE_FIELDS} }
      attribution: node(id: $attribution) { ${NODE_FIELDS} }
      passage: node(id: $passage) { ${NODE_FIELDS} } }`,
    (ctx) => ({
      claim: ctx.talks,
      actor: ctx.milei,
      article: ctx.article,
      attribution: ctx.attribution,
      passage: ctx.passage,
    }),
  ),
  gql('node-event', `query ($id: ID!) { node(id: $id) { ${NODE_FIELDS} } }`, (ctx) => ({
    id: ctx.event,
  })),

  // Query.search
  ...[
    ['search-talks', 'talks', 10],
    ['search-name', 'Milei', 3],
    ['search-operators', '"safe third" | -country & deport*', 10],
    ['search-nothing', 'zzzqqqxxy', 10],
  ].map(([name, query, limit]) =>
    gql(
      name,
      `query ($query: String!, $first: Int) { search(query: $query, first: $first) {
        score snippet highlights { start end } claim { id text } passage { id exact article { id } } } }`,
      { query, first: limit },
    ),
  ),

  // HTTP exports
  ...['graphml', 'gexf', 'json'].map((format) =>
    http(`export-graph-${format}`, () => `/exports/graph?format=${format}`),
  ),
  ...['nodes', 'edges'].map((table) =>
    http(`export-graph-csv-${table}`, () => `/exports/graph?format=csv&table=${table}`),
  ),
  http(
    'export-graph-filtered',
    (ctx) => `/exports/graph?format=json&status=CONTESTED&actorId=${ctx.milei}`,
  ),
  http('export-claimreviews', () => '/exports/claimreviews.jsonl'),
  http('export-claimreview', (ctx) => `/claims/${ctx.talks}/claimreview.jsonld`),
  http('export-annotations', (ctx) => `/articles/${ctx.article}/annotations.jsonld`),

  // writes as the dashboard makes them, then what they changed
  gql(
    'dashboard-create-claim',
    DASHBOARD.createClaim,
    { input: { text: 'The capture tool made this claim.', tags: ['capture'] } },
    { as: 'admin', keep: (data, ctx) => (ctx.created = data.createClaim.id) },
  ),
  gql(
    'dashboard-attribute',
    DASHBOARD.attribute,
    (ctx) => ({
      input: {
        claimId: ctx.created,
        actorId: ctx.nyt,
        articleId: ctx.article,
        stance: 'REPORTS',
        position: { start: 0, end: 20 },
      },
    }),
    { as: 'admin', keep: (data, ctx) => (ctx.createdPassage = data.attributeClaim.passage.id) },
  ),
  gql(
    'dashboard-change-status',
    DASHBOARD.changeStatus,
    (ctx) => ({
      input: {
        claimId: ctx.created,
        status: 'CONTESTED',
        rationale: 'Captured.',
        expectedVersion: 1,
        evidencePassageIds: [ctx.createdPassage],
      },
    }),
    { as: 'admin' },
  ),
  gql(
    'write-read-back',
    `query ($id: ID!) { claim(id: $id) { ${CLAIM_FIELDS}
      attributions { totalCount edges { node { ${ATTRIBUTION_FIELDS} } } } } }`,
    (ctx) => ({ id: ctx.created }),
  ),
  gql('write-events', EVENTS_OF_CLAIM, (ctx) => ({ claimId: ctx.created })),

  // the other writes, each answered with what it changed
  gql(
    'write-add-review',
    `mutation ($input: AddReviewInput!) { addReview(input: $input) { id rating ratingValue bestRating
      worstRating summary url publishedAt reviewer { id name } } }`,
    (ctx) => ({
      input: {
        claimId: ctx.created,
        reviewerId: ctx.nyt,
        rating: 'Misleading',
        ratingValue: 2,
        bestRating: 5,
        worstRating: 1,
        summary: 'Captured.',
        url: 'https://example.org/review',
        publishedAt: '2026-01-02T03:04:05.000Z',
      },
    }),
    { as: 'admin', keep: (data, ctx) => (ctx.review = data.addReview.id) },
  ),
  gql('node-review', `query ($id: ID!) { node(id: $id) { ${NODE_FIELDS} } }`, (ctx) => ({
    id: ctx.review,
  })),
  gql(
    'write-link-claims',
    `mutation ($input: LinkClaimsInput!) { linkClaims(input: $input) { relation from { id } to { id } } }`,
    (ctx) => ({ input: { fromId: ctx.created, toId: ctx.talks, relation: 'SUPPORTS' } }),
    { as: 'admin' },
  ),
  gql(
    'write-update-claim',
    `mutation ($input: UpdateClaimInput!) { updateClaim(input: $input) { id text tags version } }`,
    (ctx) => ({
      input: { claimId: ctx.created, tags: ['capture', 'updated'], expectedVersion: 2 },
    }),
    { as: 'admin' },
  ),
  gql(
    'write-create-actor',
    `mutation ($input: CreateActorInput!) { createActor(input: $input) { ${ACTOR_FIELDS} } }`,
    (ctx) => ({
      input: {
        name: 'Capture Desk',
        kind: 'ORGANIZATION',
        aliases: ['Desk'],
        affiliationId: ctx.nyt,
      },
    }),
    { as: 'admin' },
  ),
  gql(
    'write-ingest-article',
    `mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { outcome article {
      ${ARTICLE_FIELDS} } } }`,
    {
      input: {
        url: 'https://example.org/capture',
        title: 'Capture',
        text: 'The ministry denied the report. "We never discussed it," a spokesperson said on Monday.',
        publisherName: 'Capture Daily',
        authorNames: ['A. Writer'],
        language: 'en',
        publishedAt: '2026-01-01T00:00:00.000Z',
      },
    },
    { as: 'admin' },
  ),
  gql('write-events-all', ALL_EVENTS),

  // refusals
  gql('refused-bad-id', `{ claim(id: "not-an-id") { id } }`),
  gql('refused-page-size', `{ claims(first: 100000) { totalCount } }`),
  gql(
    'refused-stale-version',
    DASHBOARD.changeStatus,
    (ctx) => ({
      input: { claimId: ctx.created, status: 'REFUTED', rationale: 'Stale.', expectedVersion: 1 },
    }),
    { as: 'admin' },
  ),
  gql('refused-write-without-token', DASHBOARD.createClaim, { input: { text: 'No token.' } }),
  gql('refused-unknown-field', `{ claims { edges { node { nope } } } }`),
  http('refused-export-format', () => '/exports/graph?format=pdf'),
];

module.exports = { OPERATIONS };
