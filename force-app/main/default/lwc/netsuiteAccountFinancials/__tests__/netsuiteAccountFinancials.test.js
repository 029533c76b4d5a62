import { createElement } from '@lwc/engine-dom';
import NetsuiteAccountFinancials from 'c/netsuiteAccountFinancials';
import getAccountFinancials from '@salesforce/apex/AccountFinancialsController.getAccountFinancials';

const mockSummary = require('./data/getAccountFinancials.json');
const mockEmpty = require('./data/getAccountFinancialsEmpty.json');

jest.mock(
    '@salesforce/apex/AccountFinancialsController.getAccountFinancials',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);

function mount() {
    const element = createElement('c-netsuite-account-financials', { is: NetsuiteAccountFinancials });
    element.recordId = '001000000000001AAA';
    document.body.appendChild(element);
    return element;
}

const flush = () => Promise.resolve();

describe('c-netsuite-account-financials', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('asks the controller for the record on the page', async () => {
        mount();
        await flush();
        expect(getAccountFinancials.getLastConfig()).toEqual({ accountId: '001000000000001AAA' });
    });

    it('shows balance, overdue, credit limit, hold and open invoices', async () => {
        const element = mount();
        getAccountFinancials.emit(mockSummary);
        await flush();

        const balance = element.shadowRoot.querySelector('.balance lightning-formatted-number');
        expect(balance.value).toBe(1250.5);
        expect(balance.currencyCode).toBe('USD');
        expect(element.shadowRoot.querySelector('.overdue lightning-formatted-number').value).toBe(300);
        expect(element.shadowRoot.querySelector('.credit-limit lightning-formatted-number').value).toBe(5000);
        expect(element.shadowRoot.querySelector('.credit-hold').textContent).toBe('Credit hold is on');
        const table = element.shadowRoot.querySelector('lightning-datatable');
        expect(table.data.map((row) => row.tranId)).toEqual(['INV-101', 'INV-102']);
        expect(table.data[0].currency).toBe('USD');
        await expect(element).toBeAccessible();
    });

    it('says there are no open invoices and shows no hold for a customer in good standing', async () => {
        const element = mount();
        getAccountFinancials.emit(mockEmpty);
        await flush();
        expect(element.shadowRoot.querySelector('.no-invoices')).not.toBeNull();
        expect(element.shadowRoot.querySelector('lightning-datatable')).toBeNull();
        expect(element.shadowRoot.querySelector('.credit-hold')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the error panel with the reduced message when the relay fails', async () => {
        const element = mount();
        getAccountFinancials.error({ message: 'NOT_LINKED: No NetSuite customer' });
        await flush();
        const panel = element.shadowRoot.querySelector('c-error-panel');
        expect(panel).not.toBeNull();
        expect(panel.friendlyMessage).toBe('NetSuite financials are unavailable');
        expect(element.shadowRoot.querySelector('lightning-datatable')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
