import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCorpus, partOf } from './corpus';

describe('partOf', () => {
  it('holds out every third text by sorted position', () => {
    expect([0, 1, 2, 3, 4, 5].map(partOf)).toEqual([
      'dev',
      'dev',
      'held-out',
      'dev',
      'dev',
      'held-out',
    ]);
  });
});

describe('loadCorpus', () => {
  it('pairs each text with its first annotation file by name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-'));
    fs.mkdirSync(path.join(dir, 'text'));
    fs.mkdirSync(path.join(dir, 'attributions'));
    fs.writeFileSync(path.join(dir, 'text', 'a.txt'), 'Bob said hi.');
    fs.writeFileSync(path.join(dir, 'attributions', 'a_ff.ann'), '');
    fs.writeFileSync(
      path.join(dir, 'attributions', 'a_01.ann'),
      'T1\tSource 0 3\tBob\nT2\tCue 4 8\tsaid\nT3\tContent 9 11\thi\nT4\tAttribution 4 8\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n',
    );
    const [doc] = loadCorpus(dir);
    expect(doc.annotationFile).toBe('a_01.ann');
    expect(doc.gold).toHaveLength(1);
    expect(doc.part).toBe('dev');
  });
});
