import {
  CodeAnalyzer,
  CodeAnalyzerConfig,
  EventType,
  LogLevel,
  type EngineLogEvent,
} from '@salesforce/code-analyzer-core';
import * as pmdEngine from '@salesforce/code-analyzer-pmd-engine';
import type { ApexProblem } from './apex-syntax.js';

/** Code Analyzer severities: 1 Critical, 2 High, 3 Moderate, 4 Low, 5 Info. */
export const BLOCKING_SEVERITY = 2;

/**
 * Runs Code Analyzer's PMD engine (the Recommended Apex rules) over `dir` and returns every violation.
 * Files PMD cannot parse are skipped by PMD silently, so run checkApexSyntax first.
 */
export async function runPmd(dir: string): Promise<ApexProblem[]> {
  const analyzer = new CodeAnalyzer(CodeAnalyzerConfig.withDefaults());
  const engineErrors: string[] = [];
  analyzer.onEvent<EngineLogEvent>(EventType.EngineLogEvent, (e) => {
    if (e.logLevel === LogLevel.Error) engineErrors.push(e.message);
  });
  await analyzer.addEnginePlugin(pmdEngine.createEnginePlugin());
  const workspace = await analyzer.createWorkspace([dir]);
  const selection = await analyzer.selectRules(['pmd:Recommended'], { workspace });
  const results = await analyzer.run(selection, { workspace });
  if (engineErrors.length) throw new Error(`PMD engine failed: ${engineErrors.join('; ')}`);
  return results.getViolations().map((v) => {
    const loc = v.getPrimaryLocation();
    return {
      file: loc.getFile() ?? dir,
      line: loc.getStartLine(),
      message: v.getMessage(),
      source: 'pmd' as const,
      severity: v.getRule().getSeverityLevel(),
      rule: v.getRule().getName(),
    };
  });
}
