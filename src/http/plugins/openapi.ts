import swagger from "@fastify/swagger";
import scalar from "@scalar/fastify-api-reference";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";

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
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  await app.register(scalar, { routePrefix: "/api/docs", configuration: { url: "/api/openapi.json" } });
}
