import { reduceErrors } from 'c/ldsUtils';

describe('c-lds-utils', () => {
    it('reduces Apex, LDS page/field errors and JS errors to messages', () => {
        expect(
            reduceErrors([
                { body: { message: 'Apex failed' } },
                { body: [{ message: 'UI API one' }, { message: 'UI API two' }] },
                { body: { pageErrors: [{ message: 'Page error' }] } },
                { body: { fieldErrors: { Name: [{ message: 'Name is required' }] } } },
                new Error('JS error'),
                { statusText: 'Server Error' },
                null
            ])
        ).toEqual(['Apex failed', 'UI API one', 'UI API two', 'Page error', 'Name is required', 'JS error', 'Server Error']);
    });

    it('accepts a single error', () => {
        expect(reduceErrors({ body: { message: 'only one' } })).toEqual(['only one']);
    });
});
