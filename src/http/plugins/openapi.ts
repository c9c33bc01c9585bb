import swagger from "@fastify/swagger";
import scalar from "@scalar/fastify-api-reference";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { routedPath } from "./errors.ts";
import { withErrorResponses, withOptionalBodies } from "./openapi-errors.ts";

/**
 * The API reference is a third-party app (Scalar) with its own inline script and styles, so it
 * gets a policy of its own: its scripts only from here, each with this response's nonce; styles
 * inline as it injects them; requests, fonts and images only from our own origin. It loads
 * nothing from elsewhere (no web fonts, no telemetry, no request proxy), so it works offline.
 */
function docsPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** OpenAPI 3.1 from the Zod schemas on every route, at /api/openapi.json, browsable at /api/docs. */
export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Orbis API",
        version: "1",
        description:
          "The JSON API of Orbis. Authenticate with a personal API token: `Authorization: Bearer <token>`. " +
          "Errors are `{ error: { code, message, fields? } }`; messages follow `?lang=` or Accept-Language.",
      },
      components: {
        securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      },
    },
    transform: withErrorResponses(jsonSchemaTransform),
    transformObject: withOptionalBodies(jsonSchemaTransformObject),
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  // Before the reference is registered: a plugin takes the hooks its parent has at that moment.
  app.addHook("onSend", async (request, reply, payload) => {
    if (
      !routedPath(request).startsWith("/api/docs") ||
      typeof payload !== "string" ||
      !String(reply.getHeader("content-type")).startsWith("text/html")
    ) {
      return payload;
    }
    const nonce = reply.cspNonce?.script ?? "";
    reply.header("content-security-policy", docsPolicy(nonce));
    // Our icon, or the browser asks for /favicon.ico, which there is none of.
    const icon = '<link rel="icon" href="/favicon.svg" type="image/svg+xml" />';
    return payload.replaceAll("<script", `<script nonce="${nonce}"`).replace("</head>", `${icon}</head>`);
  });
  await app.register(scalar, {
    routePrefix: "/api/docs",
    configuration: {
      url: "/api/openapi.json",
      withDefaultFonts: false,
      telemetry: false,
      proxyUrl: "",
      agent: { disabled: true },
    },
  });
}
