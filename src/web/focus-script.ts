/**
 * The one inline script every page carries (root.tsx): after a failed post the page comes back
 * with its error summary, focused for keyboard and screen-reader users. Kept here so the server
 * can allow it by its hash on shared, cached pages, which carry no nonce (decision 0017).
 */
export const focusErrorSummary = `document.querySelector('.form-error[role="alert"][tabindex="-1"]')?.focus();`;
