import path from "node:path";
import { pathToFileURL } from "node:url";
import fastifyStatic from "@fastify/static";
import { createRequest } from "@remix-run/node-fetch-server";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createRequestHandler, RouterContextProvider, type ServerBuild } from "react-router";
import { isDatabaseUnavailable } from "../db/client.ts";
import { MAX_NOMINATION_FILE_BYTES } from "../domain/programmes/nomination-file.ts";
import { isLocale, negotiateLocale } from "../i18n/locales.ts";
import { plainRefusalPage } from "../web/components/plain-page.server.ts";
import type { AppContext, appContext } from "../web/context.ts";
import { type Pages, RETRY_AFTER_SECONDS, type Refusal, routedPath } from "./plugins/errors.ts";
import { isInvalidText } from "./plugins/input.ts";
import { type PageCaching, serveShared, sharedPageKey } from "./shared-pages.ts";

export type WebBuild = { server: ServerBuild; contextKey: typeof appContext; clientDir: string };

/** Loads the production build of the UI made by `react-router build`. */
export async function loadWebBuild(buildDir: string): Promise<WebBuild> {
  const server = (await import(pathToFileURL(path.join(buildDir, "server", "index.js")).href)) as ServerBuild;
  // The key comes from the build itself: a second copy of the module would be a different key.
  const contextKey = (server.entry.module as unknown as { appContext: typeof appContext }).appContext;
  return { server, contextKey, clientDir: path.join(buildDir, "client") };
}

/**
 * UI form posts above this are refused before anything reads them (the CSRF check reads the whole
 * form). Room for the largest file a UI form takes, a nomination list; a file under this limit but
 * over its own cap still gets the form's translated message.
 */
const UI_BODY_LIMIT = MAX_NOMINATION_FILE_BYTES + 1024 * 1024;

/** 411 for a body of unknown length (browsers always send Content-Length with a form), 413 above the limit. */
function bodyRefusal(request: FastifyRequest): 411 | 413 | null {
  if (request.method === "GET" || request.method === "HEAD") return null;
  const declared = request.headers["content-length"];
  if (declared === undefined) return request.headers["transfer-encoding"] ? 411 : null;
  return Number(declared) > UI_BODY_LIMIT ? 413 : null;
}

/**
 * Form posts are read by React Router, not Fastify, so their text gets here the check the rest of
 * a request gets in plugins/input.ts. A body that is not a readable form is left to the CSRF check,
 * which refuses it.
 */
async function formHasInvalidText(request: Request): Promise<boolean> {
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(request.headers.get("content-type") ?? "")) return false;
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return false;
  }
  for (const [name, value] of form) {
    if (isInvalidText(name) || isInvalidText(typeof value === "string" ? value : value.name)) return true;
  }
  return false;
}

/**
 * Where a refusal page is rendered from: an address only the not-found route matches, whose
 * loader answers with the refusal's status (src/web/routes/not-found.tsx). Rendering it runs no
 * other loader, so it works with the database down.
 */
const REFUSAL_PATH = "_orbis/refused";

/**
 * A read of an address in no language (/favicon.ico, /wp-login.php): it is answered with the
 * refusal page alone, without a session or the loaders `/:lang/*` would match, so it costs the
 * database nothing.
 */
export function outsideLanguages(request: FastifyRequest): boolean {
  if (request.routeOptions.url !== "/*" || (request.method !== "GET" && request.method !== "HEAD")) return false;
  const first = routedPath(request).split("/")[1] ?? "";
  // React Router's own address for the routes a hydrated page discovers as it goes (the editor's).
  if (first === "__manifest") return false;
  return first !== "" && first !== "api" && !isLocale(first);
}

type ContextFor = (request: FastifyRequest, reply: FastifyReply) => Promise<Omit<AppContext, "refusal" | "reportError" | "shared">>;

