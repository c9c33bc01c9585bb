import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";

import {
  cohortDto,
  cohortReportDto,
  institutionReportDto,
  invitationResultDto,
  nominationConfirmationDto,
  nominationDto,
  nominationPreviewDto,
  programmeDto,
  programmePageDto,
} from "../../domain/programmes/dto.ts";
import { institutionReportFile } from "../../domain/programmes/institution-report-file.ts";
import { MAX_NOMINATION_FILE_BYTES } from "../../domain/programmes/nomination-file.ts";
import { reportFile } from "../../domain/programmes/report-file.ts";
import {
  cohortInputSchema,
  cohortPatchSchema,
  decisionInputSchema,
  institutionReportFiltersSchema,
  invitationInputSchema,
  nominationFiltersSchema,
  nominationInputSchema,
  programmeFiltersSchema,
  programmeInputSchema,
  programmePatchSchema,
  programmeTranslationSchema,
} from "../../domain/programmes/validation.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { slugSchema } from "../../domain/shared/slugs.ts";
import { type SpreadsheetFile as ReportFile, spreadsheetFormats as reportFormats } from "../../domain/shared/spreadsheet.ts";
import { contentLocaleSchema } from "../../domain/shared/validation.ts";
import type { Services } from "../../services.ts";
import { requestLocale } from "../request-locale.ts";
import { lang, routeDocs, security, signedIn } from "./common.ts";
import { uploadRequest } from "./media.ts";

const docs = routeDocs("programmes");

const programmeParams = z.object({ id: z.union([z.uuid(), slugSchema]).describe("The programme's id or slug") }).strict();
const idParams = z.object({ id: z.uuid() }).strict();

/** The uploaded list's bytes; too large a file is refused with the same message as the UI gives. */
async function nominationFile(request: FastifyRequest): Promise<{ fileName: string; bytes: Uint8Array }> {
  const part = await request.file();
  if (part?.fieldname !== "file") {
    throw new DomainError("validation_failed", 400, {}, [{ path: "file", code: "required", messageId: "programmes.file.empty" }]);
  }
  try {
    return { fileName: part.filename, bytes: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code !== "FST_REQ_FILE_TOO_LARGE") throw error;
    const params = { megabytes: MAX_NOMINATION_FILE_BYTES / 1024 / 1024 };
    throw new DomainError("validation_failed", 400, {}, [
      { path: "file", code: "too_large", messageId: "programmes.file.tooLarge", params },
    ]);
  }
}

