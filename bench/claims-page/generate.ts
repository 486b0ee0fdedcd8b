/**
 * A deterministic generated data set for the claims-page benchmark, written by plain SQL into a
 * freshly migrated database (not through GraphQL):
 *
 *   - 500 actors of every kind (media outlets publish the articles; people are often affiliated
 *     with an organization or a government body; social-media accounts with a person);
 *   - 2,000 articles of 3,000–5,000 code points each (some accents, curly quotes, dashes and the
 *     odd astral character, so code points and UTF-16 units differ), each with a publisher;
 *   - 10,000 claims (every status, 0–3 tags, first seen over one year);
 *   - 50,000 attributions, exactly: every 20th claim has 10, the others 3–7 (4.74 on average);
 *     about 30% are `reportedVia` an earlier attribution of the same claim whose passage is in the
 *     same article, which forms relay chains of length 2 and 3;
 *   - one passage per attribution: a valid span of its article (start/end in code points, `exact`
 *     the slice, `prefix`/`suffix` the 32 code points around it), unique per article.
 *
 * The rows are computed here from a seeded PRNG (same seed, same data, same ids) and sent with
 * multi-row `INSERT … SELECT FROM unnest($1, $2, …)` in chunks, inside one transaction; then
 * ANALYZE. About 5–10 s on a laptop; most of it is PostgreSQL computing the search vectors.
 */
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { insert, prng, textArray, uuid } from './rows';
import {
  KINDS,
  STATUSES,
  STANCES,
  TAGS,
  FIRST,
  LAST,
  SUBJECTS,
  VERBS,
  CONTENTS,
  CLOSERS,
  WORDS,
} from './vocabulary';

export interface GenerateOptions {
  actors?: number;
  articles?: number;
  claims?: number;
  attributions?: number;
  /** every claim gets exactly this many attributions (then `attributions` is ignored) */
  perClaim?: number;
  /** the chance that an attribution relays an earlier one of its claim in the same article (0.5) */
  relayChance?: number;
  /** code points of each article's text, lowest and highest ([3000, 5000]) */
  articleLength?: [number, number];
  /** how many of the vocabulary's tags claims take theirs from (all) */
  tags?: number;
  /** authors per article, as article_authors rows: up to this many people (0) */
  authors?: number;
  seed?: number;
  /** progress lines (phase and milliseconds) */
  log?: (line: string) => void;
}

export interface GeneratedData {
  actors: number;
  articles: number;
  passages: number;
  claims: number;
  attributions: number;
  /** article_authors rows */
  articleAuthors: number;
  /** attributions with a reportedVia */
  relayed: number;
  /** attributions whose chain has three hops */
  chainsOfThree: number;
  /** bytes of article text (UTF-8) */
  articleBytes: number;
  milliseconds: number;
}

/**
 * Fills a freshly migrated, empty database at `url` with the generated data set (see the file
 * comment). Deterministic for a given seed.
 */