/** Serves the built assets and hands every other request to React Router's SSR handler. */
export async function registerWeb(
  app: FastifyInstance,
  build: WebBuild,
  mode: "development" | "production",
  contextFor: ContextFor,
  pages: Pages,
  caching?: PageCaching,
) {
  await app.register(async (files) => {
    // A file is the same for everyone: its requests (a page's stylesheet, the favicon) look up no session.
    files.addHook("onRoute", (route) => {
      route.config = { ...route.config, anonymous: true };
    });
    await files.register(fastifyStatic, {
      root: build.clientDir,
      wildcard: false,
      setHeaders(res, filePath) {
        // Vite puts content hashes in asset names, so they never change; other public files may.
        const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header("cache-control", hashed ? "public, max-age=31536000, immutable" : "public, max-age=86400");
      },
    });
  });

  const handle = createRequestHandler(build.server, mode);

  /** Renders a page; `shared` renders it once for every anonymous reader: no nonce, no cookie, no form token. */
  async function produce(request: FastifyRequest, reply: FastifyReply, page: Request, refusal: Refusal | null, shared: boolean) {
    let databaseUnavailable = false;
    const context = new RouterContextProvider();
    const common = await contextFor(request, reply);
    context.set(build.contextKey, {
      ...common,
      ...(shared ? { cspNonce: "" } : {}),
      shared,
      refusal,
      reportError(error) {
        if (isDatabaseUnavailable(error)) {
          databaseUnavailable = true;
          request.log.warn({ err: error }, "database unavailable");
        } else {
          request.log.error({ err: error }, "page error");
        }
      },
    });
    const response = await handle(page, context);
    return { response, databaseUnavailable, actor: common.actor };
  }

  async function render(request: FastifyRequest, reply: FastifyReply, page: Request, refusal: Refusal | null): Promise<FastifyReply> {
    const { response, databaseUnavailable, actor } = await produce(request, reply, page, refusal, false);
    if (databaseUnavailable && !refusal) {
      await response.body?.cancel();
      return renderRefusal(request, reply, { status: 503, code: "service_unavailable" });
    }
    reply.status(response.status);
    for (const [name, value] of response.headers) {
      if (name !== "set-cookie") reply.header(name, value);
    }
    const cookies = response.headers.getSetCookie();
    if (cookies.length) reply.header("set-cookie", cookies);
    // A page for someone signed in shows who they are; a refusal is for this request only.
    if (actor || refusal) reply.header("cache-control", "no-store");
    if (refusal?.status === 503) reply.header("retry-after", String(RETRY_AFTER_SECONDS));
    return reply.send(response.body);
  }

  /** The refusal page in the site's layout and the reader's language, for this request's address. */
  function renderRefusal(request: FastifyRequest, reply: FastifyReply, refusal: Refusal): Promise<FastifyReply> {
    const [pathname = ""] = request.url.split("?");
    const first = pathname.split("/")[1];
    const locale = isLocale(first) ? first : negotiateLocale(request.headers["accept-language"]);
    const url = new URL(`/${locale}/${REFUSAL_PATH}${pathname.endsWith(".data") ? ".data" : ""}`, "http://orbis.invalid");
    const headers = new Headers();
    for (const name of ["accept", "accept-language", "cookie", "user-agent"]) {
      const value = request.headers[name];
      if (typeof value === "string") headers.set(name, value);
    }
    return render(request, reply, new Request(url, { headers }), refusal);
  }
  pages.render = renderRefusal;

  await app.register(async (web) => {
    // React Router reads the body itself, so Fastify must leave the stream untouched.
    web.removeAllContentTypeParsers();
    web.addContentTypeParser("*", (_request, _payload, done) => done(null));
    web.route({
      method: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],
      url: "/*",
      schema: { hide: true },
      async handler(request, reply) {
        if (routedPath(request).startsWith("/api/")) return reply.callNotFound();
        if (outsideLanguages(request)) return renderRefusal(request, reply, { status: 404, code: "not_found" });
        const refused = bodyRefusal(request);
        if (refused) {
          const url = new URL(request.url, "http://orbis.invalid");
          const title = refused === 413 ? "error.payload_too_large" : "error.length_required";
          const { html } = plainRefusalPage(url, request.headers["accept-language"] ?? null, title);
          // The unread body is left behind, so the connection cannot be reused.
          return reply.status(refused).header("connection", "close").type("text/html; charset=utf-8").send(html);
        }
        const key = caching && sharedPageKey(request, build.server);
        if (caching && key) {
          const rendered = await serveShared(request, reply, caching, key, async () => {
            const { response, databaseUnavailable } = await produce(request, reply, createRequest(request.raw, reply.raw), null, true);
            if (!databaseUnavailable) return response;
            await response.body?.cancel();
            return null;
          });
          return rendered ?? renderRefusal(request, reply, { status: 503, code: "service_unavailable" });
        }
        const page = createRequest(request.raw, reply.raw);
        if (await formHasInvalidText(page)) return renderRefusal(request, reply, { status: 400, code: "validation_failed" });
        return render(request, reply, page, null);
      },
    });
  });
}
