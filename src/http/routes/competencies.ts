import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { caseVersions } from "../../domain/competencies/case-format.ts";
import {
  alignmentDto,
  alignmentTargets,
  crosswalkDto,
  crosswalkViewDto,
  frameworkDto,
  frameworkSummaryDto,
  importReportDto,
  taughtInDto,
} from "../../domain/competencies/dto.ts";
import {
  alignmentInputSchema,
  crosswalkInputSchema,
  frameworkFiltersSchema,
  frameworkInputSchema,
  frameworkPatchSchema,
  frameworkRefSchema,
  frameworkTranslationSchema,
  importInputSchema,
  itemInputSchema,
  itemListSchema,
  itemPatchSchema,
  levelsInputSchema,
} from "../../domain/competencies/validation.ts";
import { page } from "../../domain/shared/dto.ts";
import { contentLocaleSchema } from "../../domain/shared/validation.ts";
import type { Services } from "../../services.ts";
import { requestLocale } from "../request-locale.ts";
import { lang, noContent, routeDocs } from "./common.ts";

const docs = routeDocs("competencies");

const refParams = z.object({ ref: frameworkRefSchema.describe("Framework id, or slug for its current version") }).strict();
const itemParams = z.object({ ref: frameworkRefSchema, itemId: z.uuid() }).strict();

