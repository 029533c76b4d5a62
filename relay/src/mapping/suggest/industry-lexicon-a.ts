/** Industry vocabulary (construction, real estate, logistics, manufacturing, energy, agriculture, dealers/rental, field service), written from general CRM/ERP practice, not from any evaluation pair. */
export const INDUSTRY_ABBREVIATIONS_A: Record<string, string> = {
  // Construction & contracting.
  rfi: 'request for information', rfq: 'request for quote', rfp: 'request for proposal', sov: 'schedule of values',
  ntp: 'notice to proceed', pco: 'potential change order', wip: 'work in progress', chng: 'change', supt: 'superintendent',
  matl: 'material', mtl: 'material', lbr: 'labor', eqp: 'equipment', eqpt: 'equipment', ovhd: 'overhead',
  // Real estate & property management.
  cam: 'common area maintenance', noi: 'net operating income', tia: 'tenant improvement allowance', psf: 'per square foot',
  sqft: 'square feet', sqm: 'square meters', rsf: 'rentable square feet', gla: 'gross leasable area', nnn: 'triple net',
  loi: 'letter of intent', hoa: 'homeowners association', mls: 'multiple listing service', bldg: 'building',
  // Logistics, freight & customs.
  bol: 'bill of lading', hbl: 'house bill of lading', mbl: 'master bill of lading', awb: 'air waybill',
  hawb: 'house air waybill', mawb: 'master air waybill',
  atd: 'actual departure', ata: 'actual arrival', teu: 'twenty foot equivalent units', fcl: 'full container load',
  lcl: 'less than container load', ltl: 'less than truckload', ftl: 'full truckload', frt: 'freight', ctnr: 'container',
  ctn: 'carton', shpr: 'shipper', cnee: 'consignee', delv: 'delivery', deliv: 'delivery', pkup: 'pickup',
  appt: 'appointment', lfd: 'last free day', asn: 'advance shipping notice',
  '3pl': 'third party logistics', cbm: 'cubic meters', cuft: 'cubic feet', pcs: 'pieces', pkgs: 'packages', intl: 'international', whs: 'warehouse', trlr: 'trailer', drvr: 'driver',
  // Manufacturing & distribution.
  bom: 'bill of materials', mrp: 'material requirements planning', moq: 'minimum order quantity', rop: 'reorder point',
  qoh: 'quantity on hand', grn: 'goods received note', ncr: 'nonconformance report', capa: 'corrective and preventive action',
  ecn: 'engineering change notice', ecr: 'engineering change request', assy: 'assembly', ppv: 'purchase price variance',
  reqn: 'requisition', rcv: 'receive', rcvg: 'receiving', insp: 'inspection', msds: 'safety data sheet', sds: 'safety data sheet',
  // Energy, utilities & mining.
  kwh: 'kilowatt hours', mwh: 'megawatt hours', mcf: 'thousand cubic feet', mmbtu: 'million british thermal units',
  bbl: 'barrels', ccf: 'hundred cubic feet', dmt: 'dry metric tonnes', wmt: 'wet metric tonnes',
  afe: 'authorization for expenditure', nri: 'net revenue interest', orri: 'overriding royalty interest', jib: 'joint interest billing',
  // Agriculture.
  cwt: 'hundredweight',
  // Automotive & equipment dealers, rental and leasing.
  vin: 'vehicle identification number', odo: 'odometer', stk: 'stock', veh: 'vehicle', mdl: 'model',
  gvwr: 'gross vehicle weight rating', gvw: 'gross vehicle weight',
  // Field service.
  sla: 'service level agreement', mttr: 'mean time to repair', mtbf: 'mean time between failures', calib: 'calibration',
};
