import { describe, expect, it } from 'vitest';
import { toPacific } from './pacific-time.js';

describe('toPacific', () => {
  it('uses -08:00 in winter and -07:00 in summer, same instant', () => {
    expect(toPacific(new Date('2011-12-15T19:56:19.000Z'))).toBe('2011-12-15T11:56:19.000-08:00');
    expect(toPacific(new Date('2024-07-04T00:30:00.250Z'))).toBe('2024-07-03T17:30:00.250-07:00');
    for (const iso of [
      '2024-03-10T09:59:59.999Z',
      '2024-03-10T10:00:00.000Z',
      '2024-11-03T08:30:00.000Z',
      '2024-11-03T09:30:00.000Z',
    ]) {
      expect(Date.parse(toPacific(new Date(iso)))).toBe(Date.parse(iso));
    }
  });
});
