/**
 * The connected app the relay logs in with: a fresh RSA key pair per emulator start, the private key
 * written to a 0600 temp file (never committed), the public key used to check JWT bearer assertions.
 */
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ConnectedApp {
  clientId: string;
  publicKey: KeyObject;
  privateKeyPem: string;
  privateKeyFile: string;
  /** Removes the temp key file and its folder. */
  dispose(): Promise<void>;
}

/** Consumer keys look like `3MVG9…` followed by ~80 base64-ish characters. */
function consumerKey(): string {
  return `3MVG9${randomBytes(60).toString('base64').replace(/[+/=]/g, '').slice(0, 80)}`;
}

export async function createConnectedApp(clientId?: string): Promise<ConnectedApp> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const dir = await mkdtemp(join(tmpdir(), 'sf-emulator-'));
  const privateKeyFile = join(dir, 'connected-app.key');
  await writeFile(privateKeyFile, privateKeyPem, { mode: 0o600 });
  return {
    clientId: clientId ?? consumerKey(),
    publicKey,
    privateKeyPem,
    privateKeyFile,
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
