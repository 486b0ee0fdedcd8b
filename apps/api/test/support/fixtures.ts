import type { TestApp } from '../test-app';

export const CREATE_CLAIM = `mutation ($i: CreateClaimInput!) { createClaim(input: $i) { id } }`;
export const CREATE_ACTOR = `mutation ($i: CreateActorInput!) { createActor(input: $i) { id } }`;
export const INGEST = `mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) { article { id } } }`;
export const ATTRIBUTE = `mutation ($i: AttributeClaimInput!) { attributeClaim(input: $i) { id } }`;

/** What `attributeClaim` needs, made through the API: a claim, an actor, an article. */
export interface AttributionParts {
  claimId: string;
  actorId: string;
  articleId: string;
}

/** A claim (`claim`), a person (`actor`) and an article of `text` at `url`, over the API. */
export async function attributionParts(
  t: TestApp,
  { claim, actor, url, text }: { claim: string; actor: string; url: string; text: string },
): Promise<AttributionParts> {
  const claimId = (await t.ok(CREATE_CLAIM, { i: { text: claim } })).createClaim.id;
  const actorId = (await t.ok(CREATE_ACTOR, { i: { name: actor, kind: 'PERSON' } })).createActor.id;
  const title = new URL(url).pathname.slice(1) || 'Article';
  const articleId = (await t.ok(INGEST, { i: { url, title, text } })).ingestArticle.article.id;
  return { claimId, actorId, articleId };
}
