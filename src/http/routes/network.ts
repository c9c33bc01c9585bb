import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { centreKinds, centreStatuses, governanceRoles, organisationRef } from "../../domain/network/dto.ts";
import {
  centreFiltersSchema,
  centreInputSchema,
  centrePatchSchema,
  facilityInputSchema,
  governanceTermInputSchema,
  governanceTermPatchSchema,
  membershipInputSchema,
  organisationFiltersSchema,
  organisationInputSchema,
  organisationPatchSchema,
} from "../../domain/network/validation.ts";
import { page } from "../../domain/shared/dto.ts";
import { slugSchema } from "../../domain/shared/slugs.ts";
import { locales } from "../../i18n/locales.ts";
import type { Services } from "../../services.ts";
import { requestLocale } from "../request-locale.ts";
import { lang, noContent, routeDocs } from "./common.ts";

const docs = routeDocs("network");

const slugParams = z.object({ slug: slugSchema }).strict();
const termParams = z.object({ id: z.uuid() }).strict();

const localisedText = z.partialRecord(z.enum(locales), z.string());
const partialDate = z.string().describe("YYYY, YYYY-MM or YYYY-MM-DD");

const organisationDto = organisationRef.extend({
  names: localisedText,
  website: z.string().nullable(),
  city: z.string().nullable(),
  createdAt: z.string(),
});
const facilityDto = z.object({
  id: z.uuid(),
  kind: z.literal("smart_classroom"),
  name: z.string(),
  inauguratedOn: partialDate.nullable(),
  partners: z.array(z.string()),
});
const membershipDto = z.object({ organisation: organisationRef, joinedOn: partialDate.nullable(), agreement: z.string().nullable() });
const centreSummaryDto = z.object({
  id: z.uuid(),
  slug: z.string(),
  kind: z.enum(centreKinds),
  name: z.string(),
  ordinal: z.number().int().nullable(),
  country: z.string(),
  subregion: z.string(),
  host: organisationRef.nullable(),
  languages: z.array(z.string()),
  establishedOn: partialDate.nullable(),
  status: z.enum(centreStatuses),
  memberCount: z.number().int(),
  latitude: z.number(),
  longitude: z.number(),
});
const centreDto = centreSummaryDto.extend({
  names: localisedText,
  city: z.string().nullable(),
  operator: organisationRef.nullable(),
  foundingPartners: z.array(organisationRef),
  focusAreas: z.array(z.string()),
  website: z.string().nullable(),
  facilities: z.array(facilityDto),
  members: z.array(membershipDto),
});
const figuresDto = z.object({
  centres: z.number().int(),
  nationalCentres: z.number().int(),
  trainingCentres: z.number().int(),
  countries: z.number().int(),
  partnerInstitutions: z.number().int(),
  smartClassrooms: z.number().int(),
});
const timelineDto = z.array(
  z.object({
    year: z.number().int(),
    established: z.array(z.object({ slug: z.string(), name: z.string(), country: z.string(), establishedOn: partialDate })),
    total: z.number().int(),
  }),
);
const governanceTermDto = z.object({
  id: z.uuid(),
  year: z.number().int(),
  role: z.enum(governanceRoles),
  holder: organisationRef.nullable(),
  holderName: z.string().nullable(),
});

