import fc from 'fast-check';
import { InvalidDateTime, parseDateTime } from './parse-date-time';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const EARLIEST = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

describe('parseDateTime', () => {
  it('reads back every instant of the range as JavaScript writes it', () => {
    fc.assert(
      fc.property(fc.integer({ min: EARLIEST, max: LATEST }), (time) => {
        expect(parseDateTime(new Date(time).toISOString()).getTime()).toBe(time);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts a calendar date-time exactly when it exists, and never rolls it over', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        (year, month, day, hour, minute, second) => {
          const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}Z`;
          const oracle = new Date(0);
          oracle.setUTCFullYear(year, month - 1, day);
          oracle.setUTCHours(hour, minute, second, 0);
          const exists =
            year >= 1 &&
            oracle.getUTCFullYear() === year &&
            oracle.getUTCMonth() === month - 1 &&
            oracle.getUTCDate() === day &&
            oracle.getUTCHours() === hour &&
            oracle.getUTCMinutes() === minute &&
            oracle.getUTCSeconds() === second;
          if (exists) expect(parseDateTime(text).getTime()).toBe(oracle.getTime());
          else expect(() => parseDateTime(text)).toThrow(InvalidDateTime);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('applies offsets up to ±14:00 and refuses the rest', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('+', '-'),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (sign, hours, minutes) => {
          const text = `2026-06-15T12:00:00${sign}${pad(hours)}:${pad(minutes)}`;
          const total = hours * 60 + minutes;
          if (minutes < 60 && total <= 14 * 60) {
            const shift = (sign === '-' ? 1 : -1) * total * 60_000;
            expect(parseDateTime(text).getTime()).toBe(Date.UTC(2026, 5, 15, 12) + shift);
          } else {
            expect(() => parseDateTime(text)).toThrow(InvalidDateTime);
          }
        },
      ),
    );
  });

  it('refuses any string that is not the form, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        fc.pre(!/^\d{4}-\d{2}-\d{2}/.test(text));
        expect(() => parseDateTime(text)).toThrow(InvalidDateTime);
      }),
    );
  });

  it('reads a date alone as midnight UTC, and a time without offset as UTC', () => {
    expect(parseDateTime('2026-03-14').toISOString()).toBe('2026-03-14T00:00:00.000Z');
    expect(parseDateTime('2026-03-14T09:30').toISOString()).toBe('2026-03-14T09:30:00.000Z');
    expect(parseDateTime('0050-01-01').toISOString()).toBe('0050-01-01T00:00:00.000Z');
  });
});
