import { describe, expect, test } from "vitest";
import { csrfTokensMatch, expectedCsrfToken, newCsrfToken, sessionCsrfToken } from "./csrf-check.server.ts";
import { csrfCookieName } from "./csrf-token.ts";

describe("CSRF tokens", () => {
  test("signed in, the token comes from the session: a new session, a new token; the anonymous cookie no longer counts", () => {
    const cookie = newCsrfToken();
    const first = newCsrfToken();
    const second = newCsrfToken();
    expect(expectedCsrfToken(first, cookie)).toBe(sessionCsrfToken(first));
    expect(sessionCsrfToken(first)).not.toBe(sessionCsrfToken(second));
    expect(sessionCsrfToken(first)).toMatch(/^[\w-]{43}$/);
    expect(csrfTokensMatch(expectedCsrfToken(first, cookie), cookie)).toBe(false);
    expect(expectedCsrfToken(null, cookie)).toBe(cookie);
  });

  test("over TLS the cookie is __Host- prefixed", () => {
    expect(csrfCookieName(true)).toBe("__Host-orbis_csrf");
    expect(csrfCookieName(false)).toBe("orbis_csrf");
  });
});
