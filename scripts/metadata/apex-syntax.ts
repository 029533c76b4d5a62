import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import * as prettier from 'prettier';

export interface ApexProblem {
  file: string;
  line?: number;
  column?: number;
  message: string;
  source: 'apex-parser' | 'prettier-plugin-apex' | 'pmd';
  severity?: number;
  rule?: string;
}

/** Every .cls and .trigger file below `dir`. */
export function findApexFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(cls|trigger)$/.test(name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

class CollectingListener extends ApexErrorListener {
  readonly errors: { line: number; column: number; message: string }[] = [];
  override apexSyntaxError(line: number, column: number, message: string): void {
    this.errors.push({ line, column, message });
  }
}

/**
 * Parses each Apex file twice: with the ANTLR grammar (@apexdevtools/apex-parser) and with
 * prettier-plugin-apex, which uses the jorje parser and is stricter about SOQL. Any error is a problem.
 */
export async function checkApexSyntax(files: readonly string[]): Promise<ApexProblem[]> {
  const problems: ApexProblem[] = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const listener = new CollectingListener();
    const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
    if (file.endsWith('.trigger')) parser.triggerUnit();
    else parser.compilationUnit();
    for (const e of listener.errors) problems.push({ file, ...e, source: 'apex-parser' });
    try {
      await prettier.format(source, { parser: 'apex', plugins: ['prettier-plugin-apex'], filepath: file });
    } catch (err) {
      const e = err as { message?: string; loc?: { start?: { line?: number; column?: number } } };
      problems.push({
        file,
        line: e.loc?.start?.line,
        column: e.loc?.start?.column,
        message: String(e.message ?? err).split('\n')[0] ?? 'parse error',
        source: 'prettier-plugin-apex',
      });
    }
  }
  return problems;
}
