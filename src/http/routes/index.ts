import type { FastifyInstance } from "fastify";
import type { Services } from "../../services.ts";
import { catalogueRoutes } from "./catalogue.ts";
import { identityRoutes } from "./identity.ts";
import { networkRoutes } from "./network.ts";

/** Mounts every module's routes under /api/v1. Each module's file is a thin adapter over its service. */
export async function registerApiRoutes(app: FastifyInstance, options: { services: Services }) {
  await app.register(identityRoutes, { services: options.services });
  await app.register(networkRoutes, { services: options.services });
  await app.register(catalogueRoutes, { services: options.services });
}