export async function generate(url: string, options: GenerateOptions = {}): Promise<GeneratedData> {
  const started = Date.now();
  const nActors = options.actors ?? 500;
  const nArticles = options.articles ?? 2000;
  const nClaims = options.claims ?? 10_000;
  const nAttributions = options.perClaim
    ? options.perClaim * nClaims
    : (options.attributions ?? 50_000);
  const relayChance = options.relayChance ?? 0.5;
  const [shortest, longest] = options.articleLength ?? [3000, 5000];
  const random = prng(options.seed ?? 20261127);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const weighted = (table: [string, number][]) => {
    let r = random() * table.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of table) if ((r -= w) < 0) return value;
    return table[table.length - 1][0];
  };
  const yearStart = Date.UTC(2025, 0, 1);
  const YEAR_MS = 365 * 24 * 3600 * 1000;

  // --- actors ---------------------------------------------------------------------------------
  const actorRows: unknown[][] = [];
  const byKind = new Map<string, string[]>(KINDS.map(([kind]) => [kind, []]));
  const actorKind: string[] = [];
  let assigned = 0;
  for (const [kind, share] of KINDS) {
    const count =
      kind === KINDS[KINDS.length - 1][0] ? nActors - assigned : Math.round(share * nActors);
    for (let k = 0; k < count; k++) actorKind.push(kind);
    assigned += count;
  }
  for (let i = 0; i < nActors; i++) {
    const kind = actorKind[i];
    const id = uuid('actor', i);
    byKind.get(kind)!.push(id);
    const n = String(i).padStart(3, '0');
    const name =
      kind === 'PERSON'
        ? `${pick(FIRST)} ${pick(LAST)} ${n}`
        : kind === 'ORGANIZATION'
          ? `Fundación ${pick(LAST)} ${n}`
          : kind === 'GOVERNMENT_BODY'
            ? `Ministry of ${pick(['Economy', 'Security', 'Foreign Affairs', 'Health', 'Labour'])} ${n}`
            : kind === 'MEDIA_OUTLET'
              ? `${pick(['Diario', 'The Daily', 'Radio', 'Noticias'])} ${pick(LAST)} ${n}`
              : kind === 'ANONYMOUS_SOURCE'
                ? `sources familiar with the discussions ${n}`
                : `@${pick(FIRST).toLowerCase()}_${n}`;
    actorRows.push([
      id,
      name,
      kind,
      i % 3 === 0 ? `${name.split(' ')[0]} ${n}` : '',
      null,
      i % 4 === 0 ? `Q${100000 + i}` : null,
    ]);
  }
  // affiliations: people → organizations / government bodies; accounts → people
  const employers = [...byKind.get('ORGANIZATION')!, ...byKind.get('GOVERNMENT_BODY')!];
  for (const row of actorRows) {
    if (row[2] === 'PERSON' && random() < 0.6) row[4] = pick(employers);
    if (row[2] === 'SOCIAL_MEDIA_ACCOUNT' && random() < 0.5) row[4] = pick(byKind.get('PERSON')!);
  }
  const actorIds = actorRows.map((row) => row[0] as string);

  // --- articles -------------------------------------------------------------------------------
  const publishers = byKind.get('MEDIA_OUTLET')!;
  const articles: {
    id: string;
    text: string;
    /** UTF-16 offset of each code point, and of the end */
    offsets: Uint32Array;
    publishedAt: number;
  }[] = [];
  const articleRows: unknown[][] = [];
  let articleBytes = 0;
  for (let i = 0; i < nArticles; i++) {
    const target = int(shortest, longest);
    const paragraphs: string[] = [];
    let length = 0;
    while (length < target) {
      const sentences: string[] = [];
      for (let s = int(2, 4); s > 0; s--) {
        sentences.push(`${pick(SUBJECTS)} ${pick(VERBS)} ${pick(CONTENTS)}, ${pick(CLOSERS)}`);
        if (random() < 0.3)
          sentences.push(`The ${pick(WORDS)} ${pick(WORDS)} was mentioned ${int(2, 99)} times.`);
      }
      const paragraph = sentences.join(' ');
      paragraphs.push(paragraph);
      length += paragraph.length + 2;
    }
    let text = paragraphs.join('\n\n');
    const offsets = new Uint32Array(target + 1);
    let points = 0;
    for (let unit = 0; unit < text.length && points < target; points++) {
      offsets[points] = unit;
      unit += (text.codePointAt(unit) ?? 0) > 0xffff ? 2 : 1;
      offsets[points + 1] = unit;
    }
    text = text.slice(0, offsets[points]);
    const publishedAt = yearStart + Math.floor(random() * YEAR_MS);
    const id = uuid('article', i);
    articles.push({ id, text, offsets: offsets.subarray(0, points + 1), publishedAt });
    articleBytes += Buffer.byteLength(text);
    const publisher = publishers[i % publishers.length];
    articleRows.push([
      id,
      `https://news.example/${i % publishers.length}/${new Date(publishedAt).toISOString().slice(0, 10)}/story-${i}`,
      `${pick(SUBJECTS)} ${pick(VERBS).split(' ')[0]} ${pick(CONTENTS).split(' ').slice(0, 6).join(' ')}`,
      publisher,
      new Date(publishedAt),
      i % 10 === 0 ? 'es' : 'en',
      text,
      createHash('sha256').update(text).digest('hex'),
      new Date(publishedAt + 3600_000),
    ]);
  }

  // authors: up to `options.authors` distinct people per article
  const authorRows: unknown[][] = [];
  const people = byKind.get('PERSON')!;
  for (const article of (options.authors ?? 0) > 0 ? articles : []) {
    const chosen = new Set<string>();
    for (let k = int(1, options.authors!); k > 0 && chosen.size < people.length; k--) {
      chosen.add(pick(people));
    }
    [...chosen].forEach((actor, position) => authorRows.push([article.id, actor, position]));
  }

  // --- claims, attributions, passages ---------------------------------------------------------
  // Attributions per claim: 10 for every 20th claim, 3–7 for the others, adjusted so the total is
  // exactly nAttributions.
  const counts: number[] = [];
  for (let i = 0; i < nClaims; i++) {
    counts.push(options.perClaim ?? (i % 20 === 0 ? 10 : int(3, 7)));
  }
  let total = counts.reduce((a, b) => a + b, 0);
  for (let i = 1; total !== nAttributions; i = (i + 7) % nClaims) {
    if (i % 20 === 0) continue;
    if (total > nAttributions && counts[i] > 3) {
      counts[i]--;
      total--;
    } else if (total < nAttributions && counts[i] < 7) {
      counts[i]++;
      total++;
    }
  }

  const tagWords = TAGS.slice(0, options.tags ?? TAGS.length);
  const claimRows: unknown[][] = [];
  const attributionRows: unknown[][] = [];
  const passageRows: unknown[][] = [];
  const spans = new Map<string, Set<string>>();
  let relayed = 0;
  let chainsOfThree = 0;
  let attributionIndex = 0;
  for (let i = 0; i < nClaims; i++) {
    const claimId = uuid('claim', i);
    const firstSeen = yearStart + Math.floor(random() * YEAR_MS);
    const tags = new Set<string>();
    for (let t = int(0, 3); t > 0; t--) tags.add(pick(tagWords));
    claimRows.push([
      claimId,
      `Claim ${String(i).padStart(5, '0')}: ${pick(SUBJECTS).toLowerCase()} ${pick(VERBS)} ${pick(CONTENTS)}`,
      weighted(STATUSES),
      [...tags].join('|'),
      'en',
      new Date(firstSeen),
      new Date(firstSeen),
      new Date(firstSeen + int(0, 30) * 86400_000),
    ]);
    // 1–3 articles per claim; each attribution's passage is in one of them
    const claimArticles = Array.from({ length: Math.min(counts[i], int(1, 3)) }, () =>
      pick(articles),
    );
    const made: { id: string; article: string; depth: number; row: unknown[] }[] = [];
    for (let k = 0; k < counts[i]; k++) {
      const article = claimArticles[k % claimArticles.length];
      const id = uuid('attribution', attributionIndex);
      const passageId = uuid('passage', attributionIndex);
      attributionIndex++;

      // a span unique within the article
      const used = spans.get(article.id) ?? spans.set(article.id, new Set()).get(article.id)!;
      let start: number;
      let end: number;
      do {
        const length = int(40, 200);
        start = int(0, article.offsets.length - 1 - length);
        end = start + length;
      } while (used.has(`${start}:${end}`));
      used.add(`${start}:${end}`);
      const { text, offsets } = article;
      const slice = (from: number, to: number) =>
        text.slice(offsets[Math.max(0, from)], offsets[Math.min(offsets.length - 1, to)]);
      passageRows.push([
        passageId,
        article.id,
        start,
        end,
        slice(start, end),
        slice(start - 32, start),
        slice(end, end + 32),
        'en',
      ]);

      // about 30%: relayed by an earlier attribution of this claim in the same article
      const hops = made.filter((m) => m.article === article.id && m.depth < 3);
      let reportedVia: string | null = null;
      let depth = 1;
      if (hops.length > 0 && random() < relayChance) {
        const via = pick(hops);
        reportedVia = via.id;
        depth = via.depth + 1;
        via.row[3] = 'REPORTS'; // the hop that relays reports it
        relayed++;
        if (depth === 3) chainsOfThree++;
      }
      const createdAt = new Date(firstSeen + (k + 1) * 60_000);
      const row = [
        id,
        claimId,
        depth === 1 && random() < 0.5 ? pick(publishers) : pick(actorIds),
        weighted(STANCES),
        passageId,
        new Date(article.publishedAt - int(0, 72) * 3600_000),
        reportedVia,
        random() < 0.7 ? Math.round(random() * 100) / 100 : null,
        createdAt,
        'bench',
      ];
      made.push({ id, article: article.id, depth, row });
      attributionRows.push(row);
    }
  }

  // --- write ----------------------------------------------------------------------------------
  const log = options.log ?? (() => undefined);
  log(`generated rows in memory: ${Date.now() - started} ms`);
  const client = new Client({ connectionString: url });
  await client.connect();
  const phase = async (name: string, work: () => Promise<unknown>) => {
    const t0 = Date.now();
    await work();
    log(`${name}: ${Date.now() - t0} ms`);
  };
  try {
    await client.query('BEGIN');
    await phase('actors', () =>
      insert(
        client,
        'actors',
        [
          { name: 'id', type: 'uuid[]' },
          { name: 'name', type: 'text[]' },
          { name: 'kind', type: 'text[]', expr: (v) => `${v}::actor_kind` },
          { name: 'aliases', type: 'text[]', expr: textArray },
          { name: 'affiliation_id', type: 'uuid[]' },
          { name: 'wikidata_id', type: 'text[]' },
        ],
        // affiliations point at actors inserted in the same statement: one chunk
        actorRows,
        actorRows.length,
      ),
    );
    await phase('articles', () =>
      insert(
        client,
        'articles',
        [
          { name: 'id', type: 'uuid[]' },
          { name: 'url', type: 'text[]' },
          { name: 'title', type: 'text[]' },
          { name: 'publisher_id', type: 'uuid[]' },
          { name: 'published_at', type: 'timestamptz[]' },
          { name: 'language', type: 'text[]' },
          { name: 'text', type: 'text[]' },
          { name: 'content_hash', type: 'text[]' },
          { name: 'created_at', type: 'timestamptz[]' },
        ],
        articleRows,
        500,
      ),
    );
    await phase('article authors', () =>
      insert(
        client,
        'article_authors',
        [
          { name: 'article_id', type: 'uuid[]' },
          { name: 'actor_id', type: 'uuid[]' },
          { name: 'position', type: 'int[]' },
        ],
        authorRows,
      ),
    );
    await phase('passages', () =>
      insert(
        client,
        'passages',
        [
          { name: 'id', type: 'uuid[]' },
          { name: 'article_id', type: 'uuid[]' },
          { name: 'start', type: 'int[]' },
          { name: 'end', type: 'int[]' },
          { name: 'exact', type: 'text[]' },
          { name: 'prefix', type: 'text[]' },
          { name: 'suffix', type: 'text[]' },
          { name: 'language', type: 'text[]' },
        ],
        passageRows,
      ),
    );
    await phase('claims', () =>
      insert(
        client,
        'claims',
        [
          { name: 'id', type: 'uuid[]' },
          { name: 'text', type: 'text[]' },
          { name: 'status', type: 'text[]', expr: (v) => `${v}::claim_status` },
          { name: 'tags', type: 'text[]', expr: textArray },
          { name: 'language', type: 'text[]' },
          { name: 'first_seen_at', type: 'timestamptz[]' },
          { name: 'created_at', type: 'timestamptz[]' },
          { name: 'updated_at', type: 'timestamptz[]' },
        ],
        claimRows,
      ),
    );
    // relays point at earlier attributions of the same claim, so at earlier or the same chunk:
    // the foreign key is checked at the end of each statement
    await phase('attributions', () =>
      insert(
        client,
        'attributions',
        [
          { name: 'id', type: 'uuid[]' },
          { name: 'claim_id', type: 'uuid[]' },
          { name: 'actor_id', type: 'uuid[]' },
          { name: 'stance', type: 'text[]', expr: (v) => `${v}::stance` },
          { name: 'passage_id', type: 'uuid[]' },
          { name: 'stated_at', type: 'timestamptz[]' },
          { name: 'reported_via_id', type: 'uuid[]' },
          { name: 'confidence', type: 'float8[]' },
          { name: 'created_at', type: 'timestamptz[]' },
          { name: 'created_by', type: 'text[]' },
        ],
        attributionRows,
      ),
    );
    await client.query('COMMIT');
    await phase('analyze', () => client.query('ANALYZE'));
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return {
    actors: actorRows.length,
    articles: articleRows.length,
    articleAuthors: authorRows.length,
    passages: passageRows.length,
    claims: claimRows.length,
    attributions: attributionRows.length,
    relayed,
    chainsOfThree,
    articleBytes,
    milliseconds: Date.now() - started,
  };
}
