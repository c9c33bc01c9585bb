import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { courseRefDto, noticeDto, queueItemDto, reviewDto, reviewQueueItemDto, rubricCriterionDto } from "../../domain/catalogue/dto.ts";
import {
  adaptInputSchema,
  courseRefSchema,
  criterionInputSchema,
  criterionPatchSchema,
  reviewInputSchema,
} from "../../domain/catalogue/validation.ts";
import { slugSchema } from "../../domain/shared/slugs.ts";
import { contentLocaleSchema } from "../../domain/shared/validation.ts";
import type { Services } from "../../services.ts";
import { requestLocale } from "../request-locale.ts";
import { lang, noContent, routeDocs } from "./common.ts";

const docs = routeDocs("quality");

const idParams = z.object({ id: z.uuid() }).strict();
const refParams = z.object({ id: courseRefSchema.describe("The course's id or slug") }).strict();

/** The quality gate (submit, review, archive), versions, adaptations, the rubric and the translation queue. */
export async function qualityRoutes(fastify: FastifyInstance, options: { services: Services }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { workflow, rubric, translations } = options.services;

  app.post(
    "/courses/:id/submit",
    docs.signedIn("Send a draft to review: its default language ready, a lesson, quizzes with a right answer (its authors)", {
      params: idParams,
      response: { 200: courseRefDto },
    }),
    async (request) => workflow.submit(request.actor, request.params.id),
  );

  app.get(
    "/courses/:id/reviews",
    docs.open("A course's reviews with their rubric scores, newest first (its authors and reviewers)", {
      params: refParams,
      response: { 200: z.array(reviewDto) },
    }),
    async (request) => workflow.reviews(request.actor, request.params.id, requestLocale(request)),
  );

  app.post(
    "/courses/:id/reviews",
    docs.signedIn("Review a course in review: score every criterion in use and approve (publishes it) or return it", {
      description:
        "Approval needs every essential criterion above zero. Approving a new version merges it into the published course, " +
        "which keeps its id, slug and lesson ids. The owner's authors and centre admins are told by email.",
      params: idParams,
      body: reviewInputSchema,
      response: { 201: courseRefDto },
    }),
    async (request, reply) => reply.status(201).send(await workflow.review(request.actor, request.params.id, request.body)),
  );

  app.delete(
    "/courses/:id",
    docs.signedIn("Delete a draft that was never published (a new version, an adaptation, a new course) with its content (its authors)", {
      params: idParams,
      response: noContent,
    }),
    async (request, reply) => {
      await workflow.discard(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/courses/:id/archive",
    docs.signedIn("Archive a course: it leaves the catalogue, enrolled learners keep it (its authors)", {
      params: idParams,
      response: { 200: courseRefDto },
    }),
    async (request) => workflow.archive(request.actor, request.params.id),
  );

  app.post(
    "/courses/:id/versions",
    docs.signedIn("Start the next version of a published course: a draft copy to edit and review (its authors)", {
      description: "A course has at most one version in preparation; asking again returns it.",
      params: idParams,
      response: { 201: courseRefDto },
    }),
    async (request, reply) => reply.status(201).send(await workflow.startRevision(request.actor, request.params.id)),
  );

  app.post(
    "/courses/:id/adaptations",
    docs.signedIn("Adapt another owner's published course: a draft copy owned by `ownerId` (authors of that owner)", {
      description: "Refused (409) when the course's licence forbids derivatives.",
      params: idParams,
      body: adaptInputSchema,
      response: { 201: courseRefDto },
    }),
    async (request, reply) =>
      reply.status(201).send(await workflow.adapt(request.actor, request.params.id, request.body, requestLocale(request))),
  );

  app.get(
    "/courses/:id/notices",
    docs.open("Notices for a course's authors, e.g. the course it adapts has a new version", {
      params: refParams,
      response: { 200: z.array(noticeDto) },
    }),
    async (request) => workflow.notices(request.actor, request.params.id, requestLocale(request)),
  );

  app.post(
    "/courses/:id/notices/:noticeId/dismiss",
    docs.signedIn("Dismiss a notice (the course's authors)", {
      params: z.object({ id: z.uuid(), noticeId: z.uuid() }).strict(),
      response: { 204: z.null() },
    }),
    async (request, reply) => {
      await workflow.dismissNotice(request.actor, request.params.id, request.params.noticeId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/reviews/queue",
    docs.open("Courses waiting for the caller's review, oldest submission first (reviewers)", {
      response: { 200: z.array(reviewQueueItemDto) },
    }),
    async (request) => workflow.reviewQueue(request.actor, requestLocale(request)),
  );

  app.get(
    "/rubric",
    docs.public("The quality rubric's criteria in order; `all=true` includes retired ones", {
      querystring: z.object({ ...lang, all: z.enum(["true", "false"]).optional() }).strict(),
      response: { 200: z.array(rubricCriterionDto) },
    }),
    async (request) => rubric.listCriteria(requestLocale(request), { activeOnly: request.query.all !== "true" }),
  );

  app.post(
    "/rubric",
    docs.signedIn("Add a criterion at the end of the rubric (secretariat)", {
      body: criterionInputSchema,
      response: { 201: rubricCriterionDto },
    }),
    async (request, reply) => reply.status(201).send(await rubric.createCriterion(request.actor, request.body, requestLocale(request))),
  );

  app.patch(
    "/rubric/:id",
    docs.signedIn("Change, move (`position`) or retire (`active: false`) a criterion (secretariat)", {
      params: idParams,
      body: criterionPatchSchema,
      response: { 200: rubricCriterionDto },
    }),
    async (request) => rubric.updateCriterion(request.actor, request.params.id, request.body, requestLocale(request)),
  );

  app.get(
    "/translations/queue",
    docs.open("Courses × languages asked for, with how many fields are missing, drafted or ready (translators and authors)", {
      querystring: z.object({ ...lang, locale: contentLocaleSchema.optional(), owner: slugSchema.optional() }).strict(),
      response: { 200: z.array(queueItemDto) },
    }),
    async (request) =>
      translations.queue(request.actor, { locale: request.query.locale, owner: request.query.owner }, requestLocale(request)),
  );

  app.post(
    "/courses/:id/translation-requests",
    docs.signedIn("Ask for a translation into a language: it joins the translators' queue (the course's authors)", {
      params: idParams,
      body: z.object({ locale: contentLocaleSchema }).strict(),
      response: { 201: queueItemDto },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(await translations.requestLanguage(request.actor, request.params.id, request.body.locale, requestLocale(request))),
  );
}