/** Competency frameworks: versions, levels, items and their texts in each language. */
export async function competencyRoutes(fastify: FastifyInstance, options: { services: Services }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const competencies = options.services.competencies;

  app.get(
    "/competency-frameworks",
    docs.open("List competency frameworks (drafts only for those who manage them)", {
      querystring: frameworkFiltersSchema.extend(lang).strict(),
      response: { 200: page(frameworkSummaryDto) },
    }),
    async (request) => {
      const { lang: _, ...filters } = request.query;
      return competencies.listFrameworks(request.actor, filters, requestLocale(request));
    },
  );

  app.get(
    "/competency-frameworks/:ref",
    docs.open("One framework version with its levels and items, in the reader's language where ready", {
      params: refParams,
      response: { 200: frameworkDto },
    }),
    async (request) => competencies.getFramework(request.actor, request.params.ref, requestLocale(request)),
  );

  app.post(
    "/competency-frameworks",
    docs.signedIn("Create a draft framework (secretariat for the institute and outside bodies; a centre's admins for the centre)", {
      body: frameworkInputSchema,
      response: { 201: frameworkDto },
    }),
    async (request, reply) =>
      reply.status(201).send(await competencies.createFramework(request.actor, request.body, requestLocale(request))),
  );

  app.patch(
    "/competency-frameworks/:ref",
    docs.signedIn("Change a draft's texts in its own language, its licence, source and levels", {
      params: refParams,
      body: frameworkPatchSchema,
      response: { 200: frameworkDto },
    }),
    async (request) => competencies.updateFramework(request.actor, request.params.ref, request.body, requestLocale(request)),
  );

  app.put(
    "/competency-frameworks/:ref/levels",
    docs.signedIn("Replace a draft's proficiency levels (codes that stay keep their items)", {
      params: refParams,
      body: levelsInputSchema,
      response: { 200: frameworkDto },
    }),
    async (request) => competencies.setLevels(request.actor, request.params.ref, request.body, requestLocale(request)),
  );

  app.post(
    "/competency-frameworks/:ref/publish",
    docs.signedIn("Publish a draft: it becomes immutable and supersedes the version before it", {
      params: refParams,
      response: { 200: frameworkDto },
    }),
    async (request) => competencies.publishFramework(request.actor, request.params.ref, requestLocale(request)),
  );

  app.post(
    "/competency-frameworks/:ref/versions",
    docs.signedIn("Start the next version of a published framework as a draft copy", {
      params: refParams,
      response: { 201: frameworkDto },
    }),
    async (request, reply) =>
      reply.status(201).send(await competencies.startNewVersion(request.actor, request.params.ref, requestLocale(request))),
  );

  app.delete(
    "/competency-frameworks/:ref",
    docs.signedIn("Delete a draft", { params: refParams, response: noContent }),
    async (request, reply) => {
      await competencies.deleteDraft(request.actor, request.params.ref);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/competency-frameworks/:ref/items",
    docs.signedIn("Add an area, competency or indicator to a draft", {
      params: refParams,
      body: itemInputSchema,
      response: { 201: frameworkDto },
    }),
    async (request, reply) =>
      reply.status(201).send(await competencies.addItem(request.actor, request.params.ref, request.body, requestLocale(request))),
  );

  app.post(
    "/competency-frameworks/:ref/item-list",
    docs.signedIn("Add many items to a draft at once, each naming its parent by code; all or nothing", {
      params: refParams,
      body: itemListSchema,
      response: { 201: frameworkDto },
    }),
    async (request, reply) =>
      reply.status(201).send(await competencies.addItems(request.actor, request.params.ref, request.body, requestLocale(request))),
  );

  app.patch(
    "/competency-frameworks/:ref/items/:itemId",
    docs.signedIn("Change an item of a draft", { params: itemParams, body: itemPatchSchema, response: { 200: frameworkDto } }),
    async (request) =>
      competencies.updateItem(request.actor, request.params.ref, request.params.itemId, request.body, requestLocale(request)),
  );

  app.delete(
    "/competency-frameworks/:ref/items/:itemId",
    docs.signedIn("Remove an item of a draft with everything under it", { params: itemParams, response: { 200: frameworkDto } }),
    async (request) => competencies.removeItem(request.actor, request.params.ref, request.params.itemId, requestLocale(request)),
  );

  app.get(
    "/competency-frameworks/:ref/case",
    docs.open("A framework version as a 1EdTech CASE package (CFPackage JSON); 1.1 carries translations and item levels in extensions", {
      params: refParams,
      querystring: z.object({ version: z.enum(caseVersions).default("1.1"), ...lang }).strict(),
      response: { 200: z.record(z.string(), z.unknown()) },
    }),
    async (request) => competencies.exportCase(request.actor, request.params.ref, request.query.version),
  );

  app.post(
    "/competency-frameworks/import",
    {
      ...docs.signedIn(
        "Import a CASE 1.0 or 1.1 package as a draft framework; every problem is reported by item, and nothing is written if there is an error",
        {
          body: importInputSchema,
          response: { 201: importReportDto, 422: importReportDto },
        },
      ),
      bodyLimit: 9 * 1024 * 1024,
    },
    async (request, reply) => {
      const report = await competencies.importCase(request.actor, request.body);
      return reply.status(report.imported ? 201 : 422).send(report);
    },
  );

  app.put(
    "/competency-frameworks/:ref/translations/:locale",
    docs.signedIn("Write a framework's texts in one language, with item and level texts by id, each with its status", {
      params: z.object({ ref: frameworkRefSchema, locale: contentLocaleSchema }).strict(),
      body: frameworkTranslationSchema,
      response: { 200: frameworkDto },
    }),
    async (request) =>
      competencies.addTranslation(request.actor, request.params.ref, request.params.locale, request.body, requestLocale(request)),
  );
}

/** Crosswalks between frameworks and alignments of content to competencies. */
export async function competencyLinkRoutes(fastify: FastifyInstance, options: { services: Services }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const competencies = options.services.competencies;

  app.post(
    "/competency-frameworks/:ref/crosswalks",
    docs.signedIn("Map an item of a draft framework to an item of another published framework (exact, related, broader, narrower)", {
      params: refParams,
      body: crosswalkInputSchema,
      response: { 201: crosswalkDto },
    }),
    async (request, reply) =>
      reply.status(201).send(await competencies.addCrosswalk(request.actor, request.params.ref, request.body, requestLocale(request))),
  );

  app.get(
    "/competency-frameworks/:ref/crosswalks/:otherRef",
    docs.open("Two frameworks side by side: each item of the first with the items of the second it is mapped to", {
      params: z.object({ ref: frameworkRefSchema, otherRef: frameworkRefSchema }).strict(),
      response: { 200: crosswalkViewDto },
    }),
    async (request) => competencies.crosswalkView(request.actor, request.params.ref, request.params.otherRef, requestLocale(request)),
  );

  app.delete(
    "/competency-crosswalks/:id",
    docs.signedIn("Remove a crosswalk of a draft framework", { params: z.object({ id: z.uuid() }).strict(), response: noContent }),
    async (request, reply) => {
      await competencies.removeCrosswalk(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/competency-frameworks/:ref/taught",
    docs.open("Where each competency is taught: published courses, programmes and events aligned to it, by item id", {
      params: refParams,
      response: { 200: z.record(z.string(), z.array(taughtInDto)) },
    }),
    async (request) => competencies.whereTaught(request.actor, request.params.ref, requestLocale(request)),
  );

  app.get(
    "/competency-alignments",
    docs.public("The competencies a course, lesson, question, programme or event is aligned to", {
      querystring: z.object({ target: z.enum(alignmentTargets), targetId: z.uuid(), ...lang }).strict(),
      response: { 200: z.array(alignmentDto) },
    }),
    async (request) => competencies.alignmentsOf(request.query.target, request.query.targetId, requestLocale(request)),
  );

  app.post(
    "/competency-alignments",
    docs.signedIn("Align a course, lesson, question, programme or event to a competency at a level (its owner's team and authors)", {
      body: alignmentInputSchema,
      response: { 201: alignmentDto },
    }),
    async (request, reply) => reply.status(201).send(await competencies.align(request.actor, request.body, requestLocale(request))),
  );

  app.delete(
    "/competency-alignments/:id",
    docs.signedIn("Remove an alignment", { params: z.object({ id: z.uuid() }).strict(), response: noContent }),
    async (request, reply) => {
      await competencies.unalign(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
