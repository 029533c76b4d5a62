/**
 * User Event customscript_nsc_change_notifier: after a record is saved, tells the relay.
 *
 * Posts { recordType, id, externalId, event, lastModified, fields } to the relay's
 * /webhooks/netsuite with X-NSC-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">.
 * The relay URL and the secret are script parameters (custscript_nsc_relay_url,
 * custscript_nsc_webhook_secret). A relay failure is logged and never blocks the user's save.
 * Usage: one https.post (10 units) of the 1,000 a User Event may spend.
 *
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */

import type { EntryPoints } from 'N/types';
import * as https from 'N/https';
import * as log from 'N/log';
import * as runtime from 'N/runtime';
import { hmacSha256Hex } from './lib/hmac_sha256';
import { recordTypeInfo } from './lib/record_types';
import { toJson, type JsonValue } from './lib/values';

export const PARAM_URL = 'custscript_nsc_relay_url';
export const PARAM_SECRET = 'custscript_nsc_webhook_secret';
const EVENTS = ['create', 'edit', 'xedit', 'delete', 'approve', 'cancel', 'pack', 'ship', 'paybills'];

export interface ChangePayload {
  recordType: string;
  id: string;
  externalId: string | null;
  event: string;
  lastModified: string | null;
  fields: Record<string, JsonValue>;
}

export function buildPayload(context: EntryPoints.UserEvent.afterSubmitContext): ChangePayload | null {
  const event = String(context.type);
  if (EVENTS.indexOf(event) < 0) return null;
  const rec = event === 'delete' ? context.oldRecord : context.newRecord;
  if (!rec) return null;
  const fields: Record<string, JsonValue> = {};
  for (const fieldId of recordTypeInfo(rec.type)?.watchedFields ?? []) fields[fieldId] = toJson(rec.getValue({ fieldId }));
  const externalId = toJson(rec.getValue({ fieldId: 'externalid' }));
  const lastModified = toJson(rec.getValue({ fieldId: 'lastmodifieddate' }));
  return {
    recordType: String(rec.type),
    id: String(rec.id),
    externalId: externalId === null ? null : String(externalId),
    event,
    lastModified: lastModified === null ? null : String(lastModified),
    fields,
  };
}

/** The X-NSC-Signature header for a body sent at `unixSeconds`. */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${hmacSha256Hex(secret, `${unixSeconds}.${body}`)}`;
}

export const afterSubmit: EntryPoints.UserEvent.afterSubmit = (context) => {
  const script = runtime.getCurrentScript();
  const url = String(script.getParameter({ name: PARAM_URL }) ?? '');
  const secret = String(script.getParameter({ name: PARAM_SECRET }) ?? '');
  if (!url || !secret) {
    log.audit({ title: 'change notifier not configured', details: `set ${PARAM_URL} and ${PARAM_SECRET} on the deployment` });
    return;
  }
  try {
    const payload = buildPayload(context);
    if (!payload) return;
    const body = JSON.stringify(payload);
    const response = https.post({
      url,
      body,
      headers: {
        'Content-Type': 'application/json',
        'X-NSC-Signature': signatureHeader(secret, body, Math.floor(Date.now() / 1000)),
      },
    });
    if (response.code < 200 || response.code >= 300) {
      log.error({ title: 'relay refused change', details: `${payload.recordType} ${payload.id} ${payload.event}: HTTP ${response.code}` });
    }
  } catch (e) {
    const err = e as { name?: string; message?: string };
    log.error({ title: 'relay unreachable', details: `${err.name ?? 'Error'}: ${err.message ?? String(e)}` });
  }
};
