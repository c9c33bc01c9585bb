import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { failedMailPage } from "../../domain/notifications/dto.ts";
import { failedMailFiltersSchema } from "../../domain/notifications/validation.ts";
import type { Services } from "../../services.ts";
import { lang, noContent, routeDocs } from "./common.ts";

const docs = routeDocs("mail");

/** The outbox as staff see it: mail given up on, and trying it again. */
export async function notificationRoutes(fastify: FastifyInstance, options: { services: Services }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const notifications = options.services.notifications;

  app.get(
    "/mail/failed",
    docs.signedIn("Mail the outbox gave up on, newest first (secretariat: all; centre administrators: their centres')", {
      querystring: failedMailFiltersSchema.extend(lang),
      response: { 200: failedMailPage },
    }),
    async (request) => {
      const { lang: _lang, ...filters } = request.query;
      return notifications.listFailedMail(request.actor, filters);
    },
  );

  app.post(
    "/mail/failed/:id/retry",
    docs.signedIn("Try a failed message again, with a fresh allowance of attempts", {
      params: z.object({ id: z.uuid() }).strict(),
      response: noContent,
    }),
    async (request, reply) => {
      await notifications.retryFailedMail(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
