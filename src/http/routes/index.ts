import type { FastifyInstance } from "fastify";
import type { Services } from "../../services.ts";
import { catalogueRoutes } from "./catalogue.ts";
import { certificationRoutes } from "./certifications.ts";
import { competencyLinkRoutes, competencyRoutes } from "./competencies.ts";
import { credentialRoutes } from "./credentials.ts";
import { eventRoutes } from "./events.ts";
import { identityRoutes } from "./identity.ts";
import { learningRoutes } from "./learning.ts";
import { mediaRoutes } from "./media.ts";
import { networkRoutes } from "./network.ts";
import { notificationRoutes } from "./notifications.ts";
import { programmeRoutes } from "./programmes.ts";
import { qualityRoutes } from "./quality.ts";

/** Mounts every module's routes under /api/v1. Each module's file is a thin adapter over its service. */
export async function registerApiRoutes(app: FastifyInstance, options: { services: Services }) {
  await app.register(identityRoutes, { services: options.services });
  await app.register(networkRoutes, { services: options.services });
  await app.register(catalogueRoutes, { services: options.services });
  await app.register(qualityRoutes, { services: options.services });
  await app.register(learningRoutes, { services: options.services });
  await app.register(eventRoutes, { services: options.services });
  await app.register(mediaRoutes, { services: options.services });
  await app.register(programmeRoutes, { services: options.services });
  await app.register(notificationRoutes, { services: options.services });
  await app.register(competencyRoutes, { services: options.services });
  await app.register(competencyLinkRoutes, { services: options.services });
  await app.register(certificationRoutes, { services: options.services });
  await app.register(credentialRoutes, { services: options.services });
}
