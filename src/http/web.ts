import path from "node:path";
import { pathToFileURL } from "node:url";
import fastifyStatic from "@fastify/static";
import { createRequest } from "@remix-run/node-fetch-server";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createRequestHandler, RouterContextProvider, type ServerBuild } from "react-router";
import { MAX_NOMINATION_FILE_BYTES } from "../domain/programmes/nomination-file.ts";
import { plainRefusalPage } from "../web/components/plain-page.server.ts";
import type { AppContext, appContext } from "../web/context.ts";

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

type ContextFor = (request: FastifyRequest, reply: FastifyReply) => Promise<AppContext>;

/** Serves the built assets and hands every other request to React Router's SSR handler. */
export async function registerWeb(app: FastifyInstance, build: WebBuild, mode: "development" | "production", contextFor: ContextFor) {
  await app.register(fastifyStatic, {
    root: build.clientDir,
    wildcard: false,
    setHeaders(res, filePath) {
      // Vite puts content hashes in asset names, so they never change; other public files may.
      const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
      res.header("cache-control", hashed ? "public, max-age=31536000, immutable" : "public, max-age=86400");
    },
  });

  const handle = createRequestHandler(build.server, mode);

  await app.register(async (web) => {
    // React Router reads the body itself, so Fastify must leave the stream untouched.
    web.removeAllContentTypeParsers();
    web.addContentTypeParser("*", (_request, _payload, done) => done(null));
    web.route({
      method: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],
      url: "/*",
      schema: { hide: true },
      async handler(request, reply) {
        if (request.url.startsWith("/api/")) return reply.callNotFound();
        const refused = bodyRefusal(request);
        if (refused) {
          const url = new URL(request.url, "http://orbis.invalid");
          const title = refused === 413 ? "error.payload_too_large" : "error.length_required";
          const { html } = plainRefusalPage(url, request.headers["accept-language"] ?? null, title);
          // The unread body is left behind, so the connection cannot be reused.
          return reply.status(refused).header("connection", "close").type("text/html; charset=utf-8").send(html);
        }
        const context = new RouterContextProvider();
        context.set(build.contextKey, await contextFor(request, reply));
        const response = await handle(createRequest(request.raw, reply.raw), context);
        reply.status(response.status);
        for (const [name, value] of response.headers) {
          if (name !== "set-cookie") reply.header(name, value);
        }
        const cookies = response.headers.getSetCookie();
        if (cookies.length) reply.header("set-cookie", cookies);
        return reply.send(response.body);
      },
    });
  });
}
