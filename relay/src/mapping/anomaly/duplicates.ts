import type { AnomalyPolicy } from '../overrides.js';
import type { AnomalyFinding } from './detectors.js';
import { emailDomain, normalizedAddressKey, normalizedCompanyKey, toE164, websiteDomain, clean } from '../cleansing.js';

/** A customer or contact as compared for duplicates. */
export interface PartyLike {
  id: string;
  name: string;
  email?: string;
  website?: string;
  phone?: string;
  street?: string;
  city?: string;
  postalCode?: string;
  country?: string;
}

export const DUPLICATE_SETTINGS = { threshold: 0.62, nameWeight: 0.5, domainWeight: 0.2, phoneWeight: 0.15, addressWeight: 0.15 };

/** Jaro-Winkler similarity in [0, 1]. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  if (!a.length || !b.length) return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const am = new Array<boolean>(a.length).fill(false);
  const bm = new Array<boolean>(b.length).fill(false);
  let m = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = Math.max(0, i - range); j < Math.min(b.length, i + range + 1); j++)
      if (!bm[j] && a[i] === b[j]) {
        am[i] = bm[j] = true;
        m++;
        break;
      }
  if (!m) return 0;
  let t = 0;
  for (let i = 0, k = 0; i < a.length; i++) {
    if (!am[i]) continue;
    while (!bm[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (m / a.length + m / b.length + (m - t / 2) / m) / 3;
  let p = 0;
  while (p < 4 && a[p] === b[p]) p++;
  return jaro + p * 0.1 * (1 - jaro);
}

const tokens = (s: string) => new Set(s.split(' ').filter(Boolean));
function tokenJaccard(a: string, b: string): number {
  const A = tokens(a);
  const B = tokens(b);
  if (!A.size || !B.size) return 0;
  let inter = 0;
  for (const t of A) if (B.has(t)) inter++;
  return inter / (A.size + B.size - inter);
}

const FREE_MAIL = new Set(['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com', 'aol.com', 'gmx.de', 'proton.me']);

/** Similarity of two parties with the signals that agreed, for an explained finding. */
export function partySimilarity(a: PartyLike, b: PartyLike): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  const na = normalizedCompanyKey(a.name);
  const nb = normalizedCompanyKey(b.name);
  const nameSim = na && nb ? Math.max(jaroWinkler(na, nb) * (0.5 + 0.5 * tokenJaccard(na, nb)), na === nb ? 1 : 0) : 0;
  if (nameSim >= 0.85) reasons.push(na === nb ? `same normalised name "${na}"` : `similar names "${clean(a.name)}" / "${clean(b.name)}" (${nameSim.toFixed(2)})`);
  const domA = websiteDomain(a.website) ?? emailDomain(a.email);
  const domB = websiteDomain(b.website) ?? emailDomain(b.email);
  const domain = domA && domB && domA === domB && !FREE_MAIL.has(domA) ? 1 : 0;
  if (domain) reasons.push(`same domain ${domA}`);
  const pa = toE164(a.phone, a.country ?? 'US');
  const pb = toE164(b.phone, b.country ?? 'US');
  const phone = pa && pb && pa === pb ? 1 : 0;
  if (phone) reasons.push(`same phone ${pa}`);
  const ka = a.street ? normalizedAddressKey(a.street, a.city, a.postalCode) : '';
  const kb = b.street ? normalizedAddressKey(b.street, b.city, b.postalCode) : '';
  const address = ka && kb ? (ka === kb ? 1 : jaroWinkler(ka, kb) > 0.93 ? 0.7 : 0) : 0;
  if (address) reasons.push(address === 1 ? 'same address' : 'near-identical address');
  const s = DUPLICATE_SETTINGS;
  // Weights of the signals both records actually carry, so missing data neither helps nor hurts.
  const present = [[nameSim, s.nameWeight, true], [domain, s.domainWeight, !!(domA && domB)], [phone, s.phoneWeight, !!(pa && pb)], [address, s.addressWeight, !!(ka && kb)]] as const;
  const wsum = present.reduce((t, [, w, has]) => t + (has ? w : 0), 0);
  const score = present.reduce((t, [v, w, has]) => t + (has ? v * w : 0), 0) / wsum;
  // A strong identifier match (domain or phone) alongside a plausible name is a duplicate on its own.
  const boosted = (domain || phone) && nameSim >= 0.75 ? Math.max(score, 0.8) : score;
  return { score: boosted, reasons };
}

/** Likely duplicates of `candidate` among `existing` (customers or contacts), best first. */
export function findDuplicates(candidate: PartyLike, existing: readonly PartyLike[], policy: AnomalyPolicy, record: string, kind = 'customer'): AnomalyFinding[] {
  const out: AnomalyFinding[] = [];
  for (const other of existing) {
    if (other.id === candidate.id) continue;
    const { score, reasons } = partySimilarity(candidate, other);
    if (score < DUPLICATE_SETTINGS.threshold) continue;
    const action = policy.duplicate;
    out.push({
      code: 'DUPLICATE_LIKELY',
      field: 'name',
      record,
      message: `Likely duplicate of ${kind} ${other.id} "${other.name}": ${reasons.join(', ')} (score ${score.toFixed(2)})`,
      suggestedFix: `Merge the two ${kind}s, or link this record to ${other.id} instead of creating a new one.`,
      severity: action === 'block' ? 'error' : action === 'hold' ? 'warning' : 'info',
      score: Math.round(Math.min(score, 0.999) * 1000) / 1000,
      action,
      family: 'duplicate',
      evidence: { other: other.id, reasons: reasons.join('; ') },
    });
  }
  return out.filter((f) => f.score >= policy.minScore).sort((a, b) => b.score - a.score);
}
