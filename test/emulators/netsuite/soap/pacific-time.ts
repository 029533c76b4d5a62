/**
 * NetSuite writes dateTime values in the account's time zone with its offset
 * (`2011-12-15T11:56:19.000-08:00` in the captures, Pacific for US data centres).
 */
const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Los_Angeles',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** An instant as `YYYY-MM-DDTHH:mm:ss.SSS±hh:mm` in Pacific time (PST/PDT). */
export function toPacific(instant: Date): string {
  const parts: Record<string, number> = {};
  for (const p of formatter.formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const ms = instant.getUTCMilliseconds();
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!, ms);
  const offset = Math.round((wall - instant.getTime()) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  return (
    `${parts.year}-${pad(parts.month!)}-${pad(parts.day!)}T${pad(parts.hour!)}:${pad(parts.minute!)}:${pad(parts.second!)}` +
    `.${pad(ms, 3)}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}
