import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultXsdDir } from '../xsd/index.js';

/**
 * Serves the 2023_2 WSDL and its XSDs where NetSuite publishes them
 * (`/wsdl/v2023_2_0/netsuite.wsdl`, schemas relative to it), with the service address pointing at
 * this emulator, so a SOAP stack can build its client from the URL. Only 2023_2 is available
 * (PROTOCOL-NOTES §1.1); other versions are 404.
 */
export function wsdlRoutes(): Hono {
  const app = new Hono();
  const xsdDir = defaultXsdDir();
  const xml = { 'Content-Type': 'text/xml; charset=utf-8' };
  app.get('/wsdl/v2023_2_0/netsuite.wsdl', async (c) => {
    const wsdl = await readFile(join(xsdDir, '..', 'netsuite.wsdl'), 'utf8');
    const origin = new URL(c.req.url).origin;
    return c.body(wsdl.replace('https://webservices.netsuite.com/services/', `${origin}/services/`), 200, xml);
  });
  // The schemas import each other as `.//platform.core.xsd`, hence `xsd//name.xsd` paths too.
  app.get('/wsdl/v2023_2_0/xsd/*', async (c) => {
    const file = new URL(c.req.url).pathname.split('/').pop() ?? '';
    if (!/^[a-zA-Z.]+\.xsd$/.test(file)) return c.text('Not Found', 404);
    try {
      return c.body(await readFile(join(xsdDir, file), 'utf8'), 200, xml);
    } catch {
      return c.text('Not Found', 404);
    }
  });
  return app;
}
