import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  awardDto,
  bulkPreviewDto,
  certificationDto,
  certificationSummaryDto,
  evidenceDto,
  managedAwardDto,
  myCertificationDto,
} from "../../domain/certifications/dto.ts";
import {
  certificationInputSchema,
  certificationPatchSchema,
  certificationRefSchema,
  certificationTranslationSchema,
  decisionInputSchema,
  statusChangeSchema,
} from "../../domain/certifications/validation.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import type { Services } from "../../services.ts";
import { requestLocale } from "../request-locale.ts";
import { lang, routeDocs } from "./common.ts";
import { sendFile, uploadRequest } from "./media.ts";

const docs = routeDocs("certifications");
const refParams = z.object({ ref: certificationRefSchema.describe("Certification id or slug") }).strict();
const idParams = z.object({ id: z.uuid() }).strict();

/** A multipart body: text fields first, then one part named `file`. */
const fileBody = (fields: Record<string, z.ZodType>) =>
  z
    .object({ ...fields, file: z.unknown().meta({ type: "string", format: "binary" }) })
    .nullish()
    .meta({ description: "multipart/form-data: the fields, then one part named `file`" });

/** The file part (read whole: evidence and lists are small, and the service checks the size) with the fields sent before it. */
async function fileWithFields(
  request: FastifyRequest,
  limit: number,
): Promise<{ fields: Record<string, string>; fileName: string; bytes: Uint8Array }> {
  const part = await request.file({ limits: { fileSize: limit + 1 } });
  if (part?.fieldname !== "file")
    throw new DomainError("validation_failed", 400, {}, [{ path: "file", code: "required", messageId: "input.required" }]);
  const bytes = await part.toBuffer().catch(() => null);
  if (!bytes || part.file.truncated)
    throw new DomainError("payload_too_large", 413, {}, [
      { path: "file", code: "tooLarge", messageId: "authoring.upload.tooLarge", params: { megabytes: Math.floor(limit / 1024 / 1024) } },
    ]);
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    if (value && !Array.isArray(value) && value.type === "field") fields[name] = String(value.value);
  }
  return { fields, fileName: part.filename, bytes: new Uint8Array(bytes) };
}

