import type { TestApp } from '../test-app';

/** A small deterministic PRNG (mulberry32): the same seed makes the same story. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const STANCES = ['ASSERTS', 'REPORTS', 'CONFIRMS', 'DENIES', 'DISPUTES', 'QUESTIONS'];

/** The words every article of a story repeats twice: a quote of them is ambiguous. */
export const REPEATED = 'no comment';

/**
 * A generated story, written through the API as an editor would: actors (one affiliated), articles
 * (some with a publisher, each sentence unique but for `REPEATED`, twice in each), claims, and
 * `attributions` stances drawn at random — among them an actor taking the same stance on the same
 * claim twice, relays (chains of `reportedVia`), stances later removed, claim relations and status
 * changes ending in a retraction. Answers the ids it made.
 */
export async function generateStory(
  t: TestApp,
  seed: number,
  attributions = 40,
): Promise<{ claims: string[]; actors: string[]; articles: string[]; attributions: string[] }> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const tag = `story-${seed}`;

  const actors: string[] = [];
  for (let i = 0; i < 6; i += 1) {
    const { createActor } = await t.ok(
      `mutation ($i: CreateActorInput!) { createActor(input: $i) { id } }`,
      {
        i: {
          name: `Story ${seed} actor ${i}`,
          kind: i % 3 === 0 ? 'ORGANIZATION' : 'PERSON',
          aliases: [`S${seed}A${i}`],
          affiliationId: i === 1 ? actors[0] : undefined,
          // the generated names differ by one digit: distinct actors on purpose
          allowDuplicate: true,
        },
      },
    );
    actors.push(createActor.id);
  }
  const articles: { id: string; sentences: string[] }[] = [];
  for (let j = 0; j < 4; j += 1) {
    const sentences = Array.from(
      { length: 8 },
      (_, k) => `In story ${seed}, article ${j} tells fact ${k} about item ${j * 8 + k}.`,
    );
    const text = `${sentences.slice(0, 4).join(' ')} The minister said ${REPEATED} at noon. ${sentences.slice(4).join(' ')} The adviser said ${REPEATED} later.`;
    const { ingestArticle } = await t.ok(
      `mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) { article { id } } }`,
      {
        i: {
          url: `https://story${seed}.example/news/${j}?ref=a&b=${j}#top`,
          title: `Story ${seed}: article ${j}`,
          text,
          language: 'en',
          publishedAt: new Date(Date.UTC(2025, 0, 1 + j * 3)).toISOString(),
          publisherId: j % 2 === 0 ? actors[3] : undefined,
        },
      },
    );
    articles.push({ id: ingestArticle.article.id, sentences });
  }
  const claims: string[] = [];
  for (let c = 0; c < 5; c += 1) {
    const { createClaim } = await t.ok(
      `mutation ($i: CreateClaimInput!) { createClaim(input: $i) { id } }`,
      {
        i: {
          text: `Story ${seed} claim ${c}`,
          tags: c % 2 === 0 ? [tag] : [],
          language: 'en',
          allowDuplicate: true,
        },
      },
    );
    claims.push(createClaim.id);
  }

  const made: { id: string; claim: string; article: string; via?: string }[] = [];
  // the same stance by the same actor on the same passage stands once (a second is a CONFLICT)
  const stated = new Set<string>();
  const factOf = (input: Record<string, unknown>) =>
    JSON.stringify([input.claimId, input.actorId, input.stance, input.articleId, input.quote]);
  const attribute = async (input: Record<string, unknown>) => {
    stated.add(factOf(input));
    const { attributeClaim } = await t.ok(
      `mutation ($i: AttributeClaimInput!) { attributeClaim(input: $i) { id } }`,
      { i: input },
    );
    made.push({
      id: attributeClaim.id,
      claim: input.claimId as string,
      article: input.articleId as string,
      via: input.reportedViaId as string | undefined,
    });
  };
  // the same actor, the same stance on the same claim, twice: two facts, two edges
  for (const k of [0, 1]) {
    await attribute({
      claimId: claims[0],
      actorId: actors[2],
      articleId: articles[k].id,
      stance: 'DENIES',
      quote: { exact: articles[k].sentences[7] },
    });
  }
  await attribute({
    claimId: claims[0],
    actorId: actors[4],
    articleId: articles[0].id,
    stance: 'QUESTIONS',
    quote: { exact: REPEATED, prefix: 'The adviser said ' },
    statedAt: '2025-01-01T15:00:00.000Z',
  });
  while (made.length < attributions) {
    const claim = pick(claims);
    const article = pick(articles);
    const relays = made.filter((m) => m.claim === claim && m.article === article.id);
    const fact = {
      claimId: claim,
      actorId: pick(actors),
      articleId: article.id,
      stance: pick(STANCES),
      quote: { exact: pick(article.sentences) },
    };
    if (stated.has(factOf(fact))) continue;
    await attribute({
      ...fact,
      statedAt:
        next() < 0.5
          ? new Date(Date.UTC(2025, 0, 1 + Math.floor(next() * 20), 12)).toISOString()
          : undefined,
      confidence: next() < 0.5 ? Math.round(next() * 100) / 100 : undefined,
      reportedViaId: relays.length && next() < 0.4 ? pick(relays).id : undefined,
    });
  }
  // three stances removed (none that another is reported via: the chains would break)
  const relayed = new Set(made.map((m) => m.via));
  const removable = made.slice(3).filter((m) => !relayed.has(m.id));
  for (const removed of [removable[2], removable[6], removable[10]]) {
    await t.ok(`mutation ($i: RemoveAttributionInput!) { removeAttribution(input: $i) { id } }`, {
      i: { attributionId: removed.id, reason: 'generated: a wrong attribution' },
    });
  }
  await t.ok(`mutation ($i: LinkClaimsInput!) { linkClaims(input: $i) { relation } }`, {
    i: { fromId: claims[1], toId: claims[0], relation: 'CONTRADICTS' },
  });
  await t.ok(`mutation ($i: LinkClaimsInput!) { linkClaims(input: $i) { relation } }`, {
    i: { fromId: claims[2], toId: claims[0], relation: 'SUPPORTS' },
  });
  for (const status of ['CONTESTED', 'RETRACTED']) {
    await t.ok(
      `mutation ($i: ChangeClaimStatusInput!) { changeClaimStatus(input: $i) { status } }`,
      { i: { claimId: claims[1], status, rationale: `generated: ${status}` } },
    );
  }
  return {
    claims,
    actors,
    articles: articles.map((a) => a.id),
    attributions: made.map((m) => m.id),
  };
}
