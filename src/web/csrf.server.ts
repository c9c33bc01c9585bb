import { createContext, type MiddlewareFunction } from "react-router";
import { plainRefusalPage } from "./components/plain-page.server.ts";
import { appContext } from "./context.ts";
import { csrfTokensMatch, newCsrfToken } from "./csrf-check.server.ts";
import { CSRF_COOKIE, CSRF_FIELD } from "./csrf-token.ts";

/** The token of this request, for the root loader to hand to <CsrfField />. */
export const csrfToken = createContext<string>("");

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * This request's token from its cookie, if it is one we could have issued (base64url, as
 * `newCsrfToken` makes them). Anything else, a cookie mangled or made up, counts as no cookie:
 * the page gets a fresh token instead of an error.
 */
function cookieToken(header: string | null): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === CSRF_COOKIE) {
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

/**
 * Double-submit check for UI forms: a random token lives in an HttpOnly cookie and in a hidden
 * field; a cross-site form can send the cookie but cannot read it to fill the field.
 */
export const csrfMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const fromCookie = cookieToken(request.headers.get("cookie"));
  if (!safeMethods.has(request.method)) {
    const submitted = await submittedToken(request);
    if (!csrfTokensMatch(fromCookie, submitted)) return refusal(request);
  }
  const token = fromCookie ?? newCsrfToken();
  context.set(csrfToken, token);
  const response = await next();
  if (fromCookie) return response;
  const { secureCookies } = context.get(appContext);
  const cookie = `${CSRF_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax${secureCookies ? "; Secure" : ""}`;
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