/** The network registry: centres, organisations, memberships, facilities, figures, governance. */
export async function networkRoutes(fastify: FastifyInstance, options: { services: Services }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const network = options.services.network;

  app.get(
    "/centres",
    docs.public("List centres, filtered by kind, sub-region, country or name", {
      querystring: centreFiltersSchema.extend(lang).strict(),
      response: { 200: page(centreSummaryDto) },
    }),
    async (request) => {
      const { lang: _, ...filters } = request.query;
      return network.listCentres(filters, requestLocale(request));
    },
  );

  app.get(
    "/centres/:slug",
    docs.public("One centre with its partners, facilities and members", {
      params: slugParams,
      response: { 200: centreDto },
    }),
    async (request) => network.getCentre(request.params.slug, requestLocale(request)),
  );

  app.post(
    "/centres",
    docs.signedIn("Create a centre (secretariat)", {
      body: centreInputSchema,
      response: { 201: centreDto },
    }),
    async (request, reply) => reply.status(201).send(await network.createCentre(request.actor, request.body, requestLocale(request))),
  );

  app.patch(
    "/centres/:slug",
    docs.signedIn("Update a centre (secretariat, or the centre's admin)", {
      params: slugParams,
      body: centrePatchSchema,
      response: { 200: centreDto },
    }),
    async (request) => network.updateCentre(request.actor, request.params.slug, request.body, requestLocale(request)),
  );

  app.delete(
    "/centres/:slug",
    docs.signedIn("Delete a centre that has no member institutions (secretariat)", {
      params: slugParams,
      response: noContent,
    }),
    async (request, reply) => {
      await network.deleteCentre(request.actor, request.params.slug);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/centres/:slug/members",
    docs.signedIn("Add an institution to a centre's network (secretariat, or the centre's team)", {
      params: slugParams,
      body: membershipInputSchema,
      response: { 201: membershipDto },
    }),
    async (request, reply) =>
      reply.status(201).send(await network.addMember(request.actor, request.params.slug, request.body, requestLocale(request))),
  );

  app.delete(
    "/centres/:slug/members/:organisationSlug",
    docs.signedIn("Remove an institution from a centre's network", {
      params: z.object({ slug: slugSchema, organisationSlug: slugSchema }).strict(),
      response: noContent,
    }),
    async (request, reply) => {
      await network.removeMember(request.actor, request.params.slug, request.params.organisationSlug);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/centres/:slug/facilities",
    docs.signedIn("Add a smart classroom to a centre", {
      params: slugParams,
      body: facilityInputSchema,
      response: { 201: facilityDto },
    }),
    async (request, reply) => reply.status(201).send(await network.addFacility(request.actor, request.params.slug, request.body)),
  );

  app.delete(
    "/centres/:slug/facilities/:facilityId",
    docs.signedIn("Remove a facility from a centre", {
      params: z.object({ slug: slugSchema, facilityId: z.uuid() }).strict(),
      response: noContent,
    }),
    async (request, reply) => {
      await network.removeFacility(request.actor, request.params.slug, request.params.facilityId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/organisations",
    docs.public("List organisations of the network, filtered by kind, country or name", {
      querystring: organisationFiltersSchema.extend(lang).strict(),
      response: { 200: page(organisationDto) },
    }),
    async (request) => {
      const { lang: _, ...filters } = request.query;
      return network.listOrganisations(filters, requestLocale(request));
    },
  );

  app.get(
    "/organisations/:slug",
    docs.public("One organisation", { params: slugParams, response: { 200: organisationDto } }),
    async (request) => network.getOrganisation(request.params.slug, requestLocale(request)),
  );

  app.post(
    "/organisations",
    docs.signedIn("Create an organisation (secretariat; a centre's team may add a university)", {
      body: organisationInputSchema,
      response: { 201: organisationDto },
    }),
    async (request, reply) => reply.status(201).send(await network.createOrganisation(request.actor, request.body, requestLocale(request))),
  );

  app.patch(
    "/organisations/:slug",
    docs.signedIn("Update an organisation (secretariat, or its institution admin)", {
      params: slugParams,
      body: organisationPatchSchema,
      response: { 200: organisationDto },
    }),
    async (request) => network.updateOrganisation(request.actor, request.params.slug, request.body, requestLocale(request)),
  );

  app.delete(
    "/organisations/:slug",
    docs.signedIn("Delete an organisation no record refers to (secretariat)", {
      params: slugParams,
      response: noContent,
    }),
    async (request, reply) => {
      await network.deleteOrganisation(request.actor, request.params.slug);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/network/figures",
    docs.public("Live figures: centres, countries, partner institutions, smart classrooms", {
      response: { 200: figuresDto },
    }),
    async () => network.figures(),
  );

  app.get(
    "/network/timeline",
    docs.public("Centres established per year, with running totals", {
      response: { 200: timelineDto },
    }),
    async (request) => network.timeline(requestLocale(request)),
  );

  app.get(
    "/network/governance",
    docs.public("Governance terms: rotating presidency and secretariat roles by year", {
      response: { 200: z.array(governanceTermDto) },
    }),
    async (request) => network.governance(requestLocale(request)),
  );

  app.post(
    "/network/governance",
    docs.signedIn("Record a governance term (secretariat)", {
      body: governanceTermInputSchema,
      response: { 201: governanceTermDto },
    }),
    async (request, reply) => reply.status(201).send(await network.addGovernanceTerm(request.actor, request.body, requestLocale(request))),
  );

  app.patch(
    "/network/governance/:id",
    docs.signedIn("Change a governance term (secretariat)", {
      params: termParams,
      body: governanceTermPatchSchema,
      response: { 200: governanceTermDto },
    }),
    async (request) => network.updateGovernanceTerm(request.actor, request.params.id, request.body, requestLocale(request)),
  );

  app.delete(
    "/network/governance/:id",
    docs.signedIn("Remove a governance term (secretariat)", {
      params: termParams,
      response: noContent,
    }),
    async (request, reply) => {
      await network.removeGovernanceTerm(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/network/subregions",
    docs.public("UN sub-regions that have at least one centre", {
      response: { 200: z.array(z.string()) },
    }),
    async () => network.listSubregions(),
  );
}
