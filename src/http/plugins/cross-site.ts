import type { FastifyInstance, FastifyRequest } from "fastify";
import { credentialsOf } from "../credentials.ts";
import { type Pages, routedPath, sendError } from "./errors.ts";

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** A JSON body cannot be sent to another origin without a CORS preflight, which the API never answers. */
const needsPreflight = (contentType: string | undefined) => /^\s*application\/([\w.+-]+\+)?json\s*(;|$)/i.test(contentType ?? "");

function sameHost(origin: string, request: FastifyRequest, ours: URL): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin === ours.origin) return true;
  try {
    return url.host === new URL(`${url.protocol}//${request.host}`).host;
  } catch {
    return false;
  }
}

/**
 * Whether a request comes from a page of our own site, as far as a browser tells: Sec-Fetch-Site
 * when it sends one, else Origin (our PUBLIC_URL, or the host the request was sent to). A request
 * with neither is one no browser sends cross-site only if its body needs a preflight: a form, a
 * text/plain beacon or a body-less POST from another site may well come without an Origin.
 */
function fromOurSite(request: FastifyRequest, ours: URL): boolean {
  const site = request.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin") return false;
  const origin = request.headers.origin;
  if (origin !== undefined) return sameHost(origin, request, ours);
  return site === "same-origin" || needsPreflight(request.headers["content-type"]);
}

/**
 * CSRF defence of the API: a browser sends the session cookie with any request to our site,
 * whoever made the page (SameSite=Lax still allows top-level form posts from other sites), so a
 * write authenticated by that cookie must come from our own origin. Bearer tokens are never sent by
 * a browser on its own; those requests, like anonymous ones, are not affected. UI form posts have
 * their own token check (src/web/csrf.server.ts).
 */
export function registerCrossSiteCheck(app: FastifyInstance, publicUrl: string, pages: Pages) {
  const ours = new URL(publicUrl);
  app.addHook("onRequest", async (request, reply) => {
    if (!unsafeMethods.has(request.method) || !routedPath(request).startsWith("/api/")) return;
    if (!credentialsOf(request).sessionToken) return;
    if (!fromOurSite(request, ours)) return sendError(request, reply, 403, "cross_site_request", [], {}, pages);
  });
}
