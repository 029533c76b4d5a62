import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/ldsUtils';

export default class ErrorPanel extends LightningElement {
    /** Friendly summary shown above the details. */
    @api friendlyMessage = 'Error retrieving data';
    /** One error or a list of errors (LDS, Apex or JS). */
    @api errors;

    get errorMessages() {
        return reduceErrors(this.errors);
    }
}
