export const SESSION_COOKIE = "orbis_session";
const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

function cookie(value: string, maxAge: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? "; Secure" : ""}`;
}

/** Set-Cookie for a fresh session; the server keeps only its hash. */
export const sessionCookie = (token: string, secure: boolean) => cookie(token, SESSION_MAX_AGE_SECONDS, secure);

export const expiredSessionCookie = (secure: boolean) => cookie("", 0, secure);

const base = "http://orbis.invalid";

/**
 * Where to go after signing in: only a path on this site, so a crafted ?next= cannot send the
 * person elsewhere. The check is made on the path as the browser will read it, after dot segments
 * and backslashes are resolved: `/.//evil.example` and `/%2e%2e//evil.example` become
 * `//evil.example`, which is another site to a browser, and so is anything starting `/\`.
 */
export function safeNext(next: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof next !== "string" || !next.startsWith("/")) return fallback;
  const url = new URL(next, base);
  const location = url.pathname + url.search + url.hash;
  return url.origin === base && !/^\/[/\\]/.test(location) ? location : fallback;
}
