/**
 * Loads an annotated corpus laid out like PolNeAR: `text/NAME.txt` and `attributions/NAME_*.ann`
 * (several annotation files when several people annotated the text; the first by name is gold).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { goldAttributions, parseBrat, type GoldAttribution } from './brat';

export type Part = 'dev' | 'held-out';

export interface AnnotatedText {
  name: string;
  text: string;
  annotationFile: string;
  gold: GoldAttribution[];
  part: Part;
}

/**
 * The deterministic split: texts sorted by name, every third one (positions 2, 5, 8, …) is held
 * out and never looked at while writing rules. With 12 texts per publisher it holds out 4 of each.
 */
export function partOf(positionInSortedNames: number): Part {
  return positionInSortedNames % 3 === 2 ? 'held-out' : 'dev';
}

export function loadCorpus(dir: string): AnnotatedText[] {
  const textDir = path.join(dir, 'text');
  const annDir = path.join(dir, 'attributions');
  const annFiles = fs
    .readdirSync(annDir)
    .filter((f) => f.endsWith('.ann'))
    .sort();
  const names = fs
    .readdirSync(textDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -'.txt'.length))
    .sort();
  const corpus: AnnotatedText[] = [];
  names.forEach((name, position) => {
    const annotationFile = annFiles.find(
      (f) => f.startsWith(`${name}_`) && /^_[^_]+\.ann$/.test(f.slice(name.length)),
    );
    if (!annotationFile) return;
    const text = fs.readFileSync(path.join(textDir, `${name}.txt`), 'utf8');
    const ann = fs.readFileSync(path.join(annDir, annotationFile), 'utf8');
    corpus.push({
      name,
      text,
      annotationFile,
      gold: goldAttributions(parseBrat(ann)),
      part: partOf(position),
    });
  });
  return corpus;
}
