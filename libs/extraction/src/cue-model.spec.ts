import {
  candidateFeatures,
  formOf,
  isCandidate,
  modelCueHeads,
  prepareModel,
  stemOf,
  type CueModel,
} from './cue-model';
import { extractAttributions } from './extract';
import { tokenize } from './text/tokens';

const tokensOf = (text: string) => tokenize(text, 0, text.length);

/** A hand-made model: "ponder" (not in the lexicon) after a name is a cue. */
const TOY: CueModel = {
  threshold: 1,
  stems: ['ponder'],
  weights: { bias: -1, 's=ponder': 1, 'name=true': 1.5 },
};

describe('cue model', () => {
  it('shares a stem across the forms of a verb', () => {
    for (const form of ['argued', 'argues', 'arguing']) expect(stemOf(form)).toBe('argu');
    expect(stemOf('testified')).toBe('testify');
    expect(stemOf('warns')).toBe('warn');
    expect(stemOf('pondered')).toBe(stemOf('ponders'));
  });

  it('guesses the form from the ending', () => {
    expect(formOf('pondering')).toBe(4);
    expect(formOf('pondered')).toBe(2);
    expect(formOf('ponders')).toBe(1);
    expect(formOf('ponder')).toBe(0);
  });

  it('scores only lower-case content words with a known stem or a lexicon form', () => {
    const tokens = tokensOf('The mayor has pondered the Ponder of the roads and said so.');
    const stems = new Set(['ponder']);
    const candidates = tokens.map((_, i) => i).filter((i) => isCandidate(tokens, i, stems));
    expect(candidates.map((i) => tokens[i].text)).toEqual(['pondered', 'said']);
  });

  it('describes a candidate by itself and its neighbours', () => {
    const tokens = tokensOf('Smith pondered that the roads were closed.');
    const features = candidateFeatures(tokens, 1);
    expect(features).toEqual(
      expect.arrayContaining(['w=pondered', 's=ponder', 'n=that', 'ps=cap', 'that=true']),
    );
  });

  it('adds the heads that reach the threshold, once per verb phrase', () => {
    const tokens = tokensOf('Mayor Smith pondered the closures, and the roads ponder nothing.');
    const heads = modelCueHeads(tokens, () => false, prepareModel(TOY));
    expect(heads.map((i) => tokens[i].text)).toEqual(['pondered']);
  });

  it('frames a model cue like a reporting verb inside extractAttributions', () => {
    const text = 'Mayor Smith pondered the closure of the bridge.';
    expect(extractAttributions(text, { cueModel: null })).toEqual([]);
    const [found] = extractAttributions(text, { cueModel: TOY });
    expect(found.cue.text).toBe('pondered');
    expect(found.source?.text).toBe('Mayor Smith');
    expect(found.content.text).toBe('the closure of the bridge');
  });
});