/** Capacity-building programmes, their cohorts, nominations and reports. */
export async function programmeRoutes(fastify: FastifyInstance, options: { services: Services }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const programmes = options.services.programmes;
  // Only here, for nomination lists: the rest of the API takes JSON.
  await app.register(multipart, { limits: { files: 1, fields: 2, parts: 3, fileSize: MAX_NOMINATION_FILE_BYTES } });

  app.get(
    "/programmes",
    docs.public("Published programmes, optionally of one centre or matching a title", {
      querystring: programmeFiltersSchema.extend(lang).strict(),
      response: {
        200: programmePageDto,
      },
    }),
    async (request) => {
      const { lang: _, ...filters } = request.query;
      return programmes.listProgrammes(filters, requestLocale(request));
    },
  );

  app.get(
    "/programmes/:id",
    docs.public("One programme with its courses in order and its cohorts (by id or slug)", {
      params: programmeParams,
      response: { 200: programmeDto },
    }),
    async (request) => programmes.getProgramme(request.params.id, requestLocale(request), request.actor),
  );

  app.post(
    "/programmes",
    docs.signedIn("Create a programme (the owner centre's admins and staff, or the secretariat)", {
      body: programmeInputSchema,
      response: { 201: programmeDto },
    }),
    async (request, reply) => reply.status(201).send(await programmes.createProgramme(request.actor, request.body, requestLocale(request))),
  );

  app.patch(
    "/programmes/:id",
    docs.signedIn("Change a programme: status, default-language texts, courses in order", {
      params: programmeParams,
      body: programmePatchSchema,
      response: { 200: programmeDto },
    }),
    async (request) => programmes.updateProgramme(request.actor, request.params.id, request.body, requestLocale(request)),
  );

  app.put(
    "/programmes/:id/translations/:locale",
    docs.signedIn("Write a programme's texts in one language (draft or ready)", {
      params: programmeParams.extend({ locale: contentLocaleSchema }).strict(),
      body: programmeTranslationSchema,
      response: { 200: programmeDto },
    }),
    async (request) =>
      programmes.translateProgramme(request.actor, request.params.id, request.params.locale, request.body, requestLocale(request)),
  );

  app.post(
    "/programmes/:id/cohorts",
    docs.signedIn("Add a cohort to a programme", {
      params: programmeParams,
      body: cohortInputSchema,
      response: { 201: cohortDto },
    }),
    async (request, reply) =>
      reply.status(201).send(await programmes.createCohort(request.actor, request.params.id, request.body, requestLocale(request))),
  );

  app.get(
    "/cohorts/:id",
    docs.public("A cohort: schedule, courses, live sessions, the reader's progress, and the participants for staff", {
      params: idParams,
      response: { 200: cohortDto },
    }),
    async (request) => programmes.getCohort(request.actor, request.params.id, requestLocale(request)),
  );

  app.patch(
    "/cohorts/:id",
    docs.signedIn("Change a cohort", {
      params: idParams,
      body: cohortPatchSchema,
      response: { 200: cohortDto },
    }),
    async (request) => programmes.updateCohort(request.actor, request.params.id, request.body, requestLocale(request)),
  );

  app.post(
    "/cohorts/:id/enrolment",
    docs.signedIn("Join a cohort (open mode, or invited): enrols in its courses; 409 when full", {
      params: idParams,
      response: { 200: cohortDto },
    }),
    async (request) => programmes.enrol(request.actor, request.params.id, requestLocale(request)),
  );

  app.delete(
    "/cohorts/:id/enrolment",
    docs.signedIn("Leave a cohort you take part in", {
      description:
        "Frees the seat and cancels your places at the cohort's live sessions that have not started (waiting lists move up). " +
        "Your course enrolments and progress are kept; an approved nomination becomes `withdrawn`. 404 when you do not take part.",
      params: idParams,
      response: { 200: cohortDto },
    }),
    async (request) => programmes.withdraw(request.actor, request.params.id, requestLocale(request)),
  );

  app.delete(
    "/cohorts/:id/participants/:userId",
    docs.signedIn("Remove a participant from a cohort (its centre's staff); the same effects as leaving it", {
      params: z.object({ id: z.uuid(), userId: z.uuid() }).strict(),
      response: { 200: cohortDto },
    }),
    async (request) => programmes.removeParticipant(request.actor, request.params.id, request.params.userId, requestLocale(request)),
  );

  app.post(
    "/cohorts/:id/invitations",
    docs.signedIn("Invite people by email to an invitation-mode cohort (its centre's staff)", {
      params: idParams,
      body: invitationInputSchema,
      response: { 200: invitationResultDto },
    }),
    async (request) => programmes.invite(request.actor, request.params.id, request.body, requestLocale(request)),
  );

  app.get(
    "/cohorts/:id/nominations",
    docs.signedIn("A cohort's nominations: all for its centre's staff, their own institution's for institution administrators", {
      params: idParams,
      querystring: nominationFiltersSchema.extend(lang).strict(),
      response: { 200: z.array(nominationDto) },
    }),
    async (request) => {
      const { lang: _, ...filters } = request.query;
      return programmes.listNominations(request.actor, request.params.id, filters, requestLocale(request));
    },
  );

  app.post(
    "/cohorts/:id/nominations",
    docs.signedIn("Nominate one person (institution administrators); a new address gets an account and a mail to set its password", {
      params: idParams,
      body: nominationInputSchema,
      response: { 201: nominationDto },
    }),
    async (request, reply) =>
      reply.status(201).send(await programmes.nominate(request.actor, request.params.id, request.body, requestLocale(request))),
  );

  app.post(
    "/cohorts/:id/nominations/preview",
    {
      preValidation: [signedIn, uploadRequest],
      schema: {
        tags: docs.tags,
        security,
        summary: "Upload a CSV or XLSX list of staff: every row with its problems; nothing is nominated yet",
        description:
          "Columns name, email, department, role (header names in any case, also in the interface languages). CSV in UTF-8 " +
          "(with or without BOM), comma, semicolon or tab separated; XLSX: the first sheet. Up to 5 MB and 10,000 rows. " +
          "A file that cannot be read is a 400 on the field `file`, translated.",
        params: idParams,
        querystring: z
          .object({ institutionId: z.uuid().optional().describe("When you administer several institutions"), ...lang })
          .strict(),
        consumes: ["multipart/form-data"],
        body: z
          .object({ file: z.unknown().meta({ type: "string", format: "binary", description: "The CSV or XLSX file" }) })
          .nullish()
          .meta({ description: "multipart/form-data with one part named `file`" }),
        response: { 200: nominationPreviewDto },
      },
    },
    async (request) =>
      programmes.previewNominations(
        request.actor,
        request.params.id,
        { institutionId: request.query.institutionId, ...(await nominationFile(request)) },
        requestLocale(request),
      ),
  );

  app.get(
    "/nomination-uploads/:id",
    docs.signedIn("An uploaded list's preview again, judged anew (its uploader only)", {
      params: idParams,
      response: { 200: nominationPreviewDto },
    }),
    async (request) => programmes.getNominationPreview(request.actor, request.params.id, requestLocale(request)),
  );

  app.post(
    "/nomination-uploads/:id/confirm",
    docs.signedIn("Nominate the valid rows of an uploaded list; rows with problems are left out", {
      params: idParams,
      response: { 200: nominationConfirmationDto },
    }),
    async (request) => programmes.confirmNominations(request.actor, request.params.id, requestLocale(request)),
  );

  app.post(
    "/nominations/decisions",
    docs.signedIn("Approve or decline pending nominations of one cohort, all or none (its centre's staff)", {
      description:
        "Approval enrols the people in the cohort and its courses; each person is mailed the decision, approval or decline. 409 when the cohort has too few seats.",
      body: decisionInputSchema,
      response: { 200: z.array(nominationDto) },
    }),
    async (request) => programmes.decide(request.actor, request.body, requestLocale(request)),
  );

  app.post(
    "/nominations/:id/decision",
    docs.signedIn("Approve or decline one pending nomination", {
      params: idParams,
      body: z.object({ decision: z.enum(["approved", "declined"]) }).strict(),
      response: { 200: nominationDto },
    }),
    async (request) => {
      const [decided] = await programmes.decide(
        request.actor,
        { nominationIds: [request.params.id], decision: request.body.decision },
        requestLocale(request),
      );
      return decided!;
    },
  );

  app.post(
    "/cohorts/:id/sessions",
    docs.signedIn("Link an event of the centre as one of the cohort's live sessions", {
      params: idParams,
      body: z.object({ eventId: z.uuid() }).strict(),
      response: { 200: cohortDto },
    }),
    async (request) => programmes.linkSession(request.actor, request.params.id, request.body.eventId, requestLocale(request)),
  );

  app.delete(
    "/cohorts/:id/sessions/:eventId",
    docs.signedIn("Unlink a live session from the cohort", {
      params: z.object({ id: z.uuid(), eventId: z.uuid() }).strict(),
      response: { 200: cohortDto },
    }),
    async (request) => programmes.unlinkSession(request.actor, request.params.id, request.params.eventId, requestLocale(request)),
  );

  app.get(
    "/cohorts/:id/report",
    docs.signedIn("Nominated, enrolled and completed by institution and country; `format=csv|xlsx` downloads one row per person", {
      description:
        "Institution administrators get their own institution's staff only. CSV cells that would run as formulas are written as text.",
      params: idParams,
      querystring: z.object({ format: z.enum(["json", ...reportFormats]).default("json"), ...lang }).strict(),
      response: { 200: cohortReportDto },
    }),
    async (request, reply) => {
      const locale = requestLocale(request);
      const report = await programmes.cohortReport(request.actor, request.params.id, locale);
      if (request.query.format === "json") return report;
      return sendReportFile(reply, await reportFile(report, request.query.format, locale));
    },
  );

  app.get(
    "/organisations/:id/report",
    docs.signedIn("An institution's staff in Orbis: their cohorts, progress and events; `format=csv|xlsx` downloads it", {
      description:
        "For the institution's administrators, the secretariat and platform administrators. People linked to the institution by a " +
        "nomination, a cohort place or an event registration in its name; only those parts of their activity are shown. " +
        "`from`/`to` keep cohorts running on any day of the period and events starting in it; `programme` keeps its cohorts and their " +
        "live sessions. The CSV has one row per person (cells that would run as formulas are written as text); the XLSX adds a sheet " +
        "with one row per person and cohort.",
      params: z.object({ id: z.union([z.uuid(), slugSchema]).describe("The institution's id or slug") }).strict(),
      querystring: institutionReportFiltersSchema.extend({ format: z.enum(["json", ...reportFormats]).default("json"), ...lang }).strict(),
      response: { 200: institutionReportDto },
    }),
    async (request, reply) => {
      const locale = requestLocale(request);
      const { format, lang: _, ...filters } = request.query;
      const report = await programmes.institutionReport(request.actor, request.params.id, filters, locale);
      if (format === "json") return report;
      return sendReportFile(reply, await institutionReportFile(report, format, locale));
    },
  );
}

/** A file, not the JSON body the route's schema describes: Fastify sends buffers as they are. */
function sendReportFile(reply: FastifyReply, file: ReportFile) {
  return reply
    .header("content-type", file.contentType)
    .header("content-disposition", `attachment; filename="${file.fileName}"`)
    .header("cache-control", "private, no-store")
    .send(file.body);
}
