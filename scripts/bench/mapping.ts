/**
 * `npm run bench -- --only mapping`: precision and recall of mapping suggestions on the labelled schema pairs in
 * test/mapping-eval (dev split used for tuning, test split, held-out splits fresh.. in SPLITS, each written after the previous look; see test/mapping-eval/README.md), and of anomaly detection on
 * seeded anomalies (dev seed 1 used for tuning, held-out seed 2). Figures are printed, not asserted.
 */
import { performance } from 'node:perf_hooks';
import { loadPairs, scoreSuggestions, SPLITS } from '../../test/mapping-eval/pairs.js';
import { suggestMappings } from '../../relay/src/mapping/suggest/suggest.js';
import { scoreAnomalies } from '../../test/mapping-eval/anomalies.js';
import { MappingRegistry } from '../../relay/src/mapping/registry.js';
import { previewMapping } from '../../relay/src/mapping/preview.js';

export default {
  name: 'mapping',
  async run(opts: { quick: boolean; log?: (line: string) => void }): Promise<Record<string, number | string>> {
    const out: Record<string, number | string> = {};
    const pairs = loadPairs();
    for (const split of SPLITS) {
      const subset = pairs.filter((p) => p.split === split);
      const t0 = performance.now();
      const s = await scoreSuggestions(subset);
      const ms = performance.now() - t0;
      out[`suggest_${split}_pairs`] = s.pairs;
      out[`suggest_${split}_targets`] = s.targets;
      out[`suggest_${split}_precision`] = s.precision;
      out[`suggest_${split}_recall`] = s.recall;
      out[`suggest_${split}_silence_on_unmappable`] = s.silence;
      out[`suggest_${split}_ms_per_pair`] = Math.round((ms / Math.max(1, s.pairs)) * 10) / 10;
      for (const e of s.errors) opts.log?.(`  mapping ${split}: ${e}`);
    }
    // Latency on one wide pair: distinct Salesforce fields of the set against distinct NetSuite fields, 800 a side
    // (the most the suggest route accepts).
    const distinct = (system: 'salesforce' | 'netsuite') => {
      const seen = new Map<string, (typeof pairs)[number]['source']['fields'][number]>();
      for (const p of pairs) for (const side of [p.source, p.target]) if (side.system === system) for (const f of side.fields) if (!seen.has(f.name)) seen.set(f.name, f);
      return [...seen.values()].slice(0, 800);
    };
    const wideSource = { system: 'salesforce' as const, object: 'Wide__c', fields: distinct('salesforce') };
    const wideTarget = { system: 'netsuite' as const, object: 'customrecord_wide', fields: distinct('netsuite') };
    const tw = performance.now();
    await suggestMappings(wideSource, wideTarget);
    out.suggest_wide_fields = `${wideSource.fields.length}x${wideTarget.fields.length}`;
    out.suggest_wide_ms = Math.round(performance.now() - tw);
    const all = await scoreSuggestions(pairs);
    out.suggest_all_precision = all.precision;
    out.suggest_all_recall = all.recall;

    const n = opts.quick ? 150 : 400;
    for (const [label, seed] of [['dev', 1], ['heldout', 2]] as const) {
      const a = await scoreAnomalies(seed, n);
      out[`anomaly_${label}_orders`] = a.orders;
      out[`anomaly_${label}_seeded`] = a.seeded;
      out[`anomaly_${label}_precision`] = a.precision;
      out[`anomaly_${label}_recall`] = a.recall;
      for (const [fam, pr] of Object.entries(a.byFamily)) {
        out[`anomaly_${label}_${fam}_precision`] = pr.precision;
        out[`anomaly_${label}_${fam}_recall`] = pr.recall;
      }
      out[`duplicates_${label}_precision`] = a.duplicates.precision;
      out[`duplicates_${label}_recall`] = a.duplicates.recall;
    }

    // Throughput of a full preview (map + validate) of an Account, for sizing.
    const registry = new MappingRegistry({ crosswalk: { subsidiary: { default: '1' }, currency: { USD: '1' } } });
    const rec = { Id: '001000000000001AAA', Name: 'Acme Corporation', Phone: '(415) 555-2671', BillingStreet: '1 Market St', BillingCity: 'San Francisco', BillingState: 'California', BillingPostalCode: '94105', BillingCountry: 'United States', CurrencyIsoCode: 'USD' };
    const iterations = opts.quick ? 200 : 1000;
    await previewMapping({ registry }, { mapping: 'account-customer', from: 'salesforce', record: rec });
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) await previewMapping({ registry }, { mapping: 'account-customer', from: 'salesforce', record: { ...rec, Id: `001000000000${String(i).padStart(3, '0')}AAA` } });
    out.preview_account_per_second = Math.round(iterations / ((performance.now() - t0) / 1000));
    return out;
  },
};
