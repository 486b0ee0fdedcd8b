import { parse } from 'graphql';
import { OperationMeasures } from './cost-cache';

describe('OperationMeasures', () => {
  const document = parse('query Page($first: Int) { claims(first: $first) { totalCount } }');

  it('measures a document and its variables once', () => {
    const measures = new OperationMeasures();
    let computed = 0;
    const compute = () => {
      computed += 1;
      return { cost: 21, largestPage: 20 };
    };
    expect(measures.measure(document, 'Page', { first: 20 }, compute)).toEqual({
      cost: 21,
      largestPage: 20,
    });
    measures.measure(document, 'Page', { first: 20 }, compute);
    expect(computed).toBe(1);
    // other variables, another operation name, another document: measured anew
    measures.measure(document, 'Page', { first: 10 }, compute);
    measures.measure(document, 'Other', { first: 20 }, compute);
    measures.measure(parse('{ claims { totalCount } }'), undefined, undefined, compute);
    expect(computed).toBe(4);
  });

  it('keeps no failure and no measure of large variables', () => {
    const measures = new OperationMeasures();
    let computed = 0;
    const refuse = () => {
      computed += 1;
      throw new Error('refused');
    };
    expect(() => measures.measure(document, 'Page', { first: 1 }, refuse)).toThrow('refused');
    expect(() => measures.measure(document, 'Page', { first: 1 }, refuse)).toThrow('refused');
    const invalid = () => {
      computed += 1;
      return null;
    };
    measures.measure(document, 'Page', { first: 'x' }, invalid);
    measures.measure(document, 'Page', { first: 'x' }, invalid);
    const large = { text: 'x'.repeat(2000) };
    const compute = () => {
      computed += 1;
      return { cost: 1, largestPage: 0 };
    };
    measures.measure(document, 'Page', large, compute);
    measures.measure(document, 'Page', large, compute);
    expect(computed).toBe(6);
  });

  it('leaves variables nested deeper than JSON can write to the check, which refuses them', () => {
    const measures = new OperationMeasures();
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    const refuse = () => {
      throw new Error('too deep');
    };
    expect(() => measures.measure(document, 'Page', { i: deep }, refuse)).toThrow('too deep');
  });
});
