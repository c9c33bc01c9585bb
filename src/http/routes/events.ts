import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  affiliationDecisionDto,
  calendarDto,
  eventDto,
  eventPage,
  myEventsDto,
  pendingAffiliationDto,
  registrationDto,
  registrationPage,
  reportDto,
} from "../../domain/events/dto.ts";
import { participantsCsv, reportXlsx } from "../../domain/events/report-files.ts";
import {
  affiliationDecisionSchema,
  checkInInputSchema,
  eventFiltersSchema,
  eventInputSchema,
  eventPatchSchema,
  eventRefSchema,
  registrationFiltersSchema,
  registrationInputSchema,
} from "../../domain/events/validation.ts";
import { slugSchema } from "../../domain/shared/slugs.ts";
import type { Services } from "../../services.ts";
import { requestLocale } from "../request-locale.ts";
import { lang, routeDocs } from "./common.ts";

const docs = routeDocs("events");

const refParams = z.object({ id: eventRefSchema.describe("The event's id or slug") }).strict();

/** Events: the public calendar, registration and check-in, and the staff's writes and reports. */
export async function eventRoutes(fastify: FastifyInstance, options: { services: Services }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const events = options.services.events;

  app.get(
    "/events",
    docs.public("List events, soonest first (or latest first for period=past), with filters", {
      description: "`from` and `to` bound the start time; `language` matches the event's languages and interpretation languages.",
      querystring: eventFiltersSchema.extend(lang),
      response: { 200: eventPage },
    }),
    async (request) => {
      const { lang: _lang, ...filters } = request.query;
      return events.listEvents(filters, requestLocale(request));
    },
  );

  app.get("/events/:id", docs.open("One event (by id or slug)", { params: refParams, response: { 200: eventDto } }), async (request) =>
    events.getEvent(request.params.id, requestLocale(request), request.actor),
  );

  app.get(
    "/events/:id/calendar.ics",
    docs.public("The event as an iCalendar file (with the join link for registered participants)", {
      params: refParams,
      produces: ["text/calendar"],
    }),
    async (request, reply) => {
      const file = await events.eventIcs(request.params.id, requestLocale(request), request.actor);
      return reply
        .type("text/calendar; charset=utf-8")
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  app.post(
    "/events",
    docs.signedIn("Create an event (the centre's admins and staff, or the secretariat)", {
      description: "Times are ISO instants, or wall-clock times (no offset) read in `timeZone`.",
      body: eventInputSchema,
      response: { 201: eventDto },
    }),
    async (request, reply) => reply.status(201).send(await events.createEvent(request.actor, request.body, requestLocale(request))),
  );

  app.patch(
    "/events/:id",
    docs.signedIn("Change an event, or cancel it with status=cancelled (its centre's staff)", {
      params: refParams,
      body: eventPatchSchema,
      response: { 200: eventDto },
    }),
    async (request) => events.updateEvent(request.actor, request.params.id, request.body, requestLocale(request)),
  );

  app.post(
    "/events/:id/registration",
    docs.signedIn("Register the signed-in person; when the event is full, they join the waiting list", {
      params: refParams,
      body: registrationInputSchema.nullish(),
      response: { 201: registrationDto },
    }),
    async (request, reply) => reply.status(201).send(await events.register(request.actor, request.params.id, request.body ?? {})),
  );

  app.delete(
    "/events/:id/registration",
    docs.signedIn("Cancel the signed-in person's registration; the first person waiting takes the place", {
      params: refParams,
      response: { 200: registrationDto },
    }),
    async (request) => events.cancelRegistration(request.actor, request.params.id),
  );

  app.post(
    "/events/:id/check-ins",
    docs.signedIn("Record attendance: staff by registration id, or a participant with the code shown at the event", {
      params: refParams,
      body: checkInInputSchema,
      response: { 200: registrationDto },
    }),
    async (request) => events.checkIn(request.actor, request.params.id, request.body, request.ip),
  );

  app.get(
    "/events/:id/registrations",
    docs.signedIn("The registration list, searchable by name or email (the event's staff)", {
      params: refParams,
      querystring: registrationFiltersSchema.extend(lang),
      response: { 200: registrationPage },
    }),
    async (request) => {
      const { lang: _lang, ...filters } = request.query;
      return events.listRegistrations(request.actor, request.params.id, filters, requestLocale(request));
    },
  );

  app.get(
    "/organisations/:id/affiliations",
    docs.signedIn(
      "Registrations made in the organisation's name that wait for it to confirm the person belongs to it (its administrators)",
      {
        params: z.object({ id: z.union([z.uuid(), slugSchema]).describe("The organisation's id or slug") }).strict(),
        response: { 200: z.object({ items: z.array(pendingAffiliationDto) }) },
      },
    ),
    async (request) => ({ items: await events.pendingAffiliations(request.actor, request.params.id, requestLocale(request)) }),
  );

  app.post(
    "/affiliations/:id",
    docs.signedIn(
      "Confirm or decline that the person registered in the organisation's name belongs to it; only confirmed ones count in its report",
      {
        params: z.object({ id: z.uuid() }).strict(),
        body: affiliationDecisionSchema,
        response: { 200: affiliationDecisionDto },
      },
    ),
    async (request) => events.decideAffiliation(request.actor, request.params.id, request.body),
  );

  app.get(
    "/events/:id/report",
    docs.signedIn("Participation report: counts by institution and country (JSON), or the participant list as CSV or XLSX", {
      params: refParams,
      querystring: z.object({ format: z.enum(["json", "csv", "xlsx"]).default("json"), ...lang }).strict(),
      response: { 200: reportDto },
    }),
    async (request, reply) => {
      const locale = requestLocale(request);
      const report = await events.report(request.actor, request.params.id, locale);
      if (request.query.format === "json") return report;
      const rows = await events.participants(request.actor, request.params.id, locale);
      const name = `${report.event.slug}-participants`;
      // Files, not the JSON of the response schema: Fastify sends strings of another type and buffers as they are.
      if (request.query.format === "csv") {
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="${name}.csv"`)
          .send(participantsCsv(rows, locale) as never);
      }
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="${name}.xlsx"`)
        .send((await reportXlsx(report, rows, locale)) as never);
    },
  );

  app.get(
    "/me/events",
    docs.signedIn("The events the signed-in person is registered for or waiting for", {
      response: { 200: myEventsDto },
    }),
    async (request) => ({ items: await events.myEvents(request.actor, requestLocale(request)) }),
  );

  app.get(
    "/me/calendar",
    docs.signedIn("The address of the signed-in person's calendar feed", { response: { 200: calendarDto } }),
    async (request) => ({ url: events.calendarFeedUrl(await events.calendarToken(request.actor)) }),
  );

  app.post(
    "/me/calendar/token",
    docs.signedIn("Replace the calendar feed's secret address; the old one stops working", {
      response: { 200: calendarDto },
    }),
    async (request) => ({ url: events.calendarFeedUrl(await events.regenerateCalendarToken(request.actor)) }),
  );
}

/** The calendar feed lives outside /api/v1 at a short address calendar apps subscribe to. */
export async function calendarFeedRoutes(fastify: FastifyInstance, options: { services: Services }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/calendar/:file",
    docs.public("A person's events as an iCalendar feed, at the secret address from /api/v1/me/calendar", {
      params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,64}\.ics$/) }).strict(),
      produces: ["text/calendar"],
    }),
    async (request, reply) => {
      const body = await options.services.events.calendarFeed(request.params.file.replace(/\.ics$/, ""));
      return reply.type("text/calendar; charset=utf-8").header("cache-control", "private, max-age=300").send(body);
    },
  );
}
