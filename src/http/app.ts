import crypto from "node:crypto";
import compress from "@fastify/compress";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "../config.ts";
import type { DatabaseHandle } from "../db/client.ts";
import type { Actor } from "../domain/shared/actor.ts";
import { isGlobalStaff } from "../domain/shared/actor.ts";
import type { Services } from "../services.ts";
import { focusErrorSummary } from "../web/focus-script.ts";
import { SESSION_COOKIE } from "../web/session.server.ts";
import { contentVersionReader } from "./content-version.ts";
import { credentialsOf } from "./credentials.ts";
import { mediaFormRoutes } from "./media-forms.ts";
import { createPageCache } from "./page-cache.ts";
import { registerConnectionLimits, serverOptions } from "./plugins/connections.ts";
import { registerCrossSiteCheck } from "./plugins/cross-site.ts";
import {
  clientErrorHandler,
  frameworkErrors,
  type Pages,
  RETRY_AFTER_SECONDS,
  registerErrorHandling,
  routedPath,
  sendError,
} from "./plugins/errors.ts";
import { registerInputChecks } from "./plugins/input.ts";
import { registerOpenApi } from "./plugins/openapi.ts";
import { registerRequestLog } from "./plugins/request-log.ts";
import { caseRoutes } from "./routes/case.ts";
import { credentialDocumentRoutes } from "./routes/credentials.ts";
import { calendarFeedRoutes } from "./routes/events.ts";
import { registerApiRoutes } from "./routes/index.ts";
import { securityTxtRoute } from "./security-txt.ts";
import type { PageCaching } from "./shared-pages.ts";
import { outsideLanguages, registerWeb, type WebBuild } from "./web.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** Answers the same for everyone (files, health checks): no session is looked up for it, so it costs the database nothing. */
    anonymous?: boolean;
  }
  interface FastifyInstance {
    /** Whether cookies get the Secure flag: from PUBLIC_URL, not from how a request arrived (a TLS proxy in front speaks http to us). */
    secureCookies: boolean;
  }
}

export type AppOptions = {
  config: Config;
  services: Services;
  database: Pick<DatabaseHandle, "ping" | "db">;
  /** The UI; left out in API-only tests. */
  web?: WebBuild;
  logger?: FastifyServerOptions["logger"];
};

/** Named where the UI sets it; the API reads the same cookie. */
export { SESSION_COOKIE };

/** JSON bodies above this are refused with 413 before any parsing. */
const BODY_LIMIT = 1024 * 1024;
const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);
/** Shared, cached pages carry no nonce: their one inline script is allowed by its hash (decision 0017). */
const focusScriptHash = `'sha256-${crypto.createHash("sha256").update(focusErrorSummary).digest("base64")}'`;
/** Time passing changes pages too (an event starts, registration closes): no cached page is older than this. */
const PAGE_MAX_AGE_MS = 30_000;

/**
 * Fastify takes a hop count as "trust nothing" (a client reaching the server directly could
 * write as many hops as it likes); Orbis takes it as configured, and says in docs/operations.md
 * that the server must then be reachable only through its proxies.
 */
function trustProxyOf(trust: Config["trustProxy"]) {
  return typeof trust === "number" ? (_address: string, hop: number) => hop < trust : trust;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, services } = options;
  const pages: Pages = {};
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    trustProxy: trustProxyOf(config.trustProxy),
    genReqId: () => crypto.randomUUID(),
    // Our own one line per request instead (plugins/request-log.ts).
    disableRequestLogging: true,
    frameworkErrors: frameworkErrors(pages),
    clientErrorHandler,
    ...serverOptions(config.timeouts),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("secureCookies", config.secureCookies);

  registerRequestLog(app);
  registerErrorHandling(app, pages);
  registerConnectionLimits(app, config.timeouts, pages);
  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", focusScriptHash],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "upgrade-insecure-requests": config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies,
    // "no-referrer" would make browsers send `Origin: null` with plain form posts, which React
    // Router's origin check (rightly) refuses; same-origin still tells other sites nothing.
    referrerPolicy: { policy: "same-origin" },
  });
  // After helmet's headers (refusals carry them too), before the session is looked up.
  registerInputChecks(app, pages);
  await app.register(compress, { threshold: 1024 });
  await app.register(cookie);
  registerCrossSiteCheck(app, config.publicUrl, pages);

  app.decorateRequest("actor", null);
  app.decorateRequest("sessionToken", null);
  app.addHook("onRequest", async (request, reply) => {
    if (request.routeOptions.config?.anonymous || outsideLanguages(request)) return;
    const { bearerToken, sessionToken } = credentialsOf(request);
    request.sessionToken = sessionToken ?? null;
    request.actor = await services.identity.authenticate({ bearerToken, sessionToken });
    // A read-only token reads: its scope is decided by the method, here, before any route or page runs.
    if (request.actor?.tokenScope === "read" && !safeMethods.has(request.method)) {
      return sendError(request, reply, 403, "token_scope", [], {}, pages);
    }
  });
  // API answers are about one moment and often one person: no cache keeps them, unless a route says otherwise (files, feeds).
  app.addHook("onSend", async (request, reply) => {
    if (routedPath(request).startsWith("/api/v1/") && !reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
  });

  app.get("/healthz", { schema: { hide: true }, config: { anonymous: true } }, async () => ({ status: "ok" }));
  app.get("/readyz", { schema: { hide: true }, config: { anonymous: true } }, async (_request, reply) => {
    try {
      await options.database.ping();
      return { status: "ready" };
    } catch {
      return reply.status(503).header("retry-after", String(RETRY_AFTER_SECONDS)).send({ status: "database unreachable" });
    }
  });

  await registerOpenApi(app);
  await app.register(registerApiRoutes, { prefix: "/api/v1", services });
  await app.register(calendarFeedRoutes, { services });
  await app.register(caseRoutes, { services });
  await app.register(credentialDocumentRoutes, { services });
  await app.register(securityTxtRoute, { config });

  if (options.web) {
    await app.register(mediaFormRoutes, { services });
    const mode = config.env === "development" ? "development" : "production";
    const caching: PageCaching | undefined =
      config.pageCacheBytes > 0
        ? { cache: createPageCache(config.pageCacheBytes), version: contentVersionReader(options.database.db), maxAgeMs: PAGE_MAX_AGE_MS }
        : undefined;
    // What the page cache holds and how it fares, for staff (and monitoring with a staff token).
    app.get("/_orbis/page-cache", { schema: { hide: true } }, async (request, reply) => {
      if (!isGlobalStaff(request.actor)) return reply.callNotFound();
      return reply.header("cache-control", "no-store").send(caching ? caching.cache.stats() : { disabled: true });
    });
    await registerWeb(
      app,
      options.web,
      mode,
      async (request, reply) => ({
        services,
        actor: request.actor,
        sessionToken: request.sessionToken,
        clientIp: request.ip,
        cspNonce: reply.cspNonce?.script ?? "",
        publicUrl: config.publicUrl,
        secureCookies: config.secureCookies,
      }),
      pages,
      caching,
    );
  }
  return app;
}
