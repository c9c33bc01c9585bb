import { gunzipSync } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";
import { matchRoutes, type RouteObject, type ServerBuild } from "react-router";
import type { RouteHandle } from "../web/hydration.ts";
import type { ContentVersion } from "./content-version.ts";
import { type CachedPage, chooseEncoding, etagOf, matchesEtag, type PageCache, pageKey, unshareable } from "./page-cache.ts";

/** The anonymous page cache in front of rendering (decision 0017). */
export type PageCaching = {
  cache: PageCache;
  version: ContentVersion;
  /** Pages also show the passage of time (an event starting, registration closing): none is kept longer than this. */
  maxAgeMs: number;
};

/**
 * For a CDN in front: it may keep a page a few seconds (writes reach it that late) and must then
 * ask again, which costs a 304 when nothing changed; browsers ask every time. Pages depend on the
 * zone cookie (decision 0013), hence Vary: Cookie; a CDN can key on that one cookie instead.
 */
export const SHARED_CACHE_CONTROL = "public, max-age=0, s-maxage=5, must-revalidate";

/** A shared page has no nonce in it; one in its policy would be published to every reader a CDN gives the page to. */
const withoutNonces = (policy: string) => policy.replace(/ 'nonce-[^']*'/g, "");

/**
 * The pages every anonymous reader sees alike, by route id (src/web/routes.ts): the public face
 * of the network. Personal pages, forms and staff pages are never in it.
 */
export const SHARED_ROUTES: ReadonlySet<string> = new Set([
  "routes/home",
  "routes/centres",
  "routes/centre",
  "routes/network",
  "routes/courses",
  "routes/course",
  "routes/events",
  "routes/event",
  "routes/programmes",
  "routes/programme",
  "routes/competencies",
  "routes/competency-framework",
  "routes/site-page",
]);

const ZONE_COOKIE = "orbis_tz";

const trees = new WeakMap<ServerBuild, RouteObject[]>();

/** The build's route manifest as the nested tree `matchRoutes` takes. */
function routeTree(build: ServerBuild): RouteObject[] {
  let tree = trees.get(build);
  if (tree) return tree;
  const children = new Map<string | undefined, RouteObject[]>();
  for (const route of Object.values(build.routes)) {
    if (!route) continue;
    const list = children.get(route.parentId) ?? [];
    list.push({ id: route.id, path: route.path, index: route.index, caseSensitive: route.caseSensitive } as RouteObject);
    children.set(route.parentId, list);
  }
  const attach = (routes: RouteObject[]): RouteObject[] =>
    routes.map((route) => (route.index ? route : { ...route, children: attach(children.get(route.id) ?? []) }));
  tree = attach(children.get(undefined) ?? []);
  trees.set(build, tree);
  return tree;
}

/**
 * The cache key of this request if its page may come from the shared cache: a GET or HEAD with
 * no credentials at all (not even a session cookie that has expired), for a page in the list
 * that ships no script; null otherwise. React Router's data requests (`.data`) are left alone.
 */
export function sharedPageKey(request: FastifyRequest, build: ServerBuild): string | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (request.actor || request.sessionToken || request.headers.authorization) return null;
  const [pathname = ""] = request.url.split("?", 1);
  if (pathname.endsWith(".data")) return null;
  const matches = matchRoutes(routeTree(build), pathname);
  const leaf = matches?.at(-1)?.route.id;
  if (!leaf || !SHARED_ROUTES.has(leaf)) return null;
  for (const match of matches ?? []) {
    if ((build.routes[match.route.id ?? ""]?.module.handle as RouteHandle | undefined)?.hydrate) return null;
  }
  return pageKey(request.url, request.cookies?.[ZONE_COOKIE]);
}

function sharedPolicy(reply: FastifyReply) {
  const policy = reply.getHeader("content-security-policy");
  if (typeof policy === "string") reply.header("content-security-policy", withoutNonces(policy));
}

/**
 * An anonymous page from the cache, or rendered once for everyone (`render`, which answers null
 * when the database is unavailable: the caller then answers 503) and kept. The version is read
 * before rendering, so what is kept under it is at least that new.
 */
export async function serveShared(
  request: FastifyRequest,
  reply: FastifyReply,
  caching: PageCaching,
  key: string,
  render: () => Promise<Response | null>,
): Promise<FastifyReply | null> {
  const version = await caching.version.current();
  let page = caching.cache.get(key, version, Date.now() - caching.maxAgeMs);
  const flight = `${version}\n${key}`;
  // Readers who miss while the same page is being rendered wait for that render rather than make their own.
  const inFlight = flights(caching);
  const rendering = page ? undefined : inFlight.get(flight);
  if (rendering) page = (await rendering) ?? undefined;
  reply.header("x-orbis-cache", page ? "hit" : "miss");
  if (!page) {
    const { promise, resolve: done } = Promise.withResolvers<CachedPage | null>();
    inFlight.set(flight, promise);
    try {
      page = await renderAndKeep(reply, caching, key, version, render);
    } finally {
      inFlight.delete(flight);
      done(page ?? null);
    }
    if (!page) return reply.sent ? reply : null;
  }
  return sendShared(request, reply, caching, page);
}

/** Pages being rendered now for each cache, by version and key. */
const rendering = new WeakMap<PageCaching, Map<string, Promise<CachedPage | null>>>();
function flights(caching: PageCaching) {
  const map = rendering.get(caching) ?? new Map<string, Promise<CachedPage | null>>();
  rendering.set(caching, map);
  return map;
}

/** Renders the page and keeps it; answers the reader itself (and returns undefined) when the page is not for sharing, null when the database is unavailable. */
async function renderAndKeep(
  reply: FastifyReply,
  caching: PageCaching,
  key: string,
  version: string,
  render: () => Promise<Response | null>,
): Promise<CachedPage | undefined> {
  const response = await render();
  if (!response) return undefined;
  const html = Buffer.from(await response.arrayBuffer());
  const headers = [...response.headers].filter(([name]) => !["set-cookie", "content-length", "content-encoding"].includes(name));
  if (unshareable(response.status, response.headers, html.toString("utf8"))) {
    // Sent to this reader only, as an uncached render would be (a `?tz=` choice sets its cookie).
    caching.cache.refused();
    reply.status(response.status);
    for (const [name, value] of headers) reply.header(name, value);
    const cookies = response.headers.getSetCookie();
    if (cookies.length) reply.header("set-cookie", cookies);
    sharedPolicy(reply);
    reply.header("cache-control", "no-store").send(html);
    return undefined;
  }
  return caching.cache.put(key, version, response.status, headers, html);
}

function sendShared(request: FastifyRequest, reply: FastifyReply, caching: PageCaching, page: CachedPage): FastifyReply {
  for (const [name, value] of page.headers) reply.header(name, value);
  sharedPolicy(reply);
  const encoding = chooseEncoding(request.headers["accept-encoding"]);
  reply.header("vary", "Accept-Encoding, Cookie").header("cache-control", SHARED_CACHE_CONTROL).header("etag", etagOf(page, encoding));
  if (matchesEtag(request.headers["if-none-match"], page)) {
    caching.cache.notModified();
    return reply.status(304).send();
  }
  if (encoding !== "identity") reply.header("content-encoding", encoding);
  return reply.status(page.status).send(encoding === "br" ? page.br : encoding === "gzip" ? page.gzip : gunzipSync(page.gzip));
}
