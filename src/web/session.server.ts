export const SESSION_COOKIE = "orbis_session";
const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

function cookie(value: string, maxAge: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? "; Secure" : ""}`;
}

/** Set-Cookie for a fresh session; the server keeps only its hash. */
export const sessionCookie = (token: string, secure: boolean) => cookie(token, SESSION_MAX_AGE_SECONDS, secure);

export const expiredSessionCookie = (secure: boolean) => cookie("", 0, secure);

/**
 * Where to go after signing in: only a path on this site, so a crafted ?next= cannot send the
 * person elsewhere (//evil.example and /\evil.example are other sites to a browser).
 */
export function safeNext(next: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  const url = new URL(next, "http://orbis.invalid");
  return url.origin === "http://orbis.invalid" ? url.pathname + url.search + url.hash : fallback;
}
