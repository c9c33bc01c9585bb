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
