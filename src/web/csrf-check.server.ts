import crypto from "node:crypto";

/**
 * The one CSRF check, for both places that answer UI form posts: the root route's middleware
 * (csrf.server.ts) and the upload forms Fastify answers itself (src/http/media-forms.ts), which
 * is why it uses neither JSX nor React Router. Constant time; a missing half never matches.
 */
export function csrfTokensMatch(fromCookie: string | undefined, submitted: string | undefined): boolean {
  if (!fromCookie || !submitted) return false;
  const left = Buffer.from(fromCookie);
  const right = Buffer.from(submitted);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

export function newCsrfToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/**
 * The token of a signed-in person's forms, derived from their session (which no other site can
 * read): a new one with every sign-in, worthless with any other session, whatever cookie a
 * network attacker or a sibling domain planted before.
 */
export function sessionCsrfToken(sessionToken: string): string {
  return crypto.createHash("sha256").update(`orbis-csrf:${sessionToken}`).digest("base64url");
}

/** What a form must carry: the session's token when signed in by session, else the anonymous cookie's. */
export function expectedCsrfToken(sessionToken: string | null | undefined, cookieToken: string | undefined): string | undefined {
  return sessionToken ? sessionCsrfToken(sessionToken) : cookieToken;
}
