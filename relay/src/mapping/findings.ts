import { z } from 'zod';

export const severitySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof severitySchema>;

/** One thing an admin should know about a record before (or instead of) it is written. */
export interface Finding {
  /** Stable code, e.g. REQUIRED_MISSING, MAX_LENGTH, PICKLIST_RESTRICTED, ANOMALY_AMOUNT. */
  code: string;
  /** The target (or canonical) field the finding is about; '' for whole-record findings. */
  field: string;
  /** The record, as "<object>:<id>" or the mapping id when the record has no id yet. */
  record: string;
  message: string;
  suggestedFix: string;
  severity: Severity;
}

/** What the flow runner does with a record that has findings: write, hold for review, or block. */
export type FindingAction = 'block' | 'hold' | 'flag';

export const finding = (f: Finding): Finding => f;
export const hasErrors = (fs: readonly Finding[]): boolean => fs.some((f) => f.severity === 'error');
