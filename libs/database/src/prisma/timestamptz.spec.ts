import { types } from 'pg';
import { parseTimestamptz } from './timestamptz';

const original = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text') as (
  text: string,
) => unknown;

/** Both parsers give the same instant (or the same non-date answer) for `text`. */
function expectSame(text: string): void {
  const expected = original(text);
  const actual = parseTimestamptz(text);
  if (expected instanceof Date) {
    expect(actual).toBeInstanceOf(Date);
    // toBe on the numbers: NaN (an invalid date) equals NaN, and 0 is not -0 only for Object.is
    expect({ text, time: (actual as Date).getTime() }).toEqual({ text, time: expected.getTime() });
  } else {
    expect({ text, value: actual }).toEqual({ text, value: expected });
  }
}

/** A seeded generator, so that a failure is reproducible. */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');
/** Offsets PostgreSQL prints for real zones: whole hours, half and quarter hours, LMT seconds. */
const OFFSETS = [
  '+00',
  '-00',
  '+01',
  '-03',
  '+14',
  '-12',
  '+05:30',
  '+05:45',
  '-09:30',
  '-03:30',
  '+00:19:32',
  '-00:25:21',
  '+01:24:00',
  '-04:56:02',
];

describe('parseTimestamptz', () => {
  it('answers what postgres-date answers for the text PostgreSQL sends', () => {
    const next = random(20240601);
    for (let n = 0; n < 100_000; n++) {
      const year = 100 + next(9900);
      const digits = next(7);
      const fraction = digits ? `.${pad(next(10 ** digits), digits)}` : '';
      expectSame(
        `${pad(year, 4)}-${pad(1 + next(12), 2)}-${pad(1 + next(31), 2)} ` +
          `${pad(next(24), 2)}:${pad(next(60), 2)}:${pad(next(60), 2)}${fraction}` +
          OFFSETS[next(OFFSETS.length)],
      );
    }
  });

  it('parses the common shapes exactly', () => {
    expect(parseTimestamptz('2024-03-05 07:08:09.123456+00')).toEqual(
      new Date('2024-03-05T07:08:09.123Z'),
    );
    expect(parseTimestamptz('2024-03-05 07:08:09.1+05:30')).toEqual(
      new Date('2024-03-05T01:38:09.100Z'),
    );
    expect(parseTimestamptz('2024-03-05 07:08:09.12-03')).toEqual(
      new Date('2024-03-05T10:08:09.120Z'),
    );
    expect(parseTimestamptz('1900-01-01 00:00:00+00:19:32')).toEqual(
      new Date('1899-12-31T23:40:28.000Z'),
    );
  });

  it('leaves every unusual value to postgres-date', () => {
    for (const text of [
      'infinity',
      '-infinity',
      '0044-03-15 12:00:00+00 BC',
      '2024-03-05 07:08:09+00 BC',
      '12024-03-05 07:08:09.5+00',
      '275760-09-13 00:00:00+00',
      '0001-01-01 00:00:00+00',
      '0099-12-31 23:59:59.999999+00',
      '0100-01-01 00:00:00+00',
      '2024-03-05 07:08:09.1234567+00',
      '2024-03-05 07:08:09.+00',
      '2024-03-05 07:08:09Z',
      '2024-03-05 07:08:09',
      '2024-03-05 07:08:09+0530',
      '2024-03-05 07:08:09+05:3',
      '2024-03-05 07:08:09+05:30:1',
      '2024-03-05 07:08:09+05:30:10:00',
      '2024-03-05',
      '2024-03-05T07:08:09+00',
      '2024-3-05 07:08:09+00',
      '2024-03-05 07:08:09 +00',
      'not a time at all',
      '',
    ]) {
      expectSame(text);
    }
  });
});
