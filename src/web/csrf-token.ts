/**
 * The double-submit CSRF pair of the UI's forms: a random token in an HttpOnly cookie and the
 * same token in a hidden field (components/csrf.tsx). Checked in one place, csrf-check.server.ts.
 */
export const CSRF_COOKIE = "orbis_csrf";
export const CSRF_FIELD = "_csrf";
