/**
 * Salesforce metadata checks run by `npm test` (npm run test:metadata):
 * source conversion, metadata XML shape, Apex syntax, Code Analyzer PMD rules, LWC bundle layout.
 * Prints one line per check and a closing "N passed, N failed" line; exits 1 on any failure.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { runPmd, BLOCKING_SEVERITY } from './apex-pmd.js';
import { checkApexSyntax, findApexFiles } from './apex-syntax.js';
import { convertSource } from './convert.js';
import { checkMetadataXml, findMetadataXml } from './metadata-schema.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const FORCE_APP = join(ROOT, 'force-app');
const rel = (p: string) => relative(ROOT, p);

type Check = { name: string; run: () => Promise<string[]> };

const checks: Check[] = [
  {
    name: 'sf project convert source (offline)',
    run: async () => {
      const failure = convertSource(ROOT);
      return failure ? [failure.slice(0, 2000)] : [];
    },
  },
  {
    name: 'metadata XML is well formed and uses Metadata API element names',
    run: async () => checkMetadataXml(findMetadataXml(FORCE_APP)).map((p) => `${rel(p.file)}: ${p.message}`),
  },
  {
    name: 'every Apex class and trigger parses',
    run: async () => {
      const files = findApexFiles(FORCE_APP);
      if (files.length === 0) return ['no Apex found under force-app'];
      return (await checkApexSyntax(files)).map((p) => `${rel(p.file)}:${p.line ?? '?'} ${p.message} (${p.source})`);
    },
  },
  {
    name: `Code Analyzer PMD (Recommended): no violation of severity ${BLOCKING_SEVERITY} or higher`,
    run: async () => {
      const violations = await runPmd(FORCE_APP);
      for (const v of violations.filter((x) => (x.severity ?? 5) > BLOCKING_SEVERITY)) {
        console.log(`    note: sev ${v.severity} ${v.rule} ${rel(v.file)}:${v.line} ${v.message}`);
      }
      return violations
        .filter((v) => (v.severity ?? 5) <= BLOCKING_SEVERITY)
        .map((v) => `sev ${v.severity} ${v.rule} ${rel(v.file)}:${v.line} ${v.message}`);
    },
  },
  {
    name: 'every LWC bundle has its .js, .html or .js-meta.xml trio',
    run: async () => {
      const dir = join(FORCE_APP, 'main', 'default', 'lwc');
      if (!existsSync(dir)) return [];
      return readdirSync(dir)
        .filter((n) => !n.startsWith('.') && n !== 'jsconfig.json' && !n.endsWith('.json'))
        .flatMap((n) =>
          [`${n}.js`, `${n}.js-meta.xml`].filter((f) => !existsSync(join(dir, n, f))).map((f) => `lwc/${n} lacks ${f}`),
        );
    },
  },
];

let passed = 0;
let failed = 0;
for (const check of checks) {
  const started = Date.now();
  process.stdout.write(`metadata: ${check.name} ... `);
  const problems = await check.run().catch((err: Error) => [`check crashed: ${err.message}`]);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (problems.length === 0) {
    passed++;
    console.log(`ok (${secs}s)`);
  } else {
    failed++;
    console.log(`FAILED (${secs}s)`);
    for (const p of problems) console.log(`    ${p}`);
  }
}
console.log(`metadata: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
