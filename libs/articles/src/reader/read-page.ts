import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';

// What a page says, read from its DOM. This module is the work the reader does off the event loop
// (see read-off-thread.ts), so it imports packages only, nothing of the workspace.

/** What a page says about its article, as written on it, and the article's text. */
export interface PageReading {
  /** the headline of the JSON-LD or Open Graph, else Readability's title */
  title: string | null;
  /** paragraphs separated by a blank line, each with its whitespace collapsed */
  text: string;
  authors: string[];
  publisher: string | null;
  /** the dates of publication the page gives, most authoritative first (JSON-LD,
   * article:published_time, <time>), unparsed */
  publishedDates: string[];
  /** the languages the page declares, most authoritative first: <html lang>, JSON-LD, <meta> */
  declaredLanguages: string[];
  /** the page's canonical URL when it is on the same site as the page; else null */
  canonicalUrl: string | null;
}

/** More elements than this and the page is not read (parsing and Readability grow with them). */
export const MAX_ELEMENTS = 30_000;
/**
 * Elements nested deeper than this and the page is not read: the DOM's work grows with the square
 * of the nesting (2,000 nested elements take seconds, 20,000 overflow the stack). Real pages nest
 * a few dozen deep.
 */
export const MAX_NESTING = 500;
/** How deep in nested arrays a JSON-LD value is looked for ("headline": ["…"]). */
const MAX_JSON_DEPTH = 4;
/** How many JSON-LD values are looked through for an article. */
const MAX_JSON_ITEMS = 1_000;

/** Elements a page does not close (void, or closed implicitly by the next of their kind). */
const UNNESTED = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option'.split(
    ' ',
  ),
);
/** A tag's start at a `<`: the slash of a closing tag and the name. */
const TAG_START = /<(\/?)([A-Za-z][A-Za-z0-9-]*)/y;

/** The page exceeds MAX_ELEMENTS or MAX_NESTING (see checkComplexity), or took too long to read. */
export class PageTooComplex extends Error {}

/**
 * A linear scan of the markup before any parsing: counts the elements and how deep they nest
 * (tags it opens minus tags it closes), and throws PageTooComplex past the limits. Each character
 * is looked at a bounded number of times, however the tags are left open.
 */
export function checkComplexity(html: string): void {
  let elements = 0;
  let depth = 0;
  let end = -1;
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    if (end < at) end = html.indexOf('>', at);
    // no tag is complete past here: a page cut short, or `<`s of text
    if (end === -1) return;
    TAG_START.lastIndex = at;
    const tag = TAG_START.exec(html);
    if (!tag) continue;
    const name = tag[2].toLowerCase();
    const selfClosing = html[end - 1] === '/';
    at = end;
    if (tag[1]) {
      if (!UNNESTED.has(name)) depth = Math.max(0, depth - 1);
      continue;
    }
    elements += 1;
    if (!UNNESTED.has(name) && !selfClosing) depth += 1;
    if (elements > MAX_ELEMENTS)
      throw new PageTooComplex(`has more than ${MAX_ELEMENTS.toLocaleString('en')} elements`);
    if (depth > MAX_NESTING)
      throw new PageTooComplex(`has elements nested more than ${MAX_NESTING} deep`);
  }
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td';
const ARTICLE_TYPES =
  /^(?:News|Reportage|Analysis|Opinion|Review|Report|Scholarly|Tech)?Article$|^BlogPosting$|^LiveBlogPosting$/;

type Json = Record<string, unknown>;

/**
 * Reads an article out of a news page: the text by Readability (navigation, ads, comments and
 * other boilerplate left out), the metadata from JSON-LD (`NewsArticle` and kin: headline, author,
 * publisher, datePublished, inLanguage), Open Graph and <meta> tags, and <html lang>. Throws
 * PageTooComplex beyond MAX_ELEMENTS or MAX_NESTING; answers an empty text when no article was
 * found.
 */
export function readPage(html: string, pageUrl: string): PageReading {
  checkComplexity(html);
  const document = parse(html, pageUrl);
  const meta = (selector: string) =>
    document.querySelector(selector)?.getAttribute('content')?.trim() || null;
  const ld = articleJsonLd(document);

  const canonical = canonicalOf(
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
      meta('meta[property="og:url"]'),
    pageUrl,
  );
  const metaTitle =
    text(ld?.headline) ?? meta('meta[property="og:title"]') ?? meta('meta[name="twitter:title"]');
  const authors = names(ld?.author);
  const publisher = meta('meta[property="og:site_name"]') ?? names(ld?.publisher)[0] ?? null;
  const publishedDates = [
    text(ld?.datePublished),
    meta('meta[property="article:published_time"]'),
    document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null,
  ].filter((value): value is string => Boolean(value));
  const declaredLanguages = [
    document.documentElement?.getAttribute('lang')?.trim() || null,
    text(ld?.inLanguage),
    meta('meta[http-equiv="content-language"]'),
    meta('meta[property="og:locale"]')?.replace('_', '-') ?? null,
  ].filter((tag): tag is string => Boolean(tag));

  removeBoilerplate(document);
  const parsed = new Readability(document, {
    maxElemsToParse: MAX_ELEMENTS,
    charThreshold: 200,
  }).parse();
  const body = parsed?.content ? paragraphs(parsed.content) : '';
  if (authors.length === 0) {
    const byline = meta('meta[name="author"]') ?? parsed?.byline?.trim() ?? null;
    if (byline) authors.push(...splitByline(byline));
  }
  return {
    title: metaTitle ?? (parsed?.title?.trim() || null) ?? null,
    text: body,
    authors: [...new Set(authors)].slice(0, 50),
    publisher,
    publishedDates,
    declaredLanguages,
    canonicalUrl: canonical,
  };
}

