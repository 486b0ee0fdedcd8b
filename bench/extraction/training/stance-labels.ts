/**
 * Our own stance labels for gold attributions of PolNeAR's dev split
 * (bench/extraction/data/stance-en.tsv: text name, cue start, cue end in code points, cue text,
 * stance; how they were made is in bench/README.md). PolNeAR annotates no stance.
 */
import * as fs from 'node:fs';
import type { AnnotatedText } from './corpus';

export interface StanceLabel {
  text: string;
  cueStart: number;
  cueEnd: number;
  stance: string;
}

export function readStanceLabels(file: string): StanceLabel[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [text, start, end, , stance] = line.split('\t');
      return { text, cueStart: Number(start), cueEnd: Number(end), stance };
    });
}

/** The labelled texts, their gold attributions carrying the labelled stance (others none). */
export function withStanceLabels(corpus: AnnotatedText[], labels: StanceLabel[]): AnnotatedText[] {
  const byText = new Map<string, StanceLabel[]>();
  for (const label of labels) byText.set(label.text, [...(byText.get(label.text) ?? []), label]);
  return corpus
    .filter((doc) => byText.has(doc.name))
    .map((doc) => {
      const mine = byText.get(doc.name) ?? [];
      const gold = doc.gold.map((g) => {
        const label = mine.find((l) => l.cueStart === g.cue.start && l.cueEnd === g.cue.end);
        return label ? { ...g, stance: label.stance } : { ...g, stance: undefined };
      });
      return { ...doc, gold };
    });
}
