import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { authoringSyllabusDto, courseDto, coursePage, lessonDto } from "../../domain/catalogue/dto.ts";
import {
  courseInputSchema,
  coursePatchSchema,
  courseRefSchema,
  courseSearchSchema,
  moveInputSchema,
  translationInputSchema,
} from "../../domain/catalogue/validation.ts";
import { contentLocaleSchema } from "../../domain/shared/validation.ts";
import type { Services } from "../../services.ts";
import { requestLocale } from "../request-locale.ts";
import { routeDocs } from "./common.ts";

const docs = routeDocs("catalogue");

const idParams = z.object({ id: z.uuid() }).strict();

/** The course catalogue: public search and course pages, and the authors' writes. */
export async function catalogueRoutes(fastify: FastifyInstance, options: { services: Services }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const catalogue = options.services.catalogue;

  app.get(
    "/courses",
    docs.public("Search published courses in every language, with filters", {
      description:
        "`q` searches titles and summaries of ready translations in all languages. `lang` keeps courses with a ready translation " +
        "in that language; when it is an interface language it also picks the language of titles and messages.",
      querystring: courseSearchSchema,
      response: { 200: coursePage },
    }),
    async (request) => catalogue.searchCourses(request.query, requestLocale(request)),
  );

  app.get(
    "/courses/:id",
    docs.public("One course with its syllabus, languages, owner and co-creators (by id or slug)", {
      params: z.object({ id: courseRefSchema.describe("The course's id or slug") }).strict(),
      response: { 200: courseDto },
    }),
    async (request) => catalogue.getCourse(request.params.id, requestLocale(request), request.actor),
  );

  app.get(
    "/courses/:id/lessons/:lessonId",
    docs.public("One lesson of a course with its sanitised text", {
      params: z.object({ id: courseRefSchema, lessonId: z.uuid() }).strict(),
      response: { 200: lessonDto },
    }),
    async (request) => catalogue.getLesson(request.params.id, request.params.lessonId, requestLocale(request), request.actor),
  );

  app.post(
    "/courses",
    docs.signedIn("Create a draft course with its syllabus (the owner's centre admins and staff, or the secretariat)", {
      body: courseInputSchema,
      response: { 201: courseDto },
    }),
    async (request, reply) => reply.status(201).send(await catalogue.createCourse(request.actor, request.body, requestLocale(request))),
  );

  app.patch(
    "/courses/:id",
    docs.signedIn("Update a course's details or syllabus (its authors)", {
      params: idParams,
      body: coursePatchSchema,
      response: { 200: courseDto },
    }),
    async (request) => catalogue.updateCourse(request.actor, request.params.id, request.body, requestLocale(request)),
  );

  app.put(
    "/courses/:id/translations/:locale",
    docs.signedIn(
      "Write a course's texts in one language, with module and lesson texts by id, each with its status (authors; translators for other languages)",
      {
        params: z.object({ id: z.uuid(), locale: contentLocaleSchema }).strict(),
        body: translationInputSchema,
        response: { 200: courseDto },
      },
    ),
    async (request) =>
      catalogue.addTranslation(request.actor, request.params.id, request.params.locale, request.body, requestLocale(request)),
  );

  app.post(
    "/courses/:id/modules/:moduleId/move",
    docs.signedIn("Move a draft course's module one place up or down the syllabus (its authors)", {
      params: z.object({ id: courseRefSchema, moduleId: z.uuid() }).strict(),
      body: moveInputSchema,
      response: { 200: authoringSyllabusDto },
    }),
    async (request) => catalogue.moveModule(request.actor, request.params.id, request.params.moduleId, request.body),
  );

  app.post(
    "/courses/:id/lessons/:lessonId/move",
    docs.signedIn("Move a draft course's lesson one place up or down; past either end of its module it joins the next one (its authors)", {
      params: z.object({ id: courseRefSchema, lessonId: z.uuid() }).strict(),
      body: moveInputSchema,
      response: { 200: authoringSyllabusDto },
    }),
    async (request) => catalogue.moveLesson(request.actor, request.params.id, request.params.lessonId, request.body),
  );
}
