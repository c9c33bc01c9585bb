/**
 * The CSRF token of the UI's forms, in a hidden field (components/csrf.tsx). Signed in, it is
 * derived from the session; anonymous, it is a random token also kept in an HttpOnly cookie
 * (double submit). Checked in one place, csrf-check.server.ts.
 */
export const CSRF_COOKIE = "orbis_csrf";
export const CSRF_FIELD = "_csrf";

/** Over TLS the cookie takes the `__Host-` prefix: only this host, path /, Secure, so no sibling domain can plant one. */
export const csrfCookieName = (secure: boolean) => (secure ? `__Host-${CSRF_COOKIE}` : CSRF_COOKIE);