/** Certifications: definitions, the learner's progress and evidence, assessors' decisions, awards and bulk awards. */
export async function certificationRoutes(fastify: FastifyInstance, options: { services: Services }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const certifications = options.services.certifications;
  const MAX_UPLOAD = 6 * 1024 * 1024;
  await app.register(multipart, { limits: { files: 1, fields: 5, parts: 6, fileSize: MAX_UPLOAD } });

  app.get(
    "/certifications",
    docs.open("Active certifications; with managed=true, every certification of the organisations you manage or assess for", {
      querystring: z.object({ managed: z.enum(["true", "false"]).optional(), ...lang }).strict(),
      response: { 200: z.array(certificationSummaryDto) },
    }),
    async (request) =>
      certifications.listCertifications(request.actor, { managed: request.query.managed === "true" }, requestLocale(request)),
  );

  app.post(
    "/certifications",
    docs.signedIn("Define a certification of an organisation (its staff; the secretariat anywhere)", {
      body: certificationInputSchema,
      response: { 201: certificationDto },
    }),
    async (request, reply) =>
      reply.status(201).send(await certifications.createCertification(request.actor, request.body, requestLocale(request))),
  );

  app.get(
    "/certifications/:ref",
    docs.open("One certification with its rules, in the reader's language where ready", {
      params: refParams,
      response: { 200: certificationDto },
    }),
    async (request) => certifications.getCertification(request.actor, request.params.ref, requestLocale(request)),
  );

  app.patch(
    "/certifications/:ref",
    docs.signedIn("Change rules, validity, status, alignments or the texts in the certification's own language", {
      params: refParams,
      body: certificationPatchSchema,
      response: { 200: certificationDto },
    }),
    async (request) => certifications.updateCertification(request.actor, request.params.ref, request.body, requestLocale(request)),
  );

  app.post(
    "/certifications/:ref/translations",
    docs.signedIn("Add or replace the texts in another language", {
      params: refParams,
      body: certificationTranslationSchema,
      response: { 200: certificationDto },
    }),
    async (request) => certifications.translateCertification(request.actor, request.params.ref, request.body, requestLocale(request)),
  );

  app.get(
    "/certifications/:ref/progress",
    docs.signedIn("Your progress: each condition met or not, with where to go next, and your award", {
      params: refParams,
      response: { 200: myCertificationDto },
    }),
    async (request) => certifications.myProgress(request.actor, request.params.ref, requestLocale(request)),
  );

  app.post(
    "/certifications/:ref/claim",
    docs.signedIn("Be awarded now when you meet the rules (the minute job does the same; never twice)", {
      params: refParams,
      response: { 200: myCertificationDto },
    }),
    async (request) => certifications.claimAward(request.actor, request.params.ref, requestLocale(request)),
  );

  app.post(
    "/certifications/:ref/evidence",
    {
      preValidation: uploadRequest,
      schema: {
        tags: docs.tags,
        summary: "Send evidence for an assessed condition (fields conditionKey and note, then the file; type sniffed, size capped)",
        params: refParams,
        querystring: z.object(lang).strict(),
        consumes: ["multipart/form-data"],
        body: fileBody({ conditionKey: z.string(), note: z.string().optional() }),
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const { fields, fileName, bytes } = await fileWithFields(request, MAX_UPLOAD);
      const sent = await certifications.submitEvidence(request.actor, request.params.ref, {
        conditionKey: fields.conditionKey ?? "",
        note: fields.note,
        fileName,
        bytes,
      });
      return reply.status(201).send(sent);
    },
  );

  app.get(
    "/certification-evidence",
    docs.signedIn("Evidence waiting for a decision at the organisations you assess for, oldest first", {
      response: { 200: z.array(evidenceDto) },
    }),
    async (request) => certifications.evidenceQueue(request.actor, requestLocale(request)),
  );

  app.get(
    "/certification-evidence/:id",
    docs.signedIn("One piece of evidence with its rubric (its assessors and the learner who sent it)", {
      params: idParams,
      response: { 200: evidenceDto },
    }),
    async (request) => certifications.getEvidence(request.actor, request.params.id, requestLocale(request)),
  );

  app.get(
    "/certification-evidence/:id/file",
    docs.signedIn("The evidence file (its assessors and the learner who sent it)", { params: idParams }),
    async (request, reply) => sendFile(request, reply, await certifications.openEvidenceFile(request.actor, request.params.id)),
  );

  app.post(
    "/certification-evidence/:id/decision",
    docs.signedIn("Score each rubric criterion (0-4) and approve or reject; approving needs the pass mark and may award", {
      params: idParams,
      body: decisionInputSchema,
      response: { 200: evidenceDto },
    }),
    async (request) => certifications.decideEvidence(request.actor, request.params.id, request.body, requestLocale(request)),
  );

  app.get(
    "/certifications/:ref/awards",
    docs.signedIn("Every award of the certification (its managers)", { params: refParams, response: { 200: z.array(managedAwardDto) } }),
    async (request) => certifications.listAwards(request.actor, request.params.ref),
  );

  app.post(
    "/certification-awards/:id/status",
    docs.signedIn("Revoke, suspend or reinstate an award, with a reason", {
      params: idParams,
      body: statusChangeSchema,
      response: { 200: managedAwardDto },
    }),
    async (request) => certifications.changeAwardStatus(request.actor, request.params.id, request.body),
  );

  app.get(
    "/me/certification-awards",
    docs.signedIn("Every award cycle you were given, newest first", { response: { 200: z.array(awardDto) } }),
    async (request) => certifications.myAwards(request.actor),
  );

  app.post(
    "/certifications/:ref/bulk-awards",
    {
      preValidation: uploadRequest,
      schema: {
        tags: docs.tags,
        summary: "Preview awarding a cohort's people from a CSV or XLSX list (name, email): nothing is awarded yet",
        params: refParams,
        querystring: z.object(lang).strict(),
        consumes: ["multipart/form-data"],
        body: fileBody({ cohortId: z.uuid() }),
        response: { 201: bulkPreviewDto },
      },
    },
    async (request, reply) => {
      const { fields, fileName, bytes } = await fileWithFields(request, MAX_UPLOAD);
      const preview = await certifications.previewBulkAwards(
        request.actor,
        request.params.ref,
        { cohortId: fields.cohortId ?? "", fileName, bytes },
        requestLocale(request),
      );
      return reply.status(201).send(preview);
    },
  );

  app.get(
    "/certification-bulk-awards/:id",
    docs.signedIn("A list you uploaded, judged again as things stand", { params: idParams, response: { 200: bulkPreviewDto } }),
    async (request) => certifications.getBulkPreview(request.actor, request.params.id),
  );

  app.post(
    "/certification-bulk-awards/:id/confirm",
    docs.signedIn("Award the rows still valid, once", {
      params: idParams,
      response: { 200: z.object({ awarded: z.number().int(), preview: bulkPreviewDto }) },
    }),
    async (request) => certifications.confirmBulkAwards(request.actor, request.params.id),
  );
}
