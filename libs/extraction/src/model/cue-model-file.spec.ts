import { readFileSync } from 'node:fs';
import {
  CUE_MODEL,
  CUE_MODEL_FILE,
  CueModelFileError,
  parseCueModelFile,
  readCueModelFile,
} from './cue-model-file';

const shipped = readFileSync(CUE_MODEL_FILE, 'utf8');

/** The shipped file with `edit` applied to its parsed JSON. */
function edited(edit: (file: any) => void): string {
  const file = JSON.parse(shipped);
  edit(file);
  return JSON.stringify(file);
}

describe('the cue model file', () => {
  it('ships with its provenance and loads at start', () => {
    const file = readCueModelFile();
    expect(file.provenance.corpus).toMatchObject({ name: 'PolNeAR', texts: 840 });
    expect(file.provenance.command).toMatch(/^npm run train:cue-model -- /);
    expect(CUE_MODEL.stems.length).toBeGreaterThan(0);
    expect(CUE_MODEL).toEqual(file.model);
  });

  it('refuses text that is not JSON, naming the file', () => {
    expect(() => parseCueModelFile('{ "format": ', 'm.json')).toThrow(CueModelFileError);
    expect(() => parseCueModelFile('{ "format": ', 'm.json')).toThrow(
      /The cue model file m\.json is not JSON/,
    );
  });

  it('refuses another version', () => {
    const text = edited((file) => (file.version = 2));
    expect(() => parseCueModelFile(text, 'm.json')).toThrow(
      /m\.json has version 2; this code reads version 1/,
    );
  });

  it('refuses a number that is not finite and a weight that is not a number', () => {
    const infinite = shipped.replace(/"threshold": [0-9.]+/, '"threshold": 1e999');
    expect(() => parseCueModelFile(infinite, 'm.json')).toThrow(/model\.threshold/);
    const text = edited((file) => (file.model.weights['w=said'] = '2'));
    expect(() => parseCueModelFile(text, 'm.json')).toThrow(/model\.weights\.w=said/);
  });

  it('refuses a file without its provenance or with unknown parts', () => {
    expect(() =>
      parseCueModelFile(
        edited((file) => delete file.provenance.corpus.sha256),
        'm.json',
      ),
    ).toThrow(/provenance\.corpus\.sha256/);
    expect(() =>
      parseCueModelFile(
        edited((file) => (file.model.bias = 1)),
        'm.json',
      ),
    ).toThrow(/Unrecognized key/);
  });

  it('says when the file cannot be read', () => {
    expect(() => readCueModelFile('/nonexistent/cue-model.json')).toThrow(
      /\/nonexistent\/cue-model\.json cannot be read \(ENOENT\)/,
    );
  });
});
