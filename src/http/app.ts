import crypto from "node:crypto";
import compress from "@fastify/compress";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "../config.ts";
import type { DatabaseHandle } from "../db/client.ts";
import type { Actor } from "../domain/shared/actor.ts";
import type { Services } from "../services.ts";
import { SESSION_COOKIE } from "../web/session.server.ts";
import { mediaFormRoutes } from "./media-forms.ts";
import { registerErrorHandling } from "./plugins/errors.ts";
import { registerOpenApi } from "./plugins/openapi.ts";
import { calendarFeedRoutes } from "./routes/events.ts";
import { registerApiRoutes } from "./routes/index.ts";
import { registerWeb, type WebBuild } from "./web.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

export type AppOptions = {
  config: Config;
  services: Services;
  database: Pick<DatabaseHandle, "ping">;
  /** The UI; left out in API-only tests. */
  web?: WebBuild;
  logger?: FastifyServerOptions["logger"];
};

/** Named where the UI sets it; the API reads the same cookie. */
export { SESSION_COOKIE };

/** JSON bodies above this are refused with 413 before any parsing. */
const BODY_LIMIT = 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, services } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  registerErrorHandling(app);
  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "upgrade-insecure-requests": config.secureCookies ? [] : null,
      },
    },
    // The API reference page is a third-party app with inline scripts; it gets no CSP of ours.
    hsts: config.secureCookies,
    // "no-referrer" would make browsers send `Origin: null` with plain form posts, which React
    // Router's origin check (rightly) refuses; same-origin still tells other sites nothing.
    referrerPolicy: { policy: "same-origin" },
  });
  app.addHook("onSend", async (request, reply) => {
    if (request.url.startsWith("/api/docs")) reply.removeHeader("content-security-policy");
  });
  await app.register(compress, { threshold: 1024 });
  await app.register(cookie);

  app.decorateRequest("actor", null);
  app.decorateRequest("sessionToken", null);
  app.addHook("onRequest", async (request) => {
    const header = request.headers.authorization;
    const bearer = header?.startsWith("Bearer ") ? header.slice(7).trim() : undefined;
    const sessionToken = bearer ? undefined : request.cookies[SESSION_COOKIE];
    request.sessionToken = sessionToken ?? null;
    request.actor = await services.identity.authenticate({ bearerToken: bearer, sessionToken });
  });

  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));
  app.get("/readyz", { schema: { hide: true } }, async (_request, reply) => {
    try {
      await options.database.ping();
      return { status: "ready" };
    } catch {
      return reply.status(503).send({ status: "database unreachable" });
    }
  });

  await registerOpenApi(app);
  await app.register(registerApiRoutes, { prefix: "/api/v1", services });
  await app.register(calendarFeedRoutes, { services });

  if (options.web) {
    await app.register(mediaFormRoutes, { services });
    await registerWeb(app, options.web, config.env === "development" ? "development" : "production", async (request, reply) => ({
      services,
      actor: request.actor,
      sessionToken: request.sessionToken,
      clientIp: request.ip,
      cspNonce: reply.cspNonce?.script ?? "",
      publicUrl: config.publicUrl,
      secureCookies: config.secureCookies,
    }));
  }
  return app;
}
