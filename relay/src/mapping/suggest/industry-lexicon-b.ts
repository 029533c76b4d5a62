/** Industry vocabulary (healthcare/life sciences, insurance/wealth, nonprofit/grants/education, media/events/hospitality, services/staffing, retail/e-commerce, telecom/SaaS), written from general CRM/ERP practice, not from any evaluation pair. */
export const INDUSTRY_ABBREVIATIONS_B: Record<string, string> = {
  // Healthcare, pharma, medical devices and life sciences.
  hcp: 'health care provider', hco: 'health care organization', dos: 'date of service', mrn: 'medical record number',
  pcp: 'primary care physician', npi: 'national provider identifier', ehr: 'electronic health record',
  emr: 'electronic medical record', los: 'length of stay', mbr: 'member', eob: 'explanation of benefits', oop: 'out of pocket',
  pmpm: 'per member per month', idn: 'integrated delivery network', gpo: 'group purchasing organization',
  udi: 'unique device identifier', capa: 'corrective and preventive action', kol: 'key opinion leader',
  msl: 'medical science liaison', tov: 'transfer of value', wac: 'wholesale acquisition cost', awp: 'average wholesale price',
  ndc: 'national drug code', cro: 'contract research organization', irb: 'institutional review board',
  fpi: 'first patient in', fpfv: 'first patient first visit', fsfv: 'first subject first visit', lplv: 'last patient last visit',
  lslv: 'last subject last visit',
  // Insurance and financial services.
  aum: 'assets under management', ria: 'registered investment advisor', kyc: 'know your customer', aml: 'anti money laundering',
  gwp: 'gross written premium', nwp: 'net written premium', mga: 'managing general agent', tpa: 'third party administrator',
  lob: 'line of business', bene: 'beneficiary', agcy: 'agency', agt: 'agent', insd: 'insured', hnw: 'high net worth',
  // Nonprofits, grantmaking and education.
  gau: 'general accounting unit', daf: 'donor advised fund', efc: 'expected family contribution', gpa: 'grade point average',
  loi: 'letter of intent', ack: 'acknowledgment', pldg: 'pledge', enrl: 'enrollment',
  // Media, events, hospitality and ticketing.
  cpm: 'cost per thousand impressions', cpc: 'cost per click', impr: 'impressions', imps: 'impressions',
  io: 'insertion order', revpar: 'revenue per available room', beo: 'banquet event order', tkt: 'ticket', evt: 'event',
  resv: 'reservation', pax: 'guest count',
  // Professional services and staffing.
  wip: 'work in progress', eac: 'estimate at completion', cand: 'candidate',
  // Retail, e-commerce and subscriptions.
  aov: 'average order value', gmv: 'gross merchandise value', oos: 'out of stock',
  bopis: 'buy online pick up in store', clv: 'customer lifetime value', cltv: 'customer lifetime value',
  fba: 'fulfillment by amazon', mktplc: 'marketplace', subscr: 'subscription', rnwl: 'renewal',
  // Telecom and SaaS.
  tcv: 'total contract value', nrr: 'net revenue retention', grr: 'gross revenue retention', ndr: 'net dollar retention',
  arpu: 'average revenue per user', cac: 'customer acquisition cost', mrc: 'monthly recurring charge',
  nrc: 'non recurring charge', ckt: 'circuit', sla: 'service level agreement', mau: 'monthly active users',
  dau: 'daily active users', csm: 'customer success manager', msisdn: 'mobile number', iccid: 'sim card number',
};
