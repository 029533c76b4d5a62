import { createElement } from '@lwc/engine-dom';
import NetsuiteOrderStatus from 'c/netsuiteOrderStatus';
import getOrderStatus from '@salesforce/apex/OrderStatusController.getOrderStatus';

const mockStatus = require('./data/getOrderStatus.json');

jest.mock(
    '@salesforce/apex/OrderStatusController.getOrderStatus',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);

function mount() {
    const element = createElement('c-netsuite-order-status', { is: NetsuiteOrderStatus });
    element.recordId = '801000000000001AAA';
    document.body.appendChild(element);
    return element;
}

const flush = () => Promise.resolve();

describe('c-netsuite-order-status', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('asks the controller for the Order on the page', async () => {
        mount();
        await flush();
        expect(getOrderStatus.getLastConfig()).toEqual({ orderId: '801000000000001AAA' });
    });

    it('shows the sales order number, status label and total', async () => {
        const element = mount();
        getOrderStatus.emit(mockStatus);
        await flush();
        expect(element.shadowRoot.querySelector('.tran-id').textContent).toBe('SO-555');
        expect(element.shadowRoot.querySelector('.status').textContent).toBe('Pending Billing');
        const total = element.shadowRoot.querySelector('.total lightning-formatted-number');
        expect(total.value).toBe(1200.5);
        expect(total.currencyCode).toBe('USD');
        await expect(element).toBeAccessible();
    });

    it('shows the error panel when the Order has no sales order yet', async () => {
        const element = mount();
        getOrderStatus.error({ message: 'NOT_LINKED: Order has no NetSuite sales order yet' });
        await flush();
        const panel = element.shadowRoot.querySelector('c-error-panel');
        expect(panel).not.toBeNull();
        expect(panel.friendlyMessage).toBe('The NetSuite sales order is unavailable');
        expect(element.shadowRoot.querySelector('.tran-id')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
