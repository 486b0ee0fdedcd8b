import { heapGrowthHolder, MIN_COLLECTION_INTERVAL_MS } from './heap-growth';

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

    hold(50)(); // the cap again, but no second collection within the interval
    expect(flags.slice(3)).toEqual(['--heap-growing-percent=50', '--heap-growing-percent=0']);
  });

  it('forces at most one full collection per interval, however often exports start', () => {
    const flags: string[] = [];
    let clock = 0;
    const hold = heapGrowthHolder(
      (f) => flags.push(f),
      () => flags.push('gc'),
      () => clock,
    );

    hold(50)();
    clock += MIN_COLLECTION_INTERVAL_MS - 1;
    hold(50)();
    clock += 1;
    hold(50)();

    expect(flags.filter((f) => f === 'gc')).toHaveLength(2);
    expect(flags.filter((f) => f === '--heap-growing-percent=50')).toHaveLength(3);
  });

  it('holds nothing, and keeps no count, when the runtime refuses the flag', () => {
    const flags: string[] = [];
    let refuse = true;
    const hold = heapGrowthHolder(
      (f) => {
        if (refuse) throw new Error('unknown flag');
        flags.push(f);
      },
      () => undefined,
    );

    hold(50)();
    refuse = false;
    const release = hold(50);
    release();

    expect(flags).toEqual(['--heap-growing-percent=50', '--heap-growing-percent=0']);
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
