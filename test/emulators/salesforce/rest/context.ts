/** What every REST route needs: the org, the token store, the base URL, and Hono's typed variables. */
import type { Session, TokenStore } from '../auth/token-store.js';
import type { Org } from '../org.js';
import type { DmlContext } from '../store/org-store.js';

export interface RestDeps {
  org: Org;
  tokens: TokenStore;
  baseUrl: () => string;
  /** Serves a request through the whole emulator (used by `/composite` for its subrequests). */
  dispatch: (req: Request) => Promise<Response>;
}

export type RestEnv = {
  Variables: {
    session: Session;
    /** `62.0` */
    apiVersion: string;
    dml: DmlContext;
  };
};

export const FIRST_VERSION = 31;
export const LATEST_VERSION = 66;

export function releaseLabel(major: number): string {
  const offset = major - 62;
  const season = ['Winter', 'Spring', 'Summer'][((offset % 3) + 3) % 3];
  const year = 25 + Math.floor(offset / 3);
  return `${season} '${String(year).padStart(2, '0')}`;
}

export function versions(): Array<{ label: string; url: string; version: string }> {
  const out = [];
  for (let v = FIRST_VERSION; v <= LATEST_VERSION; v++) {
    out.push({ label: releaseLabel(v), url: `/services/data/v${v}.0`, version: `${v}.0` });
  }
  return out;
}

export function isSupportedVersion(segment: string): string | undefined {
  const m = /^v(\d+)\.0$/.exec(segment);
  if (m === null) return undefined;
  const major = Number(m[1]);
  return major >= FIRST_VERSION && major <= LATEST_VERSION ? `${major}.0` : undefined;
}
