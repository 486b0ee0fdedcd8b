import { attitudePredicateAt, evidentialAdverbAt, seemAt } from './predicates';
import { tokenize, type Token } from './text/tokens';

function first(
  text: string,
  find: (tokens: Token[], i: number) => { first: number; last: number } | undefined,
): string | undefined {
  const tokens = tokenize(text, 0, text.length);
  for (let i = 0; i < tokens.length; i++) {
    const span = find(tokens, i);
    if (span) return text.slice(tokens[span.first].start, tokens[span.last].end);
  }
  return undefined;
}

describe('attitudePredicateAt', () => {
  it('reads an attitude adjective after a copula with a complement', () => {
    expect(first('The coach is confident that the team will win.', attitudePredicateAt)).toBe(
      'is confident',
    );
    expect(first('The builders were not sure the roof would hold.', attitudePredicateAt)).toBe(
      'were not sure',
    );
    expect(first('The mayor has been critical of the plan.', attitudePredicateAt)).toBe(
      'been critical',
    );
  });

  it('needs a complement, and a clause for emotions', () => {
    expect(first('The coach is confident.', attitudePredicateAt)).toBeUndefined();
    expect(first('The farmers were angry that prices fell.', attitudePredicateAt)).toBe(
      'were angry',
    );
    expect(first('She is proud of her garden.', attitudePredicateAt)).toBeUndefined();
  });

  it('skips hypotheticals and passives', () => {
    expect(first('He can be convinced that it works.', attitudePredicateAt)).toBeUndefined();
    expect(first('The dam was opposed by the villagers.', attitudePredicateAt)).toBeUndefined();
  });

  it('reads an impersonal judgment with "it"', () => {
    expect(first('It was unclear whether the ferry would sail.', attitudePredicateAt)).toBe(
      'It was unclear',
    );
    expect(first('It’s obvious that the bridge is old.', attitudePredicateAt)).toBe('It’s obvious');
    expect(first('It should be clear that rents rose.', attitudePredicateAt)).toBe(
      'It should be clear',
    );
    expect(first('It was clear and cold.', attitudePredicateAt)).toBeUndefined();
  });
});

describe('evidentialAdverbAt', () => {
  it('reads an evidential adverb', () => {
    expect(first('The driver allegedly ran the light.', evidentialAdverbAt)).toBe('allegedly');
    expect(first('The driver quickly ran the light.', evidentialAdverbAt)).toBeUndefined();
  });
});

describe('seemAt', () => {
  it('reads "seem", and "appear" only with "to" or "that"', () => {
    expect(first('Voters seem tired of the race.', seemAt)).toBe('seem');
    expect(first('It appeared that the vote would fail.', seemAt)).toBe('It appeared');
    expect(first('The singer appeared on the radio.', seemAt)).toBeUndefined();
    expect(first('The singer appeared to stumble.', seemAt)).toBe('appeared');
  });
});
