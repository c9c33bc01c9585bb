import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { caseStatusInfo } from "../../domain/competencies/case-format.ts";
import { isDomainError } from "../../domain/shared/errors.ts";
import type { Services } from "../../services.ts";
import { routeDocs } from "./common.ts";

const docs = routeDocs("CASE");

/** CASE sourcedIds are UUIDs in principle; real files carry other strings, so any short printable string is looked up. */
const sourcedId = z.object({ sourcedId: z.string().min(1).max(200) }).strict();
const statusInfo = z.object({
  imsx_codeMajor: z.literal("failure"),
  imsx_severity: z.literal("error"),
  imsx_description: z.string(),
  imsx_CodeMinor: z.object({
    imsx_codeMinorField: z.array(z.object({ imsx_codeMinorFieldName: z.string(), imsx_codeMinorFieldValue: z.string() })),
  }),
});
const json = z.record(z.string(), z.unknown());
const errors = { 400: statusInfo, 404: statusInfo, 500: statusInfo };

/**
 * The 1EdTech CASE 1.0 provider endpoints (read-only, public) for published frameworks, at the
 * address CASE consumers expect. Errors answer in CASE's own shape (imsx_StatusInfo), not the
 * /api/v1 one: this scope has its own error handler.
 */
export async function caseRoutes(fastify: FastifyInstance, options: { services: Services }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const competencies = options.services.competencies;

  app.setErrorHandler((error, request, reply) => {
    if (isDomainError(error) && error.status === 404) {
      return reply.status(404).send(caseStatusInfo("unknownobject", `No published ${error.params.what ?? "object"} has this sourcedId.`));
    }
    const status = (error as { statusCode?: number }).statusCode;
    if ((isDomainError(error) && error.status === 400) || (status && status >= 400 && status < 500)) {
      return reply.status(400).send(caseStatusInfo("invalid_selection_field", "The request is not valid."));
    }
    request.log.error(error);
    return reply.status(500).send(caseStatusInfo("internal_server_error", "An unexpected error occurred."));
  });

  app.get(
    "/ims/case/v1p0/CFDocuments",
    docs.public("CASE: every published framework document", {
      querystring: z
        .object({ limit: z.coerce.number().int().min(1).max(1000).default(100), offset: z.coerce.number().int().min(0).default(0) })
        .strict(),
      response: { 200: z.object({ CFDocuments: z.array(json) }), ...errors },
    }),
    async (request) => competencies.caseDocuments(request.query.limit, request.query.offset),
  );

  app.get(
    "/ims/case/v1p0/CFDocuments/:sourcedId",
    docs.public("CASE: one framework document", { params: sourcedId, response: { 200: json, ...errors } }),
    async (request) => competencies.caseDocument(request.params.sourcedId),
  );

  app.get(
    "/ims/case/v1p0/CFPackages/:sourcedId",
    docs.public("CASE: a framework document with its items, associations, definitions and rubrics", {
      params: sourcedId,
      response: { 200: json, ...errors },
    }),
    async (request) => competencies.casePackage(request.params.sourcedId),
  );

  app.get(
    "/ims/case/v1p0/CFItems/:sourcedId",
    docs.public("CASE: one item of a published framework", { params: sourcedId, response: { 200: json, ...errors } }),
    async (request) => competencies.caseItem(request.params.sourcedId),
  );

  app.get(
    "/ims/case/v1p0/CFItemAssociations/:sourcedId",
    docs.public("CASE: an item with every association it takes part in, crosswalks included", {
      params: sourcedId,
      response: { 200: z.object({ CFItem: json, CFAssociations: z.array(json) }), ...errors },
    }),
    async (request) => competencies.caseItemAssociations(request.params.sourcedId),
  );
}
