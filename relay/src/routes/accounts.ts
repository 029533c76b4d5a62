import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z, ZodError } from 'zod';
import { AppError } from '../http/errors.js';
import { toFinancialSummary } from '../financials/summary.js';

/** A Salesforce record id: 15 or 18 case-sensitive alphanumerics. */
export const salesforceId = z
  .string()
  .regex(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/, 'must be a 15- or 18-character Salesforce id');

export interface AccountRoutesDeps {
  /**
   * Calls the financial-summary RESTlet for the customer whose externalId is the Account id
   * (customers created from Salesforce carry it). Resolves to the RESTlet's JSON, or undefined
   * when NetSuite has no such customer.
   */
  fetchFinancialSummary(query: { externalId: string }): Promise<unknown>;
}

/** GET /accounts/:id/financials — NetSuite's financial truth for a Salesforce Account. */
export function accountRoutes(deps: AccountRoutesDeps): Hono {
  const app = new Hono();
  app.get(
    '/:id/financials',
    zValidator('param', z.object({ id: salesforceId }), (result) => {
      if (!result.success) {
        throw new AppError('INVALID_ID', 'The account id must be a 15- or 18-character Salesforce id', 400, {
          field: 'id',
        });
      }
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const raw = await deps.fetchFinancialSummary({ externalId: id });
      if (raw === undefined) {
        throw new AppError('NOT_LINKED', `Account ${id} has no NetSuite customer yet`, 404, { accountId: id });
      }
      try {
        return c.json(toFinancialSummary(id, raw));
      } catch (err) {
        if (err instanceof ZodError) {
          throw new AppError(
            'NETSUITE_BAD_ANSWER',
            `NetSuite's financial summary for Account ${id} is malformed`,
            502,
            {
              issues: err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
            },
          );
        }
        throw err;
      }
    },
  );
  return app;
}
