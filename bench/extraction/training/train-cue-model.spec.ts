import type { AnnotatedText } from './corpus';
import { cueStems, examplesOf, trainCueModel, trainPerceptron } from './train-cue-model';
import { extractAttributions } from '@claimtrace/extraction';

/** An invented text whose gold marks "pondered" and "mulled" as cues. */
function doc(): AnnotatedText {
  const text =
    'Mayor Smith pondered the closure of the bridge. The roads were closed for a week. ' +
    'Governor Jones mulled the delay in the repairs. The bridge reopened in May. ' +
    'The committee pondered in silence.';
  const span = (word: string) => {
    const start = text.indexOf(word);
    return { start, end: start + word.length };
  };
  return {
    name: 'toy',
    text,
    annotationFile: 'toy_1.ann',
    part: 'dev',
    gold: [
      { source: span('Mayor Smith'), cue: span('pondered'), content: span('the closure') },
      { source: span('Governor Jones'), cue: span('mulled'), content: span('the delay') },
    ],
  };
}

describe('trainCueModel', () => {
  it('takes its vocabulary from the words inside gold cues', () => {
    expect(cueStems([doc()])).toEqual(['mull', 'ponder']);
  });

  it('labels candidates by the gold cues', () => {
    const examples = examplesOf([doc()], new Set(['ponder', 'mull', 'reopen']));
    const labelled = examples.map((e) => [e.features[1], e.label]);
    expect(labelled).toEqual([
      ['w=pondered', true],
      ['w=mulled', true],
      ['w=reopened', false],
      ['w=pondered', false],
    ]);
  });

  it('learns separable examples with an averaged perceptron', () => {
    const weights = trainPerceptron([
      { features: ['bias', 'a'], label: true },
      { features: ['bias', 'b'], label: false },
    ]);
    expect(weights.a).toBeGreaterThan(0);
    expect((weights.a ?? 0) + (weights.bias ?? 0)).toBeGreaterThan(0);
    expect((weights.b ?? 0) + (weights.bias ?? 0)).toBeLessThan(0);
  });

  it('gives a model that tells a cue from the same word without a speaker', () => {
    const model = trainCueModel([doc()], 0);
    const cues = (text: string) =>
      extractAttributions(text, { cueModel: model }).map((a) => a.cue.text);
    expect(cues('Senator Brown pondered the budget.')).toEqual(['pondered']);
    expect(cues('The panel pondered in silence.')).toEqual([]);
  });
});
