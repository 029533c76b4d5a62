import { describe, expect, it } from 'vitest';
import { localDateToZoned, offsetMinutes, toUtc, zonedDateTime, zonedToLocalDate } from './datetime.js';

describe('datetime', () => {
  it('requires an explicit offset on date-times', () => {
    expect(zonedDateTime.safeParse('2026-03-01T10:00:00Z').success).toBe(true);
    expect(zonedDateTime.safeParse('2026-03-01T10:00:00+02:00').success).toBe(true);
    expect(zonedDateTime.safeParse('2026-03-01T10:00:00').success).toBe(false);
  });
  it('turns a local date into midnight in the given zone, across DST', () => {
    expect(localDateToZoned('2026-01-15', 'America/New_York')).toBe('2026-01-15T00:00:00-05:00');
    expect(localDateToZoned('2026-07-15', 'America/New_York')).toBe('2026-07-15T00:00:00-04:00');
    expect(localDateToZoned('2026-07-15', 'Asia/Kolkata')).toBe('2026-07-15T00:00:00+05:30');
  });
  it('reads the calendar date of an instant in a zone', () => {
    expect(zonedToLocalDate('2026-07-15T02:00:00Z', 'America/Los_Angeles')).toBe('2026-07-14');
    expect(zonedToLocalDate('2026-07-15T02:00:00Z', 'Europe/Berlin')).toBe('2026-07-15');
  });
  it('normalises to UTC', () => {
    expect(toUtc('2026-07-15T02:00:00+02:00')).toBe('2026-07-15T00:00:00.000Z');
    expect(offsetMinutes('UTC', Date.UTC(2026, 0, 1))).toBe(0);
  });
});
