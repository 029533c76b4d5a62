/* global describe, it, expect */
import { createHmac, createHash, randomBytes } from 'node:crypto';
import { hmacSha256Hex, sha256, utf8Bytes } from 'SuiteScripts/nsc/lib/hmac_sha256';

const hex = (bytes) => Buffer.from(bytes).toString('hex');

describe('lib/hmac_sha256', () => {
  it('matches node:crypto SHA-256 across block boundaries', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const data = randomBytes(n);
      expect(hex(sha256([...data]))).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });

  it('encodes UTF-8 like Buffer, including astral characters', () => {
    for (const s of ['', 'abc', 'café', '日本語', 'emoji 😀 ok', '\u0000\u007f\u0080\u07ff\u0800\uffff']) {
      expect(hex(utf8Bytes(s))).toBe(Buffer.from(s, 'utf8').toString('hex'));
    }
  });

  it('matches node:crypto HMAC for short, block-sized and long keys', () => {
    const cases = [
      ['', ''],
      ['key', 'The quick brown fox jumps over the lazy dog'],
      ['k'.repeat(64), '1700000000.{"a":1}'],
      ['long-secret-'.repeat(20), 'x'.repeat(300)],
      ['sécret', '1700000000.{"name":"Zoë 😀"}'],
    ];
    for (const [key, message] of cases) {
      expect(hmacSha256Hex(key, message)).toBe(createHmac('sha256', key).update(message, 'utf8').digest('hex'));
    }
  });

  it('gives the RFC 4231 test case 2 value', () => {
    expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});
