/**
 * Reduces one or more LDS, Apex or JavaScript errors into a list of readable messages.
 * The one error path of the package's components (after lwc-recipes ldsUtils).
 * @param {FetchResponse|FetchResponse[]} errors
 * @return {String[]} messages
 */
export function reduceErrors(errors) {
    if (!Array.isArray(errors)) {
        errors = [errors];
    }
    return errors
        .filter((error) => !!error)
        .map((error) => {
            if (Array.isArray(error.body)) {
                return error.body.map((e) => e.message);
            } else if (error?.body?.pageErrors?.length) {
                return error.body.pageErrors.map((e) => e.message);
            } else if (error?.body?.fieldErrors && Object.keys(error.body.fieldErrors).length) {
                return Object.values(error.body.fieldErrors).flat().map((e) => e.message);
            } else if (error.body && typeof error.body.message === 'string') {
                return error.body.message;
            } else if (typeof error.message === 'string') {
                return error.message;
            }
            return error.statusText;
        })
        .flat()
        .filter((message) => !!message);
}
