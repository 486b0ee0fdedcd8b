/**
 * A parser for BRAT standoff annotation files (.ann) as used by the PolNeAR corpus.
 *
 * Text-bound lines:  `T7\tContent 209 236;91 186\tthe span text`
 * Event lines:       `E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5`
 *
 * Offsets are Unicode code points (the corpus was written with Python). A discontinuous span
 * (fragments joined by `;`, or a second `Content2` role) is reduced to one span from its first
 * to its last character.
 */

export type GoldRole = 'source' | 'cue' | 'content';

export interface GoldSpan {
  start: number;
  end: number;
}

export interface GoldAttribution {
  source: GoldSpan | null;
  cue: GoldSpan;
  content: GoldSpan | null;
  /** The annotated stance (`A1\tStance E1 DENIES`), where the file has one. */
  stance?: string;
}

export interface TextBound {
  id: string;
  label: string;
  start: number;
  end: number;
  text: string;
}

export interface BratEvent {
  id: string;
  type: string;
  trigger: string;
  args: { role: string; ref: string }[];
}

export interface BratDocument {
  textBounds: Map<string, TextBound>;
  events: BratEvent[];
  /** Attribute lines: event id → attribute name → value. */
  attributes: Map<string, Map<string, string>>;
}

/** Event types that are attributions; anything else (Discard, Discuss) is ignored. */
const ATTRIBUTION_EVENTS = new Set(['Attribution', 'Attribution-no-source']);

export function parseBrat(ann: string): BratDocument {
  const textBounds = new Map<string, TextBound>();
  const events: BratEvent[] = [];
  const attributes = new Map<string, Map<string, string>>();
  for (const rawLine of ann.split(/\r?\n/)) {
    if (rawLine.trim() === '') continue;
    const [id, body = '', text = ''] = rawLine.split('\t');
    if (id.startsWith('T')) {
      const space = body.indexOf(' ');
      if (space < 0) continue;
      const label = body.slice(0, space);
      const fragments = body
        .slice(space + 1)
        .split(';')
        .map((fragment) => fragment.trim().split(/\s+/).map(Number));
      const starts = fragments.map((f) => f[0]).filter(Number.isFinite);
      const ends = fragments.map((f) => f[1]).filter(Number.isFinite);
      if (starts.length === 0 || ends.length === 0) continue;
      textBounds.set(id, {
        id,
        label,
        start: Math.min(...starts),
        end: Math.max(...ends),
        text,
      });
    } else if (id.startsWith('E')) {
      const parts = body.trim().split(/\s+/).filter(Boolean);
      if (parts.length === 0) continue;
      const [type, trigger] = parts[0].split(':');
      const args = parts.slice(1).map((part) => {
        const colon = part.lastIndexOf(':');
        return { role: part.slice(0, colon), ref: part.slice(colon + 1) };
      });
      events.push({ id, type, trigger, args });
    } else if (id.startsWith('A')) {
      const [name, target, value = 'true'] = body.trim().split(/\s+/);
      if (!name || !target) continue;
      if (!attributes.has(target)) attributes.set(target, new Map());
      attributes.get(target)!.set(name, value);
    }
  }
  return { textBounds, events, attributes };
}

function merge(a: GoldSpan | null, b: GoldSpan): GoldSpan {
  return a ? { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) } : b;
}

/** The gold attributions of one annotation file: one per Attribution event that has a cue. */
export function goldAttributions(doc: BratDocument): GoldAttribution[] {
  const result: GoldAttribution[] = [];
  for (const event of doc.events) {
    if (!ATTRIBUTION_EVENTS.has(event.type)) continue;
    let source: GoldSpan | null = null;
    let cue: GoldSpan | null = null;
    let content: GoldSpan | null = null;
    for (const { role, ref } of event.args) {
      const bound = doc.textBounds.get(ref);
      if (!bound) continue;
      const span = { start: bound.start, end: bound.end };
      const base = role.replace(/\d+$/, '');
      if (base === 'Source') source = merge(source, span);
      else if (base === 'Cue') cue = merge(cue, span);
      else if (base === 'Content') content = merge(content, span);
    }
    const stance = doc.attributes.get(event.id)?.get('Stance');
    if (cue) result.push(stance ? { source, cue, content, stance } : { source, cue, content });
  }
  return result;
}
