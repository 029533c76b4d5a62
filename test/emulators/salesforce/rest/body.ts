/**
 * Request bodies as Salesforce reads them: malformed JSON is JSON_PARSER_ERROR, a body of the wrong
 * shape is the deserializer's error. Shapes are checked with zod at this boundary.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { SfError, jsonParserError } from '../errors.js';

function position(text: string, message: string): { line: number; column: number; ch: string } {
  const m = /position (\d+)/.exec(message);
  const pos = m === null ? text.length : Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return { line, column, ch: text.charAt(pos) };
}

export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') {
    throw jsonParserError('The HTTP entity body is required, but this request has no entity body.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const { line, column, ch } = position(text, (e as Error).message);
    const what = ch === '' ? 'end-of-input' : `character ('${ch}' (code ${ch.charCodeAt(0)}))`;
    throw jsonParserError(`Unexpected ${what} at [line:${line}, column:${column}]`);
  }
}

const recordBody = z.record(z.string(), z.unknown());

/** A JSON object body (one record's field values). */
export async function readRecord(c: Context, typeName: string): Promise<Record<string, unknown>> {
  const body = await readJson(c);
  const parsed = recordBody.safeParse(body);
  if (!parsed.success || Array.isArray(body)) {
    const token = Array.isArray(body) ? 'START_ARRAY value [' : `VALUE_STRING value ${String(body)}`;
    throw jsonParserError(
      `Cannot deserialize instance of ${typeName} from ${token} or request may be missing a required field at [line:1, column:1]`,
    );
  }
  return parsed.data;
}

export const collectionBody = z.object({
  allOrNone: z.boolean().optional(),
  records: z.array(z.record(z.string(), z.unknown())),
});

export async function readCollection(c: Context): Promise<z.infer<typeof collectionBody>> {
  const body = await readJson(c);
  const parsed = collectionBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SfError(
      'JSON_PARSER_ERROR',
      `Cannot deserialize request body: '${issue?.path.join('.') || 'body'}' ${issue?.message ?? 'is invalid'}`,
      400,
    );
  }
  return parsed.data;
}
