/**
 * Error analysis of cues on the dev part (rules alone, or the shipped model with --model): the
 * missed gold cues by category, with examples, and the false-positive cues by lemma.
 *
 *   node tools/scripts/build.js && node dist/bench/extraction/cue-errors.js [--model] [--examples N]
 *
 * Never run on the held-out part: it is for choosing rules.
 */
import * as path from 'node:path';
import { extractAttributions } from '@claimtrace/extraction';
import { loadCorpus } from './training/corpus';
import { spansMatch } from './training/score';
import type { GoldAttribution, GoldSpan } from './training/brat';

const repoRoot = path.resolve(__dirname, '../../..');
const corpusDir = path.resolve(repoRoot, '../shared/data/polnear-dev');
const args = process.argv.slice(2);
const examplesAt = args.indexOf('--examples');
const exampleCount = examplesAt >= 0 ? Number(args[examplesAt + 1]) : 5;
const dev = loadCorpus(corpusDir).filter((doc) => doc.part === 'dev');

const CATEGORIES = {
  a: 'verb + clause/quote, verb not in lexicon',
  a2: 'verb + clause/quote, lexicon verb (frame rejected)',
  b: 'noun cue',
  c: 'prepositional cue',
  d: 'evaluative/adjectival predicate',
  e: 'colon/dash/layout',
  f: 'sourceless (adverb, seems, passive)',
  g: 'partly overlaps a predicted cue',
  h: 'other verb (no clause/quote next)',
} as const;
type Category = keyof typeof CATEGORIES;

const LEXICON_STEMS =
  /\b(?:say|said|tell|told|writ|wrote|claim|argu|not|cit|insist|warn|predict|announc|explain|declar|contend|assert|alleg|repl|respond|recall|tweet|testif|complain|accus|critici|prais|urg|vow|pledg|promis|emphasi|mention|conclud|boast|joke|quip|lament|demand|proclaim|reiterat|assur|caution|affirm|speculat|remark|comment|suggest|stat|blam|condemn|denounc|slam|blast|agree|estimat|describ|threaten|hint|observ|propos|stress|point|call|add|continu|believ|think|thought|feel|felt|fear|hope|worr|expect|suspect|know|knew|understand|want|plan|seek|sought|consider|support|oppos|show|found|find|indicat|reveal|report|publish|den|reject|dismiss|disput|confirm|admit|conced|acknowledg|question|ask|wonder|doubt)\w*/i;

const NOUN_CUE =
  /^(?:the |a |an |his |her |their |its |this |that |in an? )?(?:\w+ )?(?:claims?|statements?|allegations?|reports?|views?|interview|letter|post|tweets?|accusations?|argument|belief|opinion|position|assessment|warning|criticism|remarks?|comments?|testimony|speech|announcement|analysis|study|survey|poll|promise|pledge|charge|theory|proposal|plan|message|response|request|suggestion|rhetoric|complaint|concerns?|fears?|hopes?|threat|evidence|claims|release|memo|op-ed|editorial|column|article|story|account|version|narrative|calls?|demands?|praise|attack|denial)\b/i;

function slice(chars: string[], span: GoldSpan): string {
  return chars.slice(span.start, span.end).join('');
}

