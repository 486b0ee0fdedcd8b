import { types } from 'pg';

/** pg's own text parser of timestamptz (postgres-date), the reference and the fallback. */
const original = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text') as (
  text: string,
) => Date | number | null;

/** The value of two ASCII digits at `i`, or -1 when either is not a digit. */
function twoDigits(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * A timestamptz as PostgreSQL sends it in text (DateStyle ISO), parsed without regular
 * expressions: postgres-date runs four of them and splits the string per value, and a claims page
 * holds ~1,000 timestamps. Only the shape a 4-digit year after 0099 takes is parsed here,
 * `YYYY-MM-DD HH:MM:SS[.f…]±HH[:MM[:SS]]`; anything else (BC, years past 9999 or before 100,
 * `infinity`, another DateStyle) goes to postgres-date, so that every answer stays its answer.
 */
export function parseTimestamptz(text: string): Date | number | null {
  const length = text.length;
  if (
    length < 22 ||
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 32 || // space
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58
  ) {
    return original(text);
  }
  const century = twoDigits(text, 0);
  const yearInCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  // postgres-date corrects years 0-99 (which Date.UTC reads as 1900-1999): leave those to it
  if (
    century < 1 ||
    yearInCentury < 0 ||
    month < 0 ||
    day < 0 ||
    hour < 0 ||
    minute < 0 ||
    second < 0
  ) {
    return original(text);
  }
  let i = 19;
  let ms = 0;
  if (text.charCodeAt(i) === 46) {
    // fractional seconds, 1 to 6 digits: the first three are the milliseconds (postgres-date's
    // 1000 * parseFloat truncates to that same integer for every 1-6 digit fraction)
    const start = ++i;
    for (let digit = text.charCodeAt(i) - 48; digit >= 0 && digit <= 9;) {
      if (i - start < 3) ms = ms * 10 + digit;
      digit = text.charCodeAt(++i) - 48;
    }
    const count = i - start;
    if (count === 0 || count > 6) return original(text);
    if (count < 3) ms *= count === 1 ? 100 : 10;
  }
  // the offset: ±HH, ±HH:MM or ±HH:MM:SS (historical local mean times have seconds)
  const sign = text.charCodeAt(i);
  if (sign !== 43 && sign !== 45) return original(text); // + or -
  const offsetHours = twoDigits(text, i + 1);
  if (offsetHours < 0) return original(text);
  let offset = offsetHours * 3600;
  i += 3;
  if (i < length) {
    const minutes = text.charCodeAt(i) === 58 ? twoDigits(text, i + 1) : -1;
    if (minutes < 0) return original(text);
    offset += minutes * 60;
    i += 3;
  }
  if (i < length) {
    const seconds = text.charCodeAt(i) === 58 ? twoDigits(text, i + 1) : -1;
    if (seconds < 0 || i + 3 !== length) return original(text);
    offset += seconds;
  }
  const time = Date.UTC(century * 100 + yearInCentury, month - 1, day, hour, minute, second, ms);
  return new Date(sign === 45 ? time + offset * 1000 : time - offset * 1000);
}
