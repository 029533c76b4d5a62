import { LightningElement, api, wire } from 'lwc';
import getAccountFinancials from '@salesforce/apex/AccountFinancialsController.getAccountFinancials';

const INVOICE_COLUMNS = [
    { label: 'Invoice', fieldName: 'tranId' },
    { label: 'Due', fieldName: 'dueDate', type: 'date-local' },
    { label: 'Total', fieldName: 'total', type: 'currency', typeAttributes: { currencyCode: { fieldName: 'currency' } } },
    {
        label: 'Remaining',
        fieldName: 'amountRemaining',
        type: 'currency',
        typeAttributes: { currencyCode: { fieldName: 'currency' } }
    },
    { label: 'Status', fieldName: 'status' }
];

/** NetSuite's financial truth for the customer linked to this Account. */
export default class NetsuiteAccountFinancials extends LightningElement {
    @api recordId;
    columns = INVOICE_COLUMNS;

    @wire(getAccountFinancials, { accountId: '$recordId' })
    financials;

    get summary() {
        return this.financials?.data;
    }

    get invoices() {
        const currency = this.summary?.currency;
        return (this.summary?.openInvoices ?? []).map((invoice) => ({ ...invoice, currency }));
    }

    get hasInvoices() {
        return this.invoices.length > 0;
    }

    get isOnHold() {
        return this.summary?.creditHold === 'on';
    }
}