/** Class or id words of ads, paywall boxes, cookie banners and newsletter prompts. */
const BOILERPLATE =
  /^(?:ad|ads|advert|advertisement|advertising|publicidad|sponsor|sponsored|promo|paywall|newsletter|cookie|cookies|consent|subscribe|suscribite|share|social)(?:[-_][\w-]*)?$/i;

/** Removes ads, paywall boxes, cookie banners and the like, which Readability keeps when inline. */
function removeBoilerplate(document: Document): void {
  for (const element of Array.from(document.querySelectorAll('[class], [id]'))) {
    const words = `${element.getAttribute('class') ?? ''} ${element.id}`.split(/\s+/);
    if (words.some((word) => BOILERPLATE.test(word))) element.remove();
  }
}

/** A DOM of the page: no scripts run, nothing loaded, nothing logged. */
function parse(html: string, url?: string): Document {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
}

/** The text of Readability's article HTML: one paragraph per block, whitespace collapsed. */
function paragraphs(content: string): string {
  const document = parse(`<!doctype html><html><body>${content}</body></html>`);
  const blocks: string[] = [];
  for (const element of Array.from(document.querySelectorAll(BLOCKS))) {
    // a block inside another block (a <p> in an <li>) is read with its parent
    if (element.parentElement?.closest(BLOCKS)) continue;
    const line = (element.textContent ?? '').replace(/\s+/gu, ' ').trim();
    if (line) blocks.push(line);
  }
  if (blocks.length === 0) {
    const all = (document.body?.textContent ?? '').replace(/\s+/gu, ' ').trim();
    return all;
  }
  return blocks.join('\n\n');
}

/**
 * The first JSON-LD object of an article type, looked for in arrays and `@graph`s (at most
 * MAX_JSON_ITEMS values, however large or deep the data).
 */
function articleJsonLd(document: Document): Json | null {
  for (const script of Array.from(
    document.querySelectorAll('script[type="application/ld+json"]'),
  )) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    for (let i = 0; i < queue.length && i < MAX_JSON_ITEMS; i += 1) {
      const item = queue[i];
      if (Array.isArray(item)) {
        for (const element of item.slice(0, Math.max(0, MAX_JSON_ITEMS - queue.length)))
          queue.push(element);
      } else if (item && typeof item === 'object') {
        const object = item as Json;
        const types = [object['@type']].flat().filter((type) => typeof type === 'string');
        if (types.some((type) => ARTICLE_TYPES.test(type))) return object;
        if (object['@graph']) queue.push(object['@graph']);
      }
    }
  }
  return null;
}

/** A string, or the first string of (nested, at most MAX_JSON_DEPTH deep) arrays; else null. */
function text(value: unknown): string | null {
  let current = value;
  for (let depth = 0; Array.isArray(current) && depth < MAX_JSON_DEPTH; depth += 1) {
    current = current[0];
  }
  return typeof current === 'string' ? current.trim() || null : null;
}

/** Names of JSON-LD persons or organisations: strings, `{ name }` objects, or lists of them. */
function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value.slice(0, MAX_JSON_ITEMS) : value == null ? [] : [value];
  return list
    .map((item) =>
      typeof item === 'string'
        ? item
        : item && typeof item === 'object'
          ? (item as Json).name
          : null,
    )
    .map(text)
    .filter((name): name is string => Boolean(name));
}

function splitByline(byline: string): string[] {
  return byline
    .replace(/^(?:by|por)\s+/iu, '')
    .split(/\s*(?:,|\band\b|\by\b|&)\s*/u)
    .map((name) => name.trim())
    .filter((name) => name.length > 0 && name.length <= 300);
}

/**
 * An absolute http(s) URL on the page's own site (ignoring a leading www.), without a user name or
 * password, else null.
 */
function canonicalOf(href: string | null | undefined, pageUrl: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, pageUrl);
    const page = new URL(pageUrl);
    const site = (host: string) => host.replace(/^www\./, '');
    if (!['http:', 'https:'].includes(url.protocol) || site(url.hostname) !== site(page.hostname)) {
      return null;
    }
    url.hash = '';
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return null;
  }
}
