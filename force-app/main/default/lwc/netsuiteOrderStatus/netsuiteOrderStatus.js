import { LightningElement, api, wire } from 'lwc';
import getOrderStatus from '@salesforce/apex/OrderStatusController.getOrderStatus';

/** The NetSuite sales order created from this Order: number, status and total, read live. */
export default class NetsuiteOrderStatus extends LightningElement {
    @api recordId;

    @wire(getOrderStatus, { orderId: '$recordId' })
    status;

    get salesOrder() {
        return this.status?.data?.salesOrder;
    }
}
