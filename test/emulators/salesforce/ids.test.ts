import { describe, expect, it } from 'vitest';
import { IdFactory, checksumSuffix, isWellFormedId, normalizeId } from './ids.js';

describe('Salesforce ids', () => {
  it('computes the 18-char checksum of real ids', () => {
    // Ids from Salesforce documentation and captures (PROTOCOL-NOTES §2.2, §4.1, §4.4).
    expect(checksumSuffix('0015f00002JUXA8')).toBe('AAP');
    expect(checksumSuffix('001R00000064wc7')).toBe('IAA');
    expect(checksumSuffix('0018a00001rBqb8')).toBe('AAC');
  });

  it('normalises 15-char ids and case-insensitive 18-char ids to the canonical 18-char id', () => {
    expect(normalizeId('0015f00002JUXA8')).toBe('0015f00002JUXA8AAP');
    expect(normalizeId('0015f00002juxa8aap')).toBe('0015f00002JUXA8AAP');
    expect(normalizeId('0015F00002JUXA8AAP')).toBe('0015f00002JUXA8AAP');
  });

  it('rejects text that is not an id', () => {
    for (const bad of ['', 'abc', '001-000000000000', '0015f00002JUXA8AA', '0015f00002JUXA8AA9']) {
      expect(isWellFormedId(bad), bad).toBe(false);
    }
  });

  it('issues distinct ids with the key prefix and a valid checksum', () => {
    const f = new IdFactory();
    const a = f.next('001');
    const b = f.next('001');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^001[a-zA-Z0-9]{12}[A-Z0-5]{3}$/);
    expect(normalizeId(a.slice(0, 15))).toBe(a);
    expect(f.next('a00').startsWith('a00')).toBe(true);
  });
});
