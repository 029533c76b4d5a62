/* global describe, it, expect, jest, beforeEach */
import { createHmac } from 'node:crypto';
import https from 'N/https';
import log from 'N/log';
import { afterSubmit, PARAM_SECRET, PARAM_URL } from 'SuiteScripts/nsc/change_notifier';
import { scriptWith } from './helpers';

jest.mock('N/https');
jest.mock('N/log');
jest.mock('N/runtime');
jest.mock('N/runtime/script');

const SECRET = 'whsec-test-123';
const URL = 'https://relay.example.com/webhooks/netsuite';

function recordOf(type, id, values) {
  return { type, id, getValue: ({ fieldId }) => values[fieldId] ?? '' };
}

const invoice = recordOf('invoice', 812, {
  externalid: 'SF-INV-1',
  lastmodifieddate: new Date('2026-11-26T21:00:00.000Z'),
  tranid: 'INV-812',
  entity: '7',
  trandate: new Date('2026-11-26T00:00:00.000Z'),
  status: 'Open',
  total: 99.5,
  amountremaining: 99.5,
});

const context = (type, rec, old) => ({ type, newRecord: rec, oldRecord: old, UserEventType: {} });

describe('change_notifier User Event', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    scriptWith({ parameters: { [PARAM_URL]: URL, [PARAM_SECRET]: SECRET } });
    https.post.mockReturnValue({ code: 202, body: '{}' });
  });

  it('posts the change, signed with X-NSC-Signature over "<t>.<body>"', () => {
    const before = Math.floor(Date.now() / 1000);
    afterSubmit(context('create', invoice));
    expect(https.post).toHaveBeenCalledTimes(1);
    const { url, body, headers } = https.post.mock.calls[0][0];
    expect(url).toBe(URL);
    expect(headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(body)).toEqual({
      recordType: 'invoice',
      id: '812',
      externalId: 'SF-INV-1',
      event: 'create',
      lastModified: '2026-11-26T21:00:00.000Z',
      fields: {
        tranid: 'INV-812',
        entity: '7',
        createdfrom: null,
        trandate: '2026-11-26T00:00:00.000Z',
        duedate: null,
        status: 'Open',
        total: 99.5,
        amountremaining: 99.5,
      },
    });
    const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(headers['X-NSC-Signature']);
    expect(match).not.toBeNull();
    expect(Number(match[1])).toBeGreaterThanOrEqual(before);
    expect(match[2]).toBe(createHmac('sha256', SECRET).update(`${match[1]}.${body}`).digest('hex'));
  });

  it('reports a delete from the old record', () => {
    afterSubmit(context('delete', undefined, recordOf('customer', 5, { entityid: 'C5' })));
    const payload = JSON.parse(https.post.mock.calls[0][0].body);
    expect(payload).toMatchObject({ recordType: 'customer', id: '5', event: 'delete', externalId: null, fields: { entityid: 'C5' } });
  });

  it('never throws when the relay is unreachable, and logs it', () => {
    https.post.mockImplementation(() => {
      throw Object.assign(new Error('Connection refused'), { name: 'SSS_CONNECTION_CLOSED' });
    });
    expect(() => afterSubmit(context('edit', invoice))).not.toThrow();
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ title: 'relay unreachable', details: expect.stringContaining('SSS_CONNECTION_CLOSED') }));
  });

  it('logs a refusal without throwing and without leaking the secret', () => {
    https.post.mockReturnValue({ code: 401, body: '{"error":{}}' });
    expect(() => afterSubmit(context('edit', invoice))).not.toThrow();
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ details: 'invoice 812 edit: HTTP 401' }));
    expect(JSON.stringify(log.error.mock.calls)).not.toContain(SECRET);
  });

  it('does nothing but note it when the deployment lacks the URL or secret', () => {
    scriptWith({ parameters: { [PARAM_URL]: URL } });
    afterSubmit(context('create', invoice));
    expect(https.post).not.toHaveBeenCalled();
    expect(log.audit).toHaveBeenCalledWith(expect.objectContaining({ title: 'change notifier not configured' }));
  });

  it('ignores events it does not report (view, copy)', () => {
    afterSubmit(context('view', invoice));
    afterSubmit(context('copy', invoice));
    expect(https.post).not.toHaveBeenCalled();
  });
});
