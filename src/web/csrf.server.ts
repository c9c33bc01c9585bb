import { createContext, type MiddlewareFunction } from "react-router";
import { plainRefusalPage } from "./components/plain-page.server.ts";
import { appContext } from "./context.ts";
import { csrfTokensMatch, expectedCsrfToken, newCsrfToken } from "./csrf-check.server.ts";
import { CSRF_FIELD, csrfCookieName } from "./csrf-token.ts";
import { SESSION_COOKIE } from "./session.server.ts";

/** The token of this request, for the root loader to hand to <CsrfField />. */
export const csrfToken = createContext<string>("");

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * This request's token from its cookie, if it is one we could have issued (base64url, as
 * `newCsrfToken` makes them). Anything else, a cookie mangled or made up, counts as no cookie:
 * the page gets a fresh token instead of an error.
 */
function cookieToken(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) {
      const token = value.join("=");
      return /^[\w-]{20,200}$/.test(token) ? token : undefined;
    }
  }
  return undefined;
}

async function submittedToken(request: Request): Promise<string | undefined> {
  try {
    const value = (await request.clone().formData()).get(CSRF_FIELD);
    return typeof value === "string" ? value : undefined;
  } catch {
    // A body that is not a form (JSON, garbage) carries no token.
    return undefined;
  }
}

function refusal(request: Request): Response {
  const { html } = plainRefusalPage(new URL(request.url), request.headers.get("accept-language"), "error.csrf_failed");
  return new Response(html, { status: 403, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

/** Whether this answer starts or ends a session (sign-in, sign-up, reset, sign-out). */
const changesSession = (response: Response) => response.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`));

/**
 * CSRF check for UI forms. Signed in, the hidden field must hold the token derived from the
 * session (csrf-check.server.ts); anonymous (the sign-in and sign-up forms), a random token lives
 * in an HttpOnly cookie and in the field (double submit). A cross-site form can send cookies but
 * can read neither. The anonymous cookie is replaced whenever a session starts or ends.
 */
export const csrfMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const { secureCookies, actor, sessionToken, shared } = context.get(appContext);
  // A page shared by every anonymous reader has no form that posts (the cache refuses one with a token field).
  if (shared) {
    context.set(csrfToken, "");
    return next();
  }
  const name = csrfCookieName(secureCookies);
  const fromCookie = cookieToken(request.headers.get("cookie"), name);
  const expected = expectedCsrfToken(actor ? sessionToken : null, fromCookie);
  if (!safeMethods.has(request.method)) {
    const submitted = await submittedToken(request);
    if (!csrfTokensMatch(expected, submitted)) return refusal(request);
  }
  const anonymous = fromCookie ?? newCsrfToken();
  context.set(csrfToken, expected ?? anonymous);
  const response = await next();
  if (fromCookie && !changesSession(response)) return response;
  const cookie = `${name}=${fromCookie ? newCsrfToken() : anonymous}; Path=/; HttpOnly; SameSite=Lax${secureCookies ? "; Secure" : ""}`;
  try {
    response.headers.append("set-cookie", cookie);
    return response;
  } catch {
    // Some responses (Response.redirect) have immutable headers.
    const copy = new Response(response.body, response);
    copy.headers.append("set-cookie", cookie);
    return copy;
  }
};
