import { and, asc, count, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.ts";
import { organisationHasSlug, organisationRefs } from "../network/queries.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { parseInput } from "../shared/validation.ts";
import type { EventsContext } from "./context.ts";
import type { EventDto, EventForEditingDto, EventSummaryDto } from "./dto.ts";
import { eventSummaries, shownEventText, toMyRegistration } from "./mapping.ts";
import { can, rules } from "./permissions.ts";
import { findEvent, findManagedEvent, registrationOpenAt, textsOf } from "./rows.ts";
import { eventOrganisers, eventRegistrations, events } from "./schema.ts";
import { type EventFilters, eventFiltersSchema } from "./validation.ts";

/** Whether the actor runs this centre's events (the event form offers only those centres). */
export function canManageCentre(_ctx: EventsContext, actor: Actor | null, centreId: string): boolean {
  return can(actor, "event.manage", centreId);
}

/** The public calendar: soonest first, or latest first for past events. */
export async function listEvents(ctx: EventsContext, filters: EventFilters, reader: Locale) {
  const { db } = ctx;
  const f = parseInput(eventFiltersSchema, filters);
  const at = ctx.now();
  const where = and(
    f.centre ? organisationHasSlug(events.centreId, f.centre) : undefined,
    f.kind ? eq(events.kind, f.kind) : undefined,
    f.language
      ? sql`(${f.language} = any(${events.languages}) or ${f.language} = any(${events.interpretationLanguages}) or ${events.defaultLocale} = ${f.language})`
      : undefined,
    f.from ? gte(events.startsAt, new Date(f.from)) : undefined,
    f.to ? lt(events.startsAt, new Date(f.to)) : undefined,
    f.period === "upcoming" ? gte(events.endsAt, at) : undefined,
    f.period === "past" ? lt(events.endsAt, at) : undefined,
  );
  const order = f.period === "past" ? [desc(events.startsAt), asc(events.id)] : [asc(events.startsAt), asc(events.id)];
  const [[total], rows] = await Promise.all([
    db.select({ n: count() }).from(events).where(where),
    db
      .select()
      .from(events)
      .where(where)
      .orderBy(...order)
      .limit(f.limit)
      .offset(f.offset),
  ]);
  return { items: await eventSummaries(db, rows, reader), total: total?.n ?? 0, limit: f.limit, offset: f.offset };
}

/** One event for anyone; the join link, check-in code and own registration depend on who asks. */
export async function getEvent(ctx: EventsContext, ref: string, reader: Locale, actor: Actor | null = null): Promise<EventDto> {
  const { db } = ctx;
  const row = await findEvent(db, ref);
  const texts = await textsOf(db, [row.id]);
  const [[summary], organiserRows, mine] = await Promise.all([
    eventSummaries(db, [row], reader, texts),
    db.select().from(eventOrganisers).where(eq(eventOrganisers.eventId, row.id)).orderBy(asc(eventOrganisers.position)),
    actor
      ? db
          .select()
          .from(eventRegistrations)
          .where(and(eq(eventRegistrations.eventId, row.id), eq(eventRegistrations.userId, actor.userId)))
      : [],
  ]);
  const organisations = await organisationRefs(
    db,
    organiserRows.map((o) => o.organisationId),
    reader,
  );
  const eventTexts = texts.get(row.id) ?? [];
  const registration = mine[0] && mine[0].status !== "cancelled" ? mine[0] : undefined;
  const canManage = can(actor, "event.manage", row.centreId);
  return {
    ...summary!,
    description: shownEventText(row, eventTexts, reader).description,
    organisers: organiserRows.flatMap((o) => {
      const organisation = organisations.get(o.organisationId);
      return organisation ? [{ organisation, role: o.role }] : [];
    }),
    translations: eventTexts.map((t) => ({ locale: t.locale, status: t.status })).sort((a, b) => a.locale.localeCompare(b.locale)),
    joinUrl: canManage || registration?.status === "registered" ? row.joinUrl : null,
    checkInCode: canManage ? row.checkInCode : null,
    myRegistration: mine[0] ? await toMyRegistration(db, mine[0]) : null,
    registrationOpen: registrationOpenAt(row, ctx.now()),
    canManage,
  };
}

/** An event as its staff edit it: every text and the wall-clock times in the organiser's zone. */
export async function getEventForEditing(
  ctx: EventsContext,
  actor: Actor | null,
  ref: string,
  reader: Locale,
): Promise<EventForEditingDto> {
  const row = await findManagedEvent(ctx.db, actor, ref);
  const [event, texts] = await Promise.all([getEvent(ctx, row.id, reader, actor), textsOf(ctx.db, [row.id])]);
  return {
    event,
    texts: (texts.get(row.id) ?? []).map((t) => ({ locale: t.locale, title: t.title, description: t.description, status: t.status })),
    joinUrl: row.joinUrl,
    facilityId: row.facilityId,
  };
}

/** Events whose centre the actor runs (every event for the secretariat), newest first, for the staff pages. */
export async function listManagedEvents(ctx: EventsContext, actor: Actor | null, reader: Locale): Promise<EventSummaryDto[]> {
  const who = requireActor(actor);
  const everywhere = can(who, "event.manage");
  const team: readonly string[] = rules["event.manage"].roles;
  const centreIds = who.roles.flatMap((g) => (team.includes(g.role) && g.organisationId ? [g.organisationId] : []));
  if (!everywhere && !centreIds.length) return [];
  const rows = await ctx.db
    .select()
    .from(events)
    .where(everywhere ? undefined : inArray(events.centreId, centreIds))
    .orderBy(desc(events.startsAt))
    .limit(500);
  return eventSummaries(ctx.db, rows, reader);
}