function categorize(chars: string[], gold: GoldAttribution, predicted: GoldSpan[]): Category {
  const cue = slice(chars, gold.cue).trim();
  const lower = cue.toLowerCase();
  const after = chars
    .slice(gold.cue.end, gold.cue.end + 40)
    .join('')
    .trimStart()
    .toLowerCase();
  if (predicted.some((p) => Math.min(p.end, gold.cue.end) > Math.max(p.start, gold.cue.start)))
    return 'g';
  if (!/\p{L}/u.test(cue)) return 'e';
  if (/^(?:according to|per|in \w+['’]s? (?:words|view)|for|from|to|by|in|on|under)\b/.test(lower))
    return 'c';
  if (
    /\b(?:reportedly|allegedly|apparently|seems?|seemed|appears?|appeared|purportedly|supposedly|it is|it was|is said|are said|was said|were said|known as|so-called)\b/.test(
      lower,
    ) ||
    gold.source === null
  )
    return 'f';
  if (
    /\b(?:is|are|was|were|be|been|being|'s|’s|am)\s+(?:\w+ly\s+)?(?!\w+ed\b)\w+/.test(lower) &&
    !/\b(?:said|told|asked|quoted|reported)\b/.test(lower)
  )
    return 'd';
  if (
    /\b(?:confident|sure|aware|convinced|skeptical|clear|certain|adamant|optimistic)\b/.test(lower)
  )
    return 'd';
  if (NOUN_CUE.test(lower)) return 'b';
  const clauseNext =
    /^(?:that|whether|if|how|why|what|who|when|where|to\b|[“"‘:,])/.test(after) ||
    /^[“"]/.test(after);
  if (clauseNext) return LEXICON_STEMS.test(lower) ? 'a2' : 'a';
  return 'h';
}

const missed = new Map<Category, string[]>();
const falsePositives = new Map<string, { count: number; examples: string[] }>();
const correctByLemma = new Map<string, number>();
const lemmaOf = (cue: string): string => {
  const words = cue.toLowerCase().split(/\s+/);
  const content = words.filter(
    (w) =>
      !/^(?:has|have|had|is|was|were|are|be|been|will|would|could|should|may|might|also|not|did|does|do|never|later|previously|again|often|repeatedly|recently|once|already|publicly|privately|still|even|then|just|first|further|initially|flatly|quickly|immediately|openly|strongly|always)$/.test(
        w,
      ),
  );
  return content[0] ?? words[0];
};

for (const doc of dev) {
  const chars = Array.from(doc.text);
  const predicted = extractAttributions(doc.text, {
    cueModel: args.includes('--model') ? undefined : null,
  }).map((a) => ({ start: a.cue.start, end: a.cue.end }));
  const unique = [...new Map(predicted.map((p) => [`${p.start}:${p.end}`, p])).values()];
  const goldCues = [...new Map(doc.gold.map((g) => [`${g.cue.start}:${g.cue.end}`, g])).values()];
  const usedPredicted = new Set<number>();
  for (const gold of goldCues) {
    const at = unique.findIndex(
      (p, k) => !usedPredicted.has(k) && spansMatch(gold.cue, p, 'overlap'),
    );
    if (at >= 0) {
      usedPredicted.add(at);
      continue;
    }
    const category = categorize(chars, gold, unique);
    const sentenceStart = Math.max(0, gold.cue.start - 70);
    const context =
      chars.slice(sentenceStart, gold.cue.start).join('') +
      '[' +
      slice(chars, gold.cue) +
      ']' +
      chars.slice(gold.cue.end, gold.cue.end + 50).join('');
    const list = missed.get(category) ?? [];
    list.push(context.replace(/\s+/g, ' '));
    missed.set(category, list);
  }
  unique.forEach((p, k) => {
    const lemma = lemmaOf(slice(chars, p));
    if (usedPredicted.has(k)) {
      correctByLemma.set(lemma, (correctByLemma.get(lemma) ?? 0) + 1);
      return;
    }
    const entry = falsePositives.get(lemma) ?? { count: 0, examples: [] };
    entry.count++;
    const context =
      chars.slice(Math.max(0, p.start - 60), p.start).join('') +
      '[' +
      slice(chars, p) +
      ']' +
      chars.slice(p.end, p.end + 40).join('');
    entry.examples.push(context.replace(/\s+/g, ' '));
    falsePositives.set(lemma, entry);
  });
}

let total = 0;
for (const list of missed.values()) total += list.length;
console.log(`missed dev gold cues: ${total}\n`);
for (const key of Object.keys(CATEGORIES) as Category[]) {
  const list = missed.get(key) ?? [];
  console.log(`(${key}) ${CATEGORIES[key]}: ${list.length}`);
  for (const example of list.slice(0, exampleCount)) console.log(`    ${example}`);
}
console.log('\nfalse-positive cues by lemma (count, in-sample precision):');
const rows = [...falsePositives.entries()].sort((a, b) => b[1].count - a[1].count);
let fpTotal = 0;
for (const [, entry] of rows) fpTotal += entry.count;
console.log(`total ${fpTotal}`);
for (const [lemma, entry] of rows.slice(0, 30)) {
  const correct = correctByLemma.get(lemma) ?? 0;
  const precision = correct / (correct + entry.count);
  console.log(`  ${lemma.padEnd(14)} fp ${entry.count}  tp ${correct}  P ${precision.toFixed(2)}`);
  if (args.includes('--fp-examples'))
    for (const example of entry.examples.slice(0, exampleCount)) console.log(`      ${example}`);
}
