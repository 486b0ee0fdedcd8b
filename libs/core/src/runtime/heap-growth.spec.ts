import { heapGrowthHolder } from './heap-growth';

describe('heapGrowthHolder', () => {
  it('sets the cap on the first hold and gives V8 its own factor back when the last one ends', () => {
    const flags: string[] = [];
    const hold = heapGrowthHolder(
      (f) => flags.push(f),
      () => flags.push('gc'),
    );

    const first = hold(50);
    const second = hold(50);
    first();
    first(); // releasing twice counts once
    expect(flags).toEqual(['--heap-growing-percent=50', 'gc']);

    second();
    expect(flags).toEqual(['--heap-growing-percent=50', 'gc', '--heap-growing-percent=0']);

    hold(50)();
    expect(flags).toHaveLength(6);
  });

  it('does nothing when the cap is 0 (turned off)', () => {
    const flags: string[] = [];
    heapGrowthHolder(
      (f) => flags.push(f),
      () => flags.push('gc'),
    )(0)();
    expect(flags).toEqual([]);
  });
});
