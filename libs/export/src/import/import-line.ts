import { createHash } from 'node:crypto';
import { ActorKind, Stance } from '@claimtrace/database';

/**
 * One line of an import file (JSON Lines): an article, optionally with claims and the stances on
 * them that its text evidences.
 *
 *   {"url": "https://…", "title": "…", "text": "…", "publisherName": "Perfil",
 *    "authorNames": ["…"], "publishedAt": "2026-01-30T12:00:00Z", "language": "en",
 *    "claims": [{"text": "…", "tags": ["…"],
 *                "attributions": [{"actor": "Javier Milei", "actorKind": "PERSON",
 *                                  "stance": "DENIES", "quote": {"exact": "…", "prefix": "…"}}]}]}
 */
export interface ImportArticle {
  url: string;
  title: string;
  text: string;
  contentHash: string;
  publisherName: string | null;
  authorNames: string[];
  publishedAt: Date | null;
  language: string | null;
  claims: ImportClaim[];
}

export interface ImportClaim {
  text: string;
  tags: string[];
  attributions: ImportAttribution[];
}

export interface ImportAttribution {
  actor: string;
  actorKind: string;
  stance: string;
  quote: { exact: string; prefix?: string; suffix?: string };
}

export type ParsedLine = { ok: true; article: ImportArticle } | { ok: false; reason: string };

const STANCES: string[] = Object.values(Stance);
const ACTOR_KINDS: string[] = Object.values(ActorKind);
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

class Invalid extends Error {}

const fail = (reason: string): never => {
  throw new Invalid(reason);
};

function text(value: unknown, field: string, max: number, required = true): string | null {
  if (value === undefined || value === null) {
    return required ? fail(`\`${field}\` is missing`) : null;
  }
  if (typeof value !== 'string') return fail(`\`${field}\` must be a string`);
  if (required && value.trim() === '') return fail(`\`${field}\` must not be empty`);
  if (value.length > max) return fail(`\`${field}\` is longer than ${max} characters`);
  return value;
}

function hasCredentials(value: string): boolean {
  const url = new URL(value);
  return url.username !== '' || url.password !== '';
}

function isUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      ['http:', 'https:', 'urn:'].includes(url.protocol) && (url.protocol === 'urn:' || !!url.host)
    );
  } catch {
    return false;
  }
}

/** Checks one line; a bad line is a reason a person can act on, never an exception. */
export function parseImportLine(line: string, maxTextChars = 1_000_000): ParsedLine {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
  try {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      fail('a line must be a JSON object');
    }
    const o = json as Record<string, unknown>;
    const url = text(o.url, 'url', 2048)!.trim();
    if (!isUrl(url)) fail('`url` must be an absolute http, https or urn URI');
    // as ingestArticle: an article's URL is stored and published, a secret in it would be too
    if (hasCredentials(url)) fail('`url` must not carry a user name or password');
    const title = text(o.title, 'title', 1000)!.trim();
    const body = text(o.text, 'text', maxTextChars * 2)!;
    if ([...body].length > maxTextChars) fail(`\`text\` is longer than ${maxTextChars} characters`);
    const publisherName = text(o.publisherName, 'publisherName', 300, false)?.trim() || null;
    const authorNames = o.authorNames ?? [];
    if (
      !Array.isArray(authorNames) ||
      authorNames.some((a) => typeof a !== 'string' || !a.trim())
    ) {
      fail('`authorNames` must be a list of names');
    }
    let publishedAt: Date | null = null;
    if (o.publishedAt != null) {
      publishedAt = new Date(String(o.publishedAt));
      if (typeof o.publishedAt !== 'string' || Number.isNaN(publishedAt.getTime())) {
        fail('`publishedAt` must be an ISO 8601 date-time');
      }
    }
    const language = text(o.language, 'language', 35, false);
    if (language && !LANGUAGE.test(language))
      fail('`language` must be a BCP 47 tag such as en or es');
    const claims = o.claims ?? [];
    if (!Array.isArray(claims)) fail('`claims` must be a list');
    return {
      ok: true,
      article: {
        url,
        title,
        text: body,
        contentHash: createHash('sha256').update(body, 'utf8').digest('hex'),
        publisherName,
        authorNames: (authorNames as string[]).map((a) => a.trim()),
        publishedAt,
        language: language || null,
        claims: (claims as unknown[]).map((claim, i) => parseClaim(claim, `claims[${i}]`)),
      },
    };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, reason: error.message };
    throw error;
  }
}

function parseClaim(value: unknown, at: string): ImportClaim {
  if (typeof value !== 'object' || value === null) fail(`\`${at}\` must be an object`);
  const o = value as Record<string, unknown>;
  const tags = o.tags ?? [];
  if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string')) {
    fail(`\`${at}.tags\` must be a list of strings`);
  }
  const attributions = o.attributions ?? [];
  if (!Array.isArray(attributions)) fail(`\`${at}.attributions\` must be a list`);
  return {
    text: text(o.text, `${at}.text`, 5000)!.trim(),
    tags: tags as string[],
    attributions: (attributions as unknown[]).map((a, i) => {
      const where = `${at}.attributions[${i}]`;
      if (typeof a !== 'object' || a === null) fail(`\`${where}\` must be an object`);
      const r = a as Record<string, unknown>;
      const stance = String(r.stance ?? '').toUpperCase();
      if (!STANCES.includes(stance))
        fail(`\`${where}.stance\` must be one of ${STANCES.join(', ')}`);
      const actorKind = String(r.actorKind ?? 'PERSON').toUpperCase();
      if (!ACTOR_KINDS.includes(actorKind)) {
        fail(`\`${where}.actorKind\` must be one of ${ACTOR_KINDS.join(', ')}`);
      }
      const quote = r.quote as Record<string, unknown> | undefined;
      if (!quote || typeof quote !== 'object') fail(`\`${where}.quote\` is missing`);
      return {
        actor: text(r.actor, `${where}.actor`, 300)!.trim(),
        actorKind,
        stance,
        quote: {
          exact: text(quote!.exact, `${where}.quote.exact`, 10_000)!,
          ...(typeof quote!.prefix === 'string' ? { prefix: quote!.prefix } : {}),
          ...(typeof quote!.suffix === 'string' ? { suffix: quote!.suffix } : {}),
        },
      };
    }),
  };
}
