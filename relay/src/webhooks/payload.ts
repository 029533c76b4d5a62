import { z } from 'zod';

/** Events the change notifier reports (SuiteScript UserEventType values). */
export const CHANGE_EVENTS = ['create', 'edit', 'xedit', 'delete', 'approve', 'cancel', 'pack', 'ship', 'paybills'] as const;

/** The body the User Event script `customscript_nsc_change_notifier` posts. */
export const netSuiteChangeSchema = z
  .object({
    recordType: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/i, 'must be a NetSuite record type id'),
    id: z.string().regex(/^\d{1,18}$/, 'must be a NetSuite internal id'),
    externalId: z.string().min(1).max(255).nullable(),
    event: z.enum(CHANGE_EVENTS),
    lastModified: z.iso.datetime({ offset: true }).nullable(),
    fields: z.record(z.string().max(100), z.unknown()),
  })
  .strict();

export type NetSuiteChange = z.infer<typeof netSuiteChangeSchema>;

/** Inbox dedupe identity: the same change of the same record is one entry however often it arrives. */
export function changeKey(change: NetSuiteChange, signature: string): string {
  return change.lastModified
    ? `${change.recordType}:${change.id}:${change.event}:${change.lastModified}`
    : `${change.recordType}:${change.id}:${change.event}:sig:${signature}`;
}
