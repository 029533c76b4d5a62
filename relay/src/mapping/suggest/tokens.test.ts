import { describe, expect, it } from 'vitest';
import { abbreviates, concepts, conceptSimilarity, expandTokens, rawTokens, sharesStem } from './tokens.js';

const keys = (s: string, o = {}) => [...concepts(s, o).items.keys()];

describe('tokens and concepts', () => {
  it('splits camelCase, snake_case, __c, namespaces and NetSuite custom prefixes', () => {
    expect(rawTokens('BillingPostalCode')).toEqual(['billing', 'postal', 'code']);
    expect(rawTokens('nsc__Inv_Dt__c')).toEqual(['inv', 'dt']);
    expect(rawTokens('custentity_budget_amount')).toEqual(['budget', 'amount']);
    expect(rawTokens('NetSuite_Internal_Id__c')).toEqual(['netsuite', 'internal', 'id']);
    expect(rawTokens('Invoice #')).toEqual(['invoice', '#']);
    expect(rawTokens('addr1')).toEqual(['addr', '1']);
  });
  it('expands abbreviations and folds synonyms into concepts', () => {
    expect(keys('Inv_Dt__c')).toEqual(['transaction_date']);
    expect(keys('zip')).toEqual(keys('Postal Code'));
    expect(keys('url')).toEqual(keys('Website'));
    expect(keys('memo')).toEqual(keys('Description'));
    expect(keys('salesRep')).toEqual(keys('OwnerId', { isReference: true }));
    expect(keys('tranDate')).toEqual(keys('Close Date'));
    expect(keys('externalId')).toEqual(keys('Id'));
    expect(keys('Invoice #')).toEqual(['document_number']);
  });
  it('reads "NetSuite Id" on the other side as the internal id, but not "NetSuite Entity Id"', () => {
    expect(keys('NS_Emp_Id__c')).toEqual(['internal_id']);
    expect(keys('NetSuite_Id__c')).toEqual(['internal_id']);
    expect(keys('NetSuite_Entity_Id__c')).toEqual(['entity_number']);
    // Ref and Key mark a stored id as much as Id does.
    expect(keys('NS_Item_Ref__c')).toEqual(['internal_id']);
    expect(keys('NetSuite_Emp_Key__c')).toEqual(['internal_id']);
    expect(keys('NS_Order_Status__c')).not.toEqual(['internal_id']);
  });
  it('drops the id suffix of references and reads a company reference as the customer', () => {
    expect(keys('AccountId', { isReference: true })).toEqual(['customer']);
    expect(keys('Company', { isReference: true })).toEqual(['customer']);
  });
  it('weighs the object name down', () => {
    const c = concepts('Account Phone', { objectTokens: new Set(['account']) });
    expect(c.items.get('phone')).toBe(1);
  });
  it('recognises abbreviations it has no entry for', () => {
    expect(abbreviates('wgt', 'weight')).toBe(true);
    expect(abbreviates('ref', 'reference')).toBe(true);
    expect(abbreviates('xy', 'weight')).toBe(false);
    const s = conceptSimilarity(concepts('Wgt_Tol__c'), concepts('weightTolerance'));
    expect(s.score).toBeGreaterThan(0.5);
  });
  it('gives credit to inflections of one stem and to closed compounds', () => {
    expect(sharesStem('reconciled', 'reconciliation')).toBe(true);
    expect(sharesStem('shipped', 'shipping')).toBe(true);
    expect(sharesStem('contract', 'contact')).toBe(false);
    expect(sharesStem('state', 'statement')).toBe(false);
    const inflected = conceptSimilarity(concepts('Is_Reconciled__c'), concepts('reconciliationStatus'));
    expect(inflected.matched).toContain('reconciled~reconciliation');
    const compound = conceptSimilarity(concepts('Username'), concepts('User Name'));
    expect(compound.score).toBeGreaterThan(0.8);
    expect(compound.matched).toEqual(['username=user+name']);
    expect(conceptSimilarity(concepts('Username'), concepts('Nickname')).score).toBe(0);
  });
  it('expands common business abbreviations', () => {
    expect(keys('Whse')).toEqual(keys('Warehouse'));
    expect(keys('Prio')).toEqual(keys('Priority'));
    expect(keys('FX Rt')).toEqual(keys('Exchange Rate'));
    expect(keys('Has_Opted_Out__c')).toEqual(keys('Opted Out'));
  });
  it('does not read a known word as an abbreviation, nor a concept as shortened to a prefix', () => {
    // "item" is a word, not "incoterm" with letters dropped; "create" is not "created from".
    expect(conceptSimilarity(concepts('Item'), concepts('Incoterm')).score).toBe(0);
    expect(conceptSimilarity(concepts('Create PO'), concepts('Created From')).matched).not.toContain('create≈created_from');
    // An unknown short form still abbreviates, and a concept may be named by its first word.
    expect(conceptSimilarity(concepts('Mkdn'), concepts('Markdown')).score).toBeGreaterThan(0);
    expect(conceptSimilarity(concepts('Wgt'), concepts('Weight')).score).toBeGreaterThan(0);
    expect(conceptSimilarity(concepts('Start'), concepts('Start Date')).score).toBeGreaterThan(0);
  });
  it('weighs less a match whose named things differ (both last words unmatched)', () => {
    const differ = conceptSimilarity(concepts('Billing Schedule'), concepts('Bill To Contact'));
    expect(differ.headMismatch).toBe(true);
    const same = conceptSimilarity(concepts('Billing Contact'), concepts('Bill To Contact'));
    expect(same.headMismatch).toBeUndefined();
    expect(differ.score).toBeLessThan(conceptSimilarity(concepts('Billing Schedule'), concepts('Billing Contact')).score + 1e-9);
    // A generic last word ("date") does not count as a different thing.
    expect(conceptSimilarity(concepts('Ship Date'), concepts('Shipping Date Requested')).headMismatch).toBeUndefined();
  });
  it('drops what a label says is excluded ("Contract Total (excl. Tax)")', () => {
    expect(keys('Contract Total (excl. Tax)')).toEqual(keys('Contract Total'));
    expect(keys('Amount without Freight')).toEqual(keys('Amount'));
    // An exclusion word at the start is the field's own subject, not a qualifier.
    expect(keys('Excluding Reason').length).toBeGreaterThan(0);
  });
  it('reads month names as period numbers and keeps differently numbered siblings apart', () => {
    expect(conceptSimilarity(concepts('Feb Amt'), concepts('periodAmount2')).score).toBeGreaterThan(0.7);
    expect(keys('September Budget').sort()).toEqual(keys('Budget 9').sort());
    const sibling = conceptSimilarity(concepts('Feb Amt'), concepts('periodAmount1')).score;
    expect(sibling).toBeLessThan(0.35);
    expect(conceptSimilarity(concepts('Aging Bucket 1'), concepts('Aging Bucket 2')).score).toBeLessThan(0.5 * conceptSimilarity(concepts('Aging Bucket 1'), concepts('Aging Bucket 1')).score);
  });
  it('keeps contractions whole, in labels and in API names', () => {
    expect(rawTokens("Rec'd Date")).toEqual(['recd', 'date']);
    expect(rawTokens('Install_Req_d__c')).toEqual(['install', 'reqd']);
    expect(expandTokens(rawTokens('Rec_d_Dt__c'))).toEqual(['received', 'date']);
    expect(rawTokens('Vitamin_D__c')).toEqual(['vitamin', 'd']);
  });
  it('reads $ as an amount, as # is a number and % a percent', () => {
    expect(expandTokens(rawTokens('Agency Comm $'))).toEqual(['agency', 'commission', 'amount']);
  });
  it('expands industry abbreviations, and leaves the base ones as they were', () => {
    expect(expandTokens(rawTokens('BOL #'))).toEqual(['bill', 'lading', 'number']);
    expect(expandTokens(rawTokens('DOS__c'))).toEqual(['date', 'service']);
    expect(expandTokens(rawTokens('Inv Amt'))).toEqual(['invoice', 'amount']);
  });
});
