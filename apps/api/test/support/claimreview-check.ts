import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';
import { isLocalUrl } from '@claimtrace/core';

/**
 * Checks ClaimReview JSON-LD the way a consumer reads it: expanded by a JSON-LD processor (jsonld.js,
 * safe mode) against a local copy of schema.org's context (fixtures/README.md), then held to
 * Google's documented fact-check properties — required: claimReviewed, reviewRating with
 * alternateName, url; recommended: author (with name), datePublished, itemReviewed (a Claim with
 * author, datePublished, appearance, firstAppearance), the rating's scale (bestRating,
 * worstRating, ratingValue on it) — and to ours: no address on this machine, no URL twice in
 * `appearance`. `errors` breaks a requirement, `warnings` misses a recommendation.
 */
export async function checkClaimReview(
  document: unknown,
): Promise<{ errors: string[]; warnings: string[]; reviews: number }> {
  const errors: string[] = [];
  const warnings: string[] = [];
  let expanded: Node[];
  try {
    expanded = (await jsonld.expand(document, { documentLoader, safe: true })) as Node[];
  } catch (error) {
    const event = (error as { details?: { event?: { message: string; details?: object } } }).details
      ?.event;
    const what = event ? `${event.message} ${JSON.stringify(event.details)}` : String(error);
    return { errors: [`JSON-LD: ${what}`], warnings, reviews: 0 };
  }
  const reviews = expanded.filter((node) => isA(node, 'ClaimReview'));
  if (reviews.length === 0) errors.push('no node of @type ClaimReview');
  reviews.forEach((review, n) => {
    const at = reviews.length > 1 ? `ClaimReview ${n + 1}: ` : '';
    const need = (ok: boolean, message: string) => ok || errors.push(at + message);
    const wish = (ok: boolean, message: string) => ok || warnings.push(at + message);

    need(text(review, 'claimReviewed') !== null, 'claimReviewed (text) is required');
    const url = iri(review, 'url');
    need(url !== null && /^https?:\/\//.test(url), 'url (an http(s) address) is required');
    const rating = node(review, 'reviewRating');
    need(rating !== null && isA(rating, 'Rating'), 'reviewRating (a Rating) is required');
    if (rating) checkRating(rating, need, wish);

    const author = node(review, 'author');
    wish(author !== null, 'author is recommended');
    if (author) checkParty(author, 'author', need);
    wish(date(review, 'datePublished') !== null, 'datePublished (a date) is recommended');
    need(
      values(review, 'datePublished').length === 0 || date(review, 'datePublished') !== null,
      'datePublished must be an ISO 8601 date',
    );

    const claim = node(review, 'itemReviewed');
    wish(claim !== null && isA(claim, 'Claim'), 'itemReviewed (a Claim) is recommended');
    if (claim) {
      const claimAuthor = node(claim, 'author');
      if (claimAuthor) checkParty(claimAuthor, 'itemReviewed.author', need);
      wish(date(claim, 'datePublished') !== null, 'itemReviewed.datePublished is recommended');
      const appearances = values(claim, 'appearance').map((v) => workUrl(v));
      wish(appearances.length > 0, 'itemReviewed.appearance is recommended');
      wish(node(claim, 'firstAppearance') !== null, 'itemReviewed.firstAppearance is recommended');
      const twice = appearances.find((u, i) => u !== null && appearances.indexOf(u) !== i);
      need(twice === undefined, `itemReviewed.appearance lists ${twice} twice`);
      need(!appearances.includes(null), 'every appearance needs a url');
    }
    for (const address of addresses(review)) {
      need(!isLocalUrl(address), `${address} is an address on this machine or a private network`);
    }
  });
  return { errors, warnings, reviews: reviews.length };
}

type Node = Record<string, unknown>;
const S = 'http://schema.org/';

function checkRating(
  rating: Node,
  need: (ok: boolean, message: string) => unknown,
  wish: (ok: boolean, message: string) => unknown,
): void {
  need(
    text(rating, 'alternateName') !== null,
    'reviewRating.alternateName (the verdict) is required',
  );
  const [value, best, worst] = ['ratingValue', 'bestRating', 'worstRating'].map((p) =>
    number(rating, p),
  );
  wish(value !== null, 'reviewRating.ratingValue is recommended');
  if (value === null) return;
  need(best !== null && worst !== null, 'a ratingValue needs bestRating and worstRating');
  if (best === null || worst === null) return;
  need(worst < best, `worstRating ${worst} must be below bestRating ${best}`);
  need(value >= worst && value <= best, `ratingValue ${value} is off the scale ${worst}–${best}`);
}

function checkParty(party: Node, name: string, need: (ok: boolean, m: string) => unknown): void {
  need(
    isA(party, 'Person') || isA(party, 'Organization'),
    `${name} must be a Person or Organization`,
  );
  need(text(party, 'name') !== null, `${name}.name is required`);
}

const values = (node: Node, property: string): Node[] =>
  (node[S + property] as Node[] | undefined) ?? [];
const isA = (node: Node, type: string): boolean =>
  ((node['@type'] as string[] | undefined) ?? []).includes(S + type);
const node = (parent: Node, property: string): Node | null =>
  values(parent, property).find((v) => !('@value' in v)) ?? null;

function text(node: Node, property: string): string | null {
  const value = values(node, property)[0]?.['@value'];
  return typeof value === 'string' && value.trim() ? value : null;
}

function number(node: Node, property: string): number | null {
  const value = values(node, property)[0]?.['@value'];
  return typeof value === 'number' ? value : null;
}

function iri(node: Node, property: string): string | null {
  const value = values(node, property)[0]?.['@id'];
  return typeof value === 'string' ? value : null;
}

function date(node: Node, property: string): string | null {
  const value = values(node, property)[0]?.['@value'];
  return typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(value)
    ? value
    : null;
}

/** A work's address: a URL given directly, or a CreativeWork's `url`. */
function workUrl(work: Node): string | null {
  return typeof work['@id'] === 'string' && !(S + 'url' in work)
    ? (work['@id'] as string)
    : iri(work, 'url');
}

/** Every IRI in the node and below it (ids and URL values). */
function addresses(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(addresses);
  if (!value || typeof value !== 'object') return [];
  const found =
    typeof (value as Node)['@id'] === 'string' ? [(value as Node)['@id'] as string] : [];
  return [...found, ...Object.values(value as Node).flatMap(addresses)];
}

const CONTEXT = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'schema-org-context.jsonld'), 'utf8'),
);

/** The local schema.org context for schema.org's addresses; anything else is refused (no network). */
async function documentLoader(url: string) {
  if (/^https?:\/\/schema\.org\/?$/.test(url)) {
    return { contextUrl: null, documentUrl: url, document: CONTEXT };
  }
  throw new Error(`the checker loads no document from the network (asked for ${url})`);
}
