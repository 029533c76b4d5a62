import { SuiteQlError } from './ast.js';

export type Token =
  | { type: 'word'; value: string; upper: string; pos: number }
  | { type: 'string'; value: string; pos: number }
  | { type: 'number'; value: number; pos: number }
  | { type: 'symbol'; value: string; pos: number }
  | { type: 'end'; pos: number };

const SYMBOLS = ['<=', '>=', '<>', '!=', '=', '<', '>', ',', '(', ')', '*', '?', '.'];

/** Splits SuiteQL text into tokens: words, 'strings' ('' escapes a quote), numbers, symbols. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw new SuiteQlError(`Unterminated string literal at position ${i}.`);
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += text[j];
        j++;
      }
      tokens.push({ type: 'string', value, pos: i });
      i = j + 1;
      continue;
    }
    const number = /^\d+(\.\d+)?/.exec(text.slice(i));
    if (number) {
      tokens.push({ type: 'number', value: Number(number[0]), pos: i });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (word) {
      tokens.push({ type: 'word', value: word[0], upper: word[0].toUpperCase(), pos: i });
      i += word[0].length;
      continue;
    }
    const symbol = SYMBOLS.find((s) => text.startsWith(s, i));
    if (!symbol) throw new SuiteQlError(`Unexpected character ${JSON.stringify(ch)} at position ${i}.`);
    tokens.push({ type: 'symbol', value: symbol, pos: i });
    i += symbol.length;
  }
  tokens.push({ type: 'end', pos: text.length });
  return tokens;
}
