import type { FastifyInstance } from "fastify";
import type { Services } from "../../services.ts";

/** Mounts every module's routes under /api/v1. Each module's file is a thin adapter over its service. */
export async function registerApiRoutes(app: FastifyInstance, options: { services: Services }) {
  void options;
  void app;
}
