/**
 * ISO 8601 / RFC 3339 date-times as the API accepts them: `YYYY-MM-DD`, optionally followed by
 * `THH:MM`, `:SS`, a fraction of up to 9 digits and an offset (`Z`, `±HH:MM` or `±HHMM`). Anchored,
 * without nested quantifiers: linear in its input, which is at most MAX_LENGTH characters anyway.
 */
const SHAPE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?)?$/;

const MAX_LENGTH = 64;
/** The first and last instants accepted: years 0001 to 9999 at UTC (inside PostgreSQL and JS). */
const EARLIEST = new Date('0001-01-01T00:00:00.000Z').getTime();
const LATEST = new Date('9999-12-31T23:59:59.999Z').getTime();
/** The widest offset from UTC any place has used (UTC+14:00, Kiribati). */
const MAX_OFFSET_MINUTES = 14 * 60;

export const DATE_TIME_FORMS =
  'an ISO 8601 date or date-time such as 2026-03-14 or 2026-03-14T09:30:00Z (UTC when no offset is given), with a year from 0001 to 9999';

/** Why a string is not a date-time this API accepts; the message says what to send instead. */
export class InvalidDateTime extends Error {
  constructor(
    readonly given: string,
    readonly reason: string,
  ) {
    super(`Expected ${DATE_TIME_FORMS}; got ${quote(given)}: ${reason}.`);
  }
}

function quote(value: string): string {
  return JSON.stringify(value.length > MAX_LENGTH ? `${value.slice(0, MAX_LENGTH)}…` : value);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * The instant `text` names, or an InvalidDateTime saying why it names none: not the ISO form, a
 * year outside 0001-9999, a day not on the calendar (2026-02-30), 24:00, minute 60, a leap second
 * (23:59:60: JavaScript and PostgreSQL cannot hold one), an offset beyond ±14:00. Nothing is
 * rolled over or shifted silently.
 */
export function parseDateTime(text: string): Date {
  if (text.length > MAX_LENGTH) throw new InvalidDateTime(text, 'too long');
  const match = SHAPE.exec(text);
  if (!match) throw new InvalidDateTime(text, 'not in that form');
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zulu, sign, oh, om] = match;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  const [hour, minute, second] = [Number(h), Number(mi), Number(s)];
  if (year < 1) throw new InvalidDateTime(text, 'there is no year 0000 (years start at 0001)');
  if (month < 1 || month > 12) throw new InvalidDateTime(text, 'months are 01 to 12');
  if (day < 1 || day > daysIn(year, month)) {
    throw new InvalidDateTime(
      text,
      `${MONTHS[month - 1]} ${y} has days 01 to ${daysIn(year, month)}`,
    );
  }
  if (hour > 23)
    throw new InvalidDateTime(text, 'hours are 00 to 23 (write 24:00 as 00:00 of the next day)');
  if (minute > 59) throw new InvalidDateTime(text, 'minutes are 00 to 59');
  if (second > 59)
    throw new InvalidDateTime(text, 'seconds are 00 to 59 (leap seconds are not accepted)');
  let offsetMinutes = 0;
  if (sign && !zulu) {
    const [hours, minutes] = [Number(oh), Number(om)];
    if (minutes > 59) throw new InvalidDateTime(text, 'offset minutes are 00 to 59');
    offsetMinutes = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
    if (Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) {
      throw new InvalidDateTime(text, 'offsets from UTC are -14:00 to +14:00');
    }
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads years 0-99 as 1900-1999
  date.setUTCHours(
    hour,
    minute - offsetMinutes,
    second,
    Number(fraction.slice(0, 3).padEnd(3, '0')),
  );
  const time = date.getTime();
  if (time < EARLIEST || time > LATEST) {
    throw new InvalidDateTime(text, 'at UTC it falls outside the years 0001 to 9999');
  }
  return date;
}
