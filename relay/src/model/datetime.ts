import { z } from 'zod';

/**
 * Dates with explicit time zones. A `ZonedDateTime` is ISO 8601 with a mandatory offset ("Z" or "+02:00").
 * A `LocalDate` (Salesforce Date, e.g. CloseDate) has no zone of its own; converting it to an instant needs
 * the time zone it is meant in (the company's), passed explicitly.
 */
export const zonedDateTime = z.iso.datetime({ offset: true });
export const localDate = z.iso.date();
export const timeZone = z.string().refine(isValidTimeZone, 'an IANA time zone such as "America/New_York"');

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Offset of `tz` at the instant `utcMs`, in minutes east of UTC. */
export function offsetMinutes(tz: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

const fmtOffset = (mins: number) => {
  const sign = mins < 0 ? '-' : '+';
  const a = Math.abs(mins);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
};

/** Midnight of a local date in `tz`, as a zoned date-time carrying that zone's offset. */
export function localDateToZoned(date: string, tz: string): string {
  localDate.parse(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  let off = offsetMinutes(tz, guess);
  off = offsetMinutes(tz, guess - off * 60000); // settle around DST changes
  return `${date}T00:00:00${fmtOffset(off)}`;
}

/** The calendar date of an instant as seen in `tz`. */
export function zonedToLocalDate(dateTime: string, tz: string): string {
  zonedDateTime.parse(dateTime);
  const ms = Date.parse(dateTime);
  const off = offsetMinutes(tz, ms);
  return new Date(ms + off * 60000).toISOString().slice(0, 10);
}

/** Normalises any offset date-time to UTC ("...Z"), keeping millisecond precision. */
export const toUtc = (dateTime: string): string => new Date(Date.parse(zonedDateTime.parse(dateTime))).toISOString();
