import crypto from "node:crypto";
import {
  and,
  asc,
  count,
  countDistinct,
  desc,
  eq,
  gt,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import QRCode from "qrcode";
import type { Database, Executor, Transaction } from "../../db/client.ts";
import { isLocale, type Locale } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import type { Mailer } from "../../infra/mailer.ts";
import { users } from "../identity/schema.ts";
import { localName, toOrganisationRef } from "../network/mapping.ts";
import { centres, facilities, organisations } from "../network/schema.ts";
import { type Actor, isGlobalStaff, type Role, requireActor, requireRole } from "../shared/actor.ts";
import { coalesced } from "../shared/coalesced.ts";
import { pgErrorOf } from "../shared/db-errors.ts";
import { DomainError, fieldConflict, fieldError, notFound } from "../shared/errors.ts";
import { slugify } from "../shared/slugs.ts";
import { rowsOf } from "../shared/sql.ts";
import { isTimeZone } from "../shared/time-zone.ts";
import { parseInput } from "../shared/validation.ts";
import type {
  EventDto,
  EventFigures,
  EventFilters,
  EventKind,
  EventMode,
  EventReportDto,
  EventStatus,
  EventSummaryDto,
  EventTranslationStatus,
  MyEventDto,
  MyRegistrationDto,
  OrganiserRole,
  Page,
  RegistrationDto,
  RegistrationRowDto,
  RegistrationStatus,
  ReportBucket,
} from "./dto.ts";
import { buildCalendar, type IcsEvent } from "./ics.ts";
import { eventCalendarFeeds, eventOrganisers, eventRegistrations, events, eventTranslations } from "./schema.ts";
import { parseEventTime } from "./time.ts";
import {
  checkInInputSchema,
  eventFiltersSchema,
  eventInputSchema,
  eventPatchSchema,
  eventRefSchema,
  registrationFiltersSchema,
  registrationInputSchema,
} from "./validation.ts";

export type EventsServiceDeps = { db: Database; mailer: Mailer; publicUrl: string; now?: () => Date };

type EventRow = typeof events.$inferSelect;
type RegistrationRow = typeof eventRegistrations.$inferSelect;
/** What a registration's DTO is made of. */
type RegistrationFields = Pick<RegistrationRow, "id" | "eventId" | "status" | "queue" | "attendedAt">;
type Notice = "registered" | "waitlisted" | "promoted" | "cancelled";

/** Who runs a centre's events; the secretariat and platform admins run any. */
const eventTeam: readonly Role[] = ["centre_admin", "centre_staff"];
/** Reminders go this long before the start. */
const REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;
/** Participants may check themselves in from a little before the start to a little after the end. */
const SELF_CHECK_IN_MARGIN_MS = 2 * 60 * 60 * 1000;
/** Rows claimed per round by the mail jobs. */
const MAIL_BATCH = 50;
/** Letters and digits that cannot be mistaken for one another when read off a screen. */
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const centreKinds = new Set(["national_centre", "training_centre"]);

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
const iso = (date: Date | null) => date?.toISOString() ?? null;

function newCheckInCode(): string {
  const bytes = crypto.randomBytes(6);
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, "\\$&")}%`;
}

/** Registration is open when the event is scheduled, the window has begun and it has not started. */
function registrationOpenAt(event: EventRow, at: Date): boolean {
  if (event.status !== "scheduled") return false;
  if (event.registrationOpensAt && at < event.registrationOpensAt) return false;
  return at < (event.registrationClosesAt ?? event.startsAt);
}

export function createEventsService(deps: EventsServiceDeps) {
  const { db, mailer, publicUrl } = deps;
  const now = deps.now ?? (() => new Date());
  const host = new URL(publicUrl).host;

  function canManageCentre(actor: Actor | null, centreId: string): boolean {
    return isGlobalStaff(actor) || (!!actor && actor.roles.some((g) => eventTeam.includes(g.role) && g.organisationId === centreId));
  }

  function refCondition(ref: string): SQL {
    return isUuid(ref) ? eq(events.id, ref) : eq(events.slug, ref);
  }

  async function findEvent(ref: string, tx: Executor = db): Promise<EventRow> {
    parseInput(eventRefSchema, ref);
    const [row] = await tx.select().from(events).where(refCondition(ref));
    if (!row) throw notFound("event");
    return row;
  }

  /** Takes the event's row lock: registrations of one event are decided one at a time. */
  async function lockEvent(tx: Transaction, ref: string): Promise<EventRow> {
    parseInput(eventRefSchema, ref);
    const [row] = await tx.select().from(events).where(refCondition(ref)).for("update");
    if (!row) throw notFound("event");
    return row;
  }

  async function textsOf(ids: string[], tx: Executor = db) {
    if (!ids.length) return new Map<string, (typeof eventTranslations.$inferSelect)[]>();
    const rows = await tx.select().from(eventTranslations).where(inArray(eventTranslations.eventId, ids));
    const byEvent = new Map<string, (typeof eventTranslations.$inferSelect)[]>();
    for (const row of rows) byEvent.set(row.eventId, [...(byEvent.get(row.eventId) ?? []), row]);
    return byEvent;
  }

  /** The reader's language when its text is ready, else the event's own. */
  function pickText(event: EventRow, texts: (typeof eventTranslations.$inferSelect)[], reader: string) {
    const chosen =
      texts.find((t) => t.locale === reader && t.status === "ready") ?? texts.find((t) => t.locale === event.defaultLocale) ?? texts[0];
    return {
      title: chosen?.title ?? event.slug,
      description: chosen?.description ?? "",
      shownLocale: chosen?.locale ?? event.defaultLocale,
    };
  }

  async function countsOf(ids: string[], tx: Executor = db) {
    const counts = new Map<string, { registered: number; waitlisted: number }>();
    if (!ids.length) return counts;
    const rows = await tx
      .select({
        eventId: eventRegistrations.eventId,
        registered: sql<number>`count(*) filter (where ${eventRegistrations.status} = 'registered')`.mapWith(Number),
        waitlisted: sql<number>`count(*) filter (where ${eventRegistrations.status} = 'waitlisted')`.mapWith(Number),
      })
      .from(eventRegistrations)
      .where(inArray(eventRegistrations.eventId, ids))
      .groupBy(eventRegistrations.eventId);
    for (const row of rows) counts.set(row.eventId, { registered: row.registered, waitlisted: row.waitlisted });
    return counts;
  }

  async function summaries(rows: EventRow[], locale: Locale, tx: Executor = db): Promise<EventSummaryDto[]> {
    const ids = rows.map((r) => r.id);
    const centreIds = [...new Set(rows.map((r) => r.centreId))];
    const facilityIds = [...new Set(rows.flatMap((r) => (r.facilityId ? [r.facilityId] : [])))];
    const [texts, counts, centreRows, facilityRows] = await Promise.all([
      textsOf(ids, tx),
      countsOf(ids, tx),
      centreIds.length ? tx.select().from(organisations).where(inArray(organisations.id, centreIds)) : [],
      facilityIds.length
        ? tx.select({ id: facilities.id, name: facilities.name }).from(facilities).where(inArray(facilities.id, facilityIds))
        : [],
    ]);
    const centreRefs = new Map(centreRows.map((row) => [row.id, toOrganisationRef(row, locale)]));
    const facilityNames = new Map(facilityRows.map((row) => [row.id, row.name]));
    return rows.map((row) => {
      const text = pickText(row, texts.get(row.id) ?? [], locale);
      const count = counts.get(row.id) ?? { registered: 0, waitlisted: 0 };
      return {
        id: row.id,
        slug: row.slug,
        kind: row.kind as EventKind,
        title: text.title,
        shownLocale: text.shownLocale,
        defaultLocale: row.defaultLocale,
        centre: centreRefs.get(row.centreId)!,
        startsAt: row.startsAt.toISOString(),
        endsAt: row.endsAt.toISOString(),
        timeZone: row.timeZone,
        mode: row.mode as EventMode,
        venue: row.venue,
        facility: row.facilityId ? { id: row.facilityId, name: facilityNames.get(row.facilityId) ?? "" } : null,
        languages: row.languages,
        interpretationLanguages: row.interpretationLanguages,
        capacity: row.capacity,
        registeredCount: count.registered,
        waitlistCount: count.waitlisted,
        registrationOpensAt: iso(row.registrationOpensAt),
        registrationClosesAt: iso(row.registrationClosesAt),
        status: row.status as EventStatus,
      };
    });
  }

  async function waitlistPosition(
    tx: Executor,
    registration: Pick<RegistrationRow, "eventId" | "status" | "queue">,
  ): Promise<number | null> {
    if (registration.status !== "waitlisted") return null;
    const [row] = await tx
      .select({ n: count() })
      .from(eventRegistrations)
      .where(
        and(
          eq(eventRegistrations.eventId, registration.eventId),
          eq(eventRegistrations.status, "waitlisted"),
          lte(eventRegistrations.queue, registration.queue),
        ),
      );
    return row?.n ?? 1;
  }

  async function toMyRegistration(tx: Executor, registration: RegistrationFields): Promise<MyRegistrationDto> {
    return {
      id: registration.id,
      status: registration.status as RegistrationStatus,
      waitlistPosition: await waitlistPosition(tx, registration),
      attendedAt: iso(registration.attendedAt),
    };
  }

  async function toRegistrationDto(tx: Executor, registration: RegistrationFields): Promise<RegistrationDto> {
    return { eventId: registration.eventId, ...(await toMyRegistration(tx, registration)) };
  }

  async function listEvents(filters: EventFilters, locale: Locale): Promise<Page<EventSummaryDto>> {
    const f = parseInput(eventFiltersSchema, filters);
    const at = now();
    const where = and(
      f.centre
        ? sql`${events.centreId} = (select ${organisations.id} from ${organisations} where ${organisations.slug} = ${f.centre})`
        : undefined,
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
    return { items: await summaries(rows, locale), total: total?.n ?? 0, limit: f.limit, offset: f.offset };
  }

  async function getEvent(ref: string, locale: Locale, actor: Actor | null = null): Promise<EventDto> {
    const row = await findEvent(ref);
    const [[summary], texts, organiserRows, mine] = await Promise.all([
      summaries([row], locale),
      textsOf([row.id]),
      db
        .select({ organisation: organisations, role: eventOrganisers.role })
        .from(eventOrganisers)
        .innerJoin(organisations, eq(organisations.id, eventOrganisers.organisationId))
        .where(eq(eventOrganisers.eventId, row.id))
        .orderBy(asc(eventOrganisers.position)),
      actor
        ? db
            .select()
            .from(eventRegistrations)
            .where(and(eq(eventRegistrations.eventId, row.id), eq(eventRegistrations.userId, actor.userId)))
        : [],
    ]);
    const eventTexts = texts.get(row.id) ?? [];
    const registration = mine[0] && mine[0].status !== "cancelled" ? mine[0] : undefined;
    const canManage = canManageCentre(actor, row.centreId);
    return {
      ...summary!,
      description: pickText(row, eventTexts, locale).description,
      organisers: organiserRows.map((o) => ({ organisation: toOrganisationRef(o.organisation, locale), role: o.role as OrganiserRole })),
      translations: eventTexts
        .map((t) => ({ locale: t.locale, status: t.status as EventTranslationStatus }))
        .sort((a, b) => a.locale.localeCompare(b.locale)),
      joinUrl: canManage || registration?.status === "registered" ? row.joinUrl : null,
      checkInCode: canManage ? row.checkInCode : null,
      myRegistration: mine[0] ? await toMyRegistration(db, mine[0]) : null,
      registrationOpen: registrationOpenAt(row, now()),
      canManage,
    };
  }

  /** Checks what the database cannot: the zone, the order of times, the venue, referenced rows. */
  async function resolveSchedule(values: {
    timeZone: string;
    startsAt: string;
    endsAt: string;
    registrationOpensAt?: string | null | undefined;
    registrationClosesAt?: string | null | undefined;
    mode: EventMode;
    facilityId?: string | null | undefined;
    venue?: string | null | undefined;
    organisers?: { organisationId: string }[] | undefined;
  }) {
    if (!isTimeZone(values.timeZone)) throw fieldError("timeZone", "events.field.timeZone");
    const time = (path: string, value: string | null | undefined) => {
      if (value == null) return null;
      const parsed = parseEventTime(value, values.timeZone);
      if (!parsed) throw fieldError(path, "events.field.dateTime");
      return parsed;
    };
    const startsAt = time("startsAt", values.startsAt)!;
    const endsAt = time("endsAt", values.endsAt)!;
    if (endsAt <= startsAt) throw fieldError("endsAt", "events.field.endBeforeStart");
    const registrationOpensAt = time("registrationOpensAt", values.registrationOpensAt);
    const registrationClosesAt = time("registrationClosesAt", values.registrationClosesAt);
    if (registrationOpensAt && registrationClosesAt && registrationClosesAt <= registrationOpensAt) {
      throw fieldError("registrationClosesAt", "events.field.windowOrder");
    }
    if (registrationClosesAt && registrationClosesAt > endsAt) throw fieldError("registrationClosesAt", "events.field.windowAfterEnd");
    if (values.mode !== "online" && !values.facilityId && !values.venue) throw fieldError("venue", "events.field.venueRequired");
    if (values.facilityId) {
      const [facility] = await db.select({ id: facilities.id }).from(facilities).where(eq(facilities.id, values.facilityId));
      if (!facility) throw fieldError("facilityId", "events.field.unknownFacility");
    }
    const organiserIds = [...new Set((values.organisers ?? []).map((o) => o.organisationId))];
    if (organiserIds.length) {
      const found = await db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, organiserIds));
      if (found.length !== organiserIds.length) throw fieldError("organisers", "events.field.unknownOrganisation");
    }
    return { startsAt, endsAt, registrationOpensAt, registrationClosesAt };
  }

  async function freeSlugFor(title: string): Promise<string> {
    const base = slugify(title).slice(0, 60).replace(/-+$/, "");
    const suffix = () => crypto.randomUUID().slice(0, 8);
    if (base.length < 2) return `event-${suffix()}`;
    const [taken] = await db.select({ id: events.id }).from(events).where(eq(events.slug, base));
    return taken ? `${base}-${suffix()}` : base;
  }

  function translateWriteError(error: unknown): unknown {
    const pg = pgErrorOf(error);
    if (pg?.code === "23505" && pg.constraint === "events_slug_unique") {
      return fieldConflict("slug", "error.duplicate_slug", undefined, "duplicate_slug");
    }
    return error;
  }

  async function writeTexts(
    tx: Transaction,
    eventId: string,
    defaultLocale: string,
    main: { title: string; description: string | undefined } | null,
    others: Record<string, { title: string; description?: string | undefined; status?: EventTranslationStatus | undefined } | undefined>,
  ) {
    const rows = Object.entries(others).flatMap(([locale, text]) =>
      text && locale !== defaultLocale
        ? [{ eventId, locale, title: text.title, description: text.description ?? "", status: text.status ?? "ready" }]
        : [],
    );
    if (main) rows.push({ eventId, locale: defaultLocale, title: main.title, description: main.description ?? "", status: "ready" });
    for (const row of rows) {
      await tx
        .insert(eventTranslations)
        .values(row)
        .onConflictDoUpdate({
          target: [eventTranslations.eventId, eventTranslations.locale],
          set: { title: row.title, description: row.description, status: row.status },
        });
    }
  }

  async function writeOrganisers(tx: Transaction, eventId: string, organisers: { organisationId: string; role: OrganiserRole }[]) {
    await tx.delete(eventOrganisers).where(eq(eventOrganisers.eventId, eventId));
    const unique = organisers.filter((o, i) => organisers.findIndex((p) => p.organisationId === o.organisationId) === i);
    if (unique.length) await tx.insert(eventOrganisers).values(unique.map((o, position) => ({ eventId, ...o, position })));
  }

  async function createEvent(actor: Actor | null, input: unknown, locale: Locale): Promise<EventDto> {
    requireActor(actor);
    const data = parseInput(eventInputSchema, input);
    requireRole(actor, eventTeam, data.centreId);
    const [centre] = await db.select({ id: centres.organisationId }).from(centres).where(eq(centres.organisationId, data.centreId));
    if (!centre) throw fieldError("centreId", "events.field.unknownCentre");
    const times = await resolveSchedule(data);
    const slug = data.slug ?? (await freeSlugFor(data.title));
    let id = "";
    try {
      await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(events)
          .values({
            slug,
            kind: data.kind,
            centreId: data.centreId,
            defaultLocale: data.defaultLocale,
            ...times,
            timeZone: data.timeZone,
            mode: data.mode,
            joinUrl: data.joinUrl ?? null,
            facilityId: data.facilityId ?? null,
            venue: data.venue || null,
            languages: data.languages ?? [data.defaultLocale],
            interpretationLanguages: data.interpretationLanguages ?? [],
            capacity: data.capacity ?? null,
            checkInCode: newCheckInCode(),
            createdAt: now(),
            updatedAt: now(),
          })
          .returning({ id: events.id });
        id = row!.id;
        await writeTexts(tx, id, data.defaultLocale, { title: data.title, description: data.description }, data.translations ?? {});
        if (data.organisers) await writeOrganisers(tx, id, data.organisers);
      });
    } catch (error) {
      throw translateWriteError(error);
    }
    return getEvent(id, locale, actor);
  }

  /**
   * After a place is given up or the capacity changes (the event row locked): moves the first people
   * waiting into free places, in the order they came, if the event is still scheduled, and stores
   * the places taken in `registeredCount`, which `register` reads instead of counting.
   */
  async function fillFromWaitlist(tx: Transaction, event: Pick<EventRow, "id" | "capacity" | "status">) {
    const [row] = await tx
      .select({ n: count() })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.status, "registered")));
    const taken = row?.n ?? 0;
    const free = event.capacity === null ? null : Math.max(0, event.capacity - taken);
    let ids: string[] = [];
    if (event.status === "scheduled" && free !== 0) {
      const next = tx
        .select({ id: eventRegistrations.id })
        .from(eventRegistrations)
        .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.status, "waitlisted")))
        .orderBy(asc(eventRegistrations.queue));
      ids = (await (free === null ? next : next.limit(free))).map((p) => p.id);
    }
    if (ids.length) {
      await tx
        .update(eventRegistrations)
        .set({ status: "registered", pendingNotice: "promoted", updatedAt: now() })
        .where(inArray(eventRegistrations.id, ids));
    }
    await tx
      .update(events)
      .set({ registeredCount: taken + ids.length })
      .where(eq(events.id, event.id));
    return ids;
  }

  async function updateEvent(actor: Actor | null, ref: string, patch: unknown, locale: Locale): Promise<EventDto> {
    requireActor(actor);
    const current = await findEvent(ref);
    requireRole(actor, eventTeam, current.centreId);
    const data = parseInput(eventPatchSchema, patch);
    if (current.status === "cancelled" && data.status === "scheduled") throw fieldError("status", "events.field.cancelledFinal");
    const zone = data.timeZone ?? current.timeZone;
    // Times left out keep their instant, whatever zone the patch names.
    const keep = (value: Date | null) => (value ? value.toISOString() : null);
    const times = await resolveSchedule({
      timeZone: zone,
      startsAt: data.startsAt ?? keep(current.startsAt)!,
      endsAt: data.endsAt ?? keep(current.endsAt)!,
      registrationOpensAt: data.registrationOpensAt === undefined ? keep(current.registrationOpensAt) : data.registrationOpensAt,
      registrationClosesAt: data.registrationClosesAt === undefined ? keep(current.registrationClosesAt) : data.registrationClosesAt,
      mode: data.mode ?? (current.mode as EventMode),
      facilityId: data.facilityId === undefined ? current.facilityId : data.facilityId,
      venue: data.venue === undefined ? current.venue : data.venue,
      organisers: data.organisers,
    });
    const defaultLocale = data.defaultLocale ?? current.defaultLocale;
    try {
      await db.transaction(async (tx) => {
        const [locked] = await tx.select().from(events).where(eq(events.id, current.id)).for("update");
        await tx
          .update(events)
          .set({
            slug: data.slug,
            kind: data.kind,
            defaultLocale: data.defaultLocale,
            ...times,
            timeZone: data.timeZone,
            mode: data.mode,
            joinUrl: data.joinUrl,
            facilityId: data.facilityId,
            venue: data.venue === undefined ? undefined : data.venue || null,
            languages: data.languages,
            interpretationLanguages: data.interpretationLanguages,
            capacity: data.capacity,
            status: data.status,
            updatedAt: now(),
          })
          .where(eq(events.id, current.id));
        const main = data.title ? { title: data.title, description: data.description } : null;
        if (!main && data.description !== undefined) {
          await tx
            .update(eventTranslations)
            .set({ description: data.description })
            .where(and(eq(eventTranslations.eventId, current.id), eq(eventTranslations.locale, defaultLocale)));
        }
        await writeTexts(tx, current.id, defaultLocale, main, data.translations ?? {});
        if (data.organisers) await writeOrganisers(tx, current.id, data.organisers);
        if (data.status === "cancelled" && locked?.status !== "cancelled") {
          await tx
            .update(eventRegistrations)
            .set({ pendingNotice: "cancelled", updatedAt: now() })
            .where(and(eq(eventRegistrations.eventId, current.id), inArray(eventRegistrations.status, ["registered", "waitlisted"])));
        } else if (data.capacity !== undefined && (data.status ?? locked?.status) === "scheduled") {
          await fillFromWaitlist(tx, { id: current.id, capacity: data.capacity, status: "scheduled" });
        }
      });
    } catch (error) {
      throw translateWriteError(error);
    }
    deliverNoticesSoon();
    return getEvent(current.id, locale, actor);
  }

  /** The institution a participant names, else the first non-centre organisation they hold a role in. */
  async function affiliationOf(actor: Actor, data: { organisationId?: string | undefined; country?: string | undefined }) {
    const candidates = data.organisationId
      ? [data.organisationId]
      : actor.roles.flatMap((g) => (g.organisationId ? [g.organisationId] : []));
    const rows = candidates.length
      ? await db
          .select({ id: organisations.id, kind: organisations.kind, country: organisations.country })
          .from(organisations)
          .where(inArray(organisations.id, candidates))
      : [];
    if (data.organisationId && !rows.length) throw fieldError("organisationId", "events.field.unknownOrganisation");
    const organisation = data.organisationId ? rows[0] : rows.find((r) => !centreKinds.has(r.kind) && r.kind !== "institute");
    return { organisationId: organisation?.id ?? null, country: data.country ?? organisation?.country ?? null };
  }

  /**
   * Decides and writes a registration in one statement, so the event's row lock is held only while
   * the database runs it, never across a round trip to this process: the event row is locked (and
   * read at its latest version once the lock is granted, so `registered_count` is current), the
   * person takes a place if one is free or else waits, and the count goes up with the place. A
   * cancelled registration is reused at the back of the queue; a live one is left alone. No row
   * comes back when the event is missing or not open, or the person is already in.
   */
  async function placeRegistration(
    event: SQL,
    userId: string,
    affiliation: { organisationId: string | null; country: string | null },
    at: Date,
  ): Promise<Pick<RegistrationRow, "id" | "eventId" | "status" | "queue"> | undefined> {
    const time = sql`${at.toISOString()}::timestamptz`;
    // Someone registering the day before needs no separate reminder: the confirmation is one.
    const remindFrom = sql`${new Date(at.getTime() + REMINDER_LEAD_MS).toISOString()}::timestamptz`;
    const result = await db.execute(sql`
      with event as (
        select id, starts_at, capacity is null or registered_count < capacity as has_place
        from events
        where ${event} and status = 'scheduled'
          and (registration_opens_at is null or registration_opens_at <= ${time})
          and ${time} < coalesce(registration_closes_at, starts_at)
        for update
      ),
      placed as (
        insert into event_registrations as r
          (event_id, user_id, status, pending_notice, organisation_id, country, reminder_sent_at, created_at, updated_at)
        select id, ${userId}::uuid, s.status, s.status, ${affiliation.organisationId}::uuid, ${affiliation.country}::text,
          case when starts_at <= ${remindFrom} then ${time} end, ${time}, ${time}
        from event cross join lateral (select case when has_place then 'registered' else 'waitlisted' end as status) s
        on conflict on constraint event_registrations_event_user_key do update set
          status = excluded.status, pending_notice = excluded.pending_notice, organisation_id = excluded.organisation_id,
          country = excluded.country, reminder_sent_at = excluded.reminder_sent_at, attended_at = null, check_in_method = null,
          queue = excluded.queue, created_at = excluded.created_at, updated_at = excluded.updated_at
        where r.status = 'cancelled'
        returning r.id, r.event_id, r.status, r.queue
      ),
      taken as (
        update events set registered_count = registered_count + 1
        where id = (select event_id from placed where status = 'registered')
      )
      select id, event_id, status, queue from placed`);
    const [row] = rowsOf<{ id: string; event_id: string; status: string; queue: string | number | bigint }>(result);
    return row && { id: row.id, eventId: row.event_id, status: row.status, queue: Number(row.queue) };
  }

  async function register(actor: Actor | null, ref: string, input: unknown = {}): Promise<RegistrationDto> {
    const who = requireActor(actor);
    const data = parseInput(registrationInputSchema, input ?? {});
    parseInput(eventRefSchema, ref);
    const affiliation = await affiliationOf(who, data);
    const at = now();
    const registration = await placeRegistration(refCondition(ref), who.userId, affiliation, at);
    if (!registration) {
      // Nothing was written; say why, in the order the checks matter to the person.
      const event = await findEvent(ref);
      if (event.status === "cancelled") throw new DomainError("event_cancelled", 409);
      if (!registrationOpenAt(event, at)) throw new DomainError("registration_closed", 409);
      throw new DomainError("already_registered", 409);
    }
    deliverNoticesSoon();
    return toRegistrationDto(db, { ...registration, attendedAt: null });
  }

  async function cancelRegistration(actor: Actor | null, ref: string): Promise<RegistrationDto> {
    const who = requireActor(actor);
    const at = now();
    const { cancelled, promoted } = await db.transaction(async (tx) => {
      const event = await lockEvent(tx, ref);
      if (event.status === "scheduled" && at >= event.startsAt) throw new DomainError("registration_closed", 409);
      const [row] = await tx
        .update(eventRegistrations)
        .set({ status: "cancelled", pendingNotice: null, updatedAt: at })
        .where(
          and(
            eq(eventRegistrations.eventId, event.id),
            eq(eventRegistrations.userId, who.userId),
            inArray(eventRegistrations.status, ["registered", "waitlisted"]),
          ),
        )
        .returning();
      if (!row) throw notFound("registration");
      return { cancelled: row, promoted: await fillFromWaitlist(tx, event) };
    });
    if (promoted.length) deliverNoticesSoon();
    return toRegistrationDto(db, cancelled);
  }

  /**
   * Gives up a person's places at those of the events that have not started, inside the caller's
   * transaction (someone leaving a cohort gives up its live sessions): each event is locked and its
   * waiting list moves up as in a cancellation. Returns the promoted registrations; their notices
   * are owed (`pendingNotice`), so the caller starts `deliverNoticesSoon` after commit.
   */
  async function cancelUpcomingRegistrations(tx: Transaction, userId: string, eventIds: readonly string[]): Promise<string[]> {
    if (!eventIds.length) return [];
    const at = now();
    const held = await tx
      .select({ eventId: eventRegistrations.eventId })
      .from(eventRegistrations)
      .innerJoin(events, eq(events.id, eventRegistrations.eventId))
      .where(
        and(
          inArray(eventRegistrations.eventId, [...eventIds]),
          eq(eventRegistrations.userId, userId),
          inArray(eventRegistrations.status, ["registered", "waitlisted"]),
          gt(events.startsAt, at),
        ),
      );
    const promoted: string[] = [];
    // One event at a time in id order, so two such transactions over the same events cannot deadlock.
    for (const eventId of held.map((h) => h.eventId).sort()) {
      const event = await lockEvent(tx, eventId);
      if (event.startsAt <= at) continue;
      const [cancelled] = await tx
        .update(eventRegistrations)
        .set({ status: "cancelled", pendingNotice: null, updatedAt: at })
        .where(
          and(
            eq(eventRegistrations.eventId, event.id),
            eq(eventRegistrations.userId, userId),
            inArray(eventRegistrations.status, ["registered", "waitlisted"]),
          ),
        )
        .returning({ id: eventRegistrations.id });
      if (cancelled) promoted.push(...(await fillFromWaitlist(tx, event)));
    }
    return promoted;
  }

  async function checkIn(actor: Actor | null, ref: string, input: unknown): Promise<RegistrationDto> {
    const who = requireActor(actor);
    const data = parseInput(checkInInputSchema, input);
    const event = await findEvent(ref);
    const at = now();
    let where: SQL | undefined;
    let method: "staff" | "code";
    if ("registrationId" in data) {
      requireRole(who, eventTeam, event.centreId);
      where = and(eq(eventRegistrations.id, data.registrationId), eq(eventRegistrations.eventId, event.id));
      method = "staff";
    } else {
      if (data.code !== event.checkInCode) throw fieldError("code", "events.field.wrongCode");
      const opens = event.startsAt.getTime() - SELF_CHECK_IN_MARGIN_MS;
      const closes = event.endsAt.getTime() + SELF_CHECK_IN_MARGIN_MS;
      if (event.status !== "scheduled" || at.getTime() < opens || at.getTime() > closes) {
        throw fieldError("code", "events.field.checkInNotNow");
      }
      where = and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.userId, who.userId));
      method = "code";
    }
    const [current] = await db.select().from(eventRegistrations).where(where);
    if (!current || current.status === "cancelled") throw notFound("registration");
    if (current.status !== "registered") throw fieldError("registrationId", "events.field.notConfirmed");
    if (current.attendedAt) return toRegistrationDto(db, current);
    const [row] = await db
      .update(eventRegistrations)
      .set({ attendedAt: at, checkInMethod: method, updatedAt: at })
      .where(and(eq(eventRegistrations.id, current.id), isNull(eventRegistrations.attendedAt)))
      .returning();
    return toRegistrationDto(db, row ?? current);
  }

  async function requireManagedEvent(actor: Actor | null, ref: string): Promise<EventRow> {
    requireActor(actor);
    const event = await findEvent(ref);
    requireRole(actor, eventTeam, event.centreId);
    return event;
  }

  const registrationColumns = {
    registration: eventRegistrations,
    name: users.name,
    email: users.email,
    organisation: organisations,
  };

  async function registrationRows(eventId: string, where: SQL | undefined, locale: Locale, limit?: number, offset?: number) {
    const query = db
      .select(registrationColumns)
      .from(eventRegistrations)
      .innerJoin(users, eq(users.id, eventRegistrations.userId))
      .leftJoin(organisations, eq(organisations.id, eventRegistrations.organisationId))
      .where(and(eq(eventRegistrations.eventId, eventId), where))
      .orderBy(
        sql`case ${eventRegistrations.status} when 'registered' then 0 when 'waitlisted' then 1 else 2 end`,
        asc(eventRegistrations.queue),
      );
    const rows = await (limit === undefined ? query : query.limit(limit).offset(offset ?? 0));
    let position = 0;
    const firstWaiting =
      rows.find((r) => r.registration.status === "waitlisted") &&
      (await waitlistPosition(db, rows.find((r) => r.registration.status === "waitlisted")!.registration));
    return rows.map((r): RegistrationRowDto => {
      const waiting = r.registration.status === "waitlisted";
      const waitlistPosition = waiting && firstWaiting ? firstWaiting + position++ : null;
      return {
        id: r.registration.id,
        eventId,
        status: r.registration.status as RegistrationStatus,
        waitlistPosition,
        attendedAt: iso(r.registration.attendedAt),
        name: r.name,
        email: r.email,
        institution: r.organisation ? toOrganisationRef(r.organisation, locale) : null,
        country: r.registration.country ?? r.organisation?.country ?? null,
        registeredAt: r.registration.createdAt.toISOString(),
        checkInMethod: r.registration.checkInMethod as "staff" | "code" | null,
      };
    });
  }

  async function listRegistrations(actor: Actor | null, ref: string, filters: unknown = {}, locale: Locale) {
    const event = await requireManagedEvent(actor, ref);
    const f = parseInput(registrationFiltersSchema, filters ?? {});
    const search = f.q ? or(ilike(users.name, likePattern(f.q)), ilike(users.email, likePattern(f.q))) : undefined;
    const [[total], items] = await Promise.all([
      db
        .select({ n: count() })
        .from(eventRegistrations)
        .innerJoin(users, eq(users.id, eventRegistrations.userId))
        .where(and(eq(eventRegistrations.eventId, event.id), search)),
      registrationRows(event.id, search, locale, f.limit, f.offset),
    ]);
    return { items, total: total?.n ?? 0, limit: f.limit, offset: f.offset };
  }

  async function report(actor: Actor | null, ref: string, locale: Locale): Promise<EventReportDto> {
    const event = await requireManagedEvent(actor, ref);
    const t = translatorFor(locale);
    const attended = sql<boolean>`${eventRegistrations.attendedAt} is not null`;
    const country = sql<string | null>`coalesce(${eventRegistrations.country}, ${organisations.country})`;
    const rows = await db
      .select({ status: eventRegistrations.status, attended, organisation: organisations, country, n: count() })
      .from(eventRegistrations)
      .leftJoin(organisations, eq(organisations.id, eventRegistrations.organisationId))
      .where(eq(eventRegistrations.eventId, event.id))
      .groupBy(eventRegistrations.status, attended, organisations.id, country);
    const totals = { registered: 0, waitlisted: 0, attended: 0, cancelled: 0 };
    const institutions = new Map<string, ReportBucket>();
    const countries = new Map<string, ReportBucket>();
    const add = (map: Map<string, ReportBucket>, key: string, label: string, status: string, attended: boolean, n: number) => {
      const bucket = map.get(key) ?? { key, label, registered: 0, waitlisted: 0, attended: 0 };
      if (status === "registered") bucket.registered += n;
      if (status === "waitlisted") bucket.waitlisted += n;
      if (attended && status === "registered") bucket.attended += n;
      map.set(key, bucket);
    };
    const regionNames = new Intl.DisplayNames(locale, { type: "region", fallback: "code" });
    for (const row of rows) {
      const status = row.status as RegistrationStatus;
      totals[status] += row.n;
      if (row.attended && status === "registered") totals.attended += row.n;
      if (status === "cancelled") continue;
      const institution = row.organisation;
      add(
        institutions,
        institution?.slug ?? "unaffiliated",
        institution ? localName(institution, locale) : t("events.report.unaffiliated"),
        status,
        row.attended,
        row.n,
      );
      add(
        countries,
        row.country ?? "unknown",
        row.country ? (regionNames.of(row.country) ?? row.country) : t("events.report.unknownCountry"),
        status,
        row.attended,
        row.n,
      );
    }
    const largest = (a: ReportBucket, b: ReportBucket) =>
      b.registered + b.waitlisted - (a.registered + a.waitlisted) || a.label.localeCompare(b.label);
    const [summary] = await summaries([event], locale);
    return {
      event: { id: event.id, slug: event.slug, title: summary!.title, startsAt: summary!.startsAt, timeZone: event.timeZone },
      ...totals,
      byInstitution: [...institutions.values()].sort(largest),
      byCountry: [...countries.values()].sort(largest),
    };
  }

  /** Every registration of an event as rows for the CSV and XLSX downloads. */
  async function participants(actor: Actor | null, ref: string, locale: Locale) {
    const event = await requireManagedEvent(actor, ref);
    return { event, rows: await registrationRows(event.id, undefined, locale) };
  }

  async function checkInQrSvg(actor: Actor | null, ref: string, locale: Locale): Promise<string> {
    const event = await requireManagedEvent(actor, ref);
    return QRCode.toString(`${publicUrl}/${locale}/events/${event.slug}?code=${event.checkInCode}`, { type: "svg", margin: 2 });
  }

  async function myEvents(actor: Actor | null, locale: Locale): Promise<MyEventDto[]> {
    const who = requireActor(actor);
    const rows = await db
      .select({ event: events, registration: eventRegistrations })
      .from(eventRegistrations)
      .innerJoin(events, eq(events.id, eventRegistrations.eventId))
      .where(and(eq(eventRegistrations.userId, who.userId), inArray(eventRegistrations.status, ["registered", "waitlisted"])))
      .orderBy(desc(gte(events.endsAt, now())), asc(events.startsAt));
    const items = await summaries(
      rows.map((r) => r.event),
      locale,
    );
    return Promise.all(rows.map(async (r, i) => ({ event: items[i]!, registration: await toMyRegistration(db, r.registration) })));
  }

  function eventUrl(event: Pick<EventRow, "slug">, locale: string) {
    return `${publicUrl}/${isLocale(locale) ? locale : "en"}/events/${event.slug}`;
  }

  function locationOf(event: EventRow, facilityName: string | null, joinUrl: string | null): string | null {
    const place = facilityName ?? event.venue;
    return [place, joinUrl].filter(Boolean).join(" · ") || null;
  }

  async function icsItems(
    rows: EventRow[],
    locale: Locale,
    withJoinUrl: (row: EventRow) => boolean,
    tx: Executor = db,
  ): Promise<IcsEvent[]> {
    // Only texts and facility names: this runs for every notice and reminder mail.
    const facilityIds = [...new Set(rows.flatMap((r) => (r.facilityId ? [r.facilityId] : [])))];
    const [texts, facilityRows] = await Promise.all([
      textsOf(
        rows.map((r) => r.id),
        tx,
      ),
      facilityIds.length
        ? tx.select({ id: facilities.id, name: facilities.name }).from(facilities).where(inArray(facilities.id, facilityIds))
        : [],
    ]);
    const facilityNames = new Map(facilityRows.map((f) => [f.id, f.name]));
    return rows.map((row) => {
      const joinUrl = withJoinUrl(row) ? row.joinUrl : null;
      const text = pickText(row, texts.get(row.id) ?? [], locale);
      return {
        id: row.id,
        title: text.title,
        description: [text.description, joinUrl].filter(Boolean).join("\n\n"),
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        location: locationOf(row, row.facilityId ? (facilityNames.get(row.facilityId) ?? null) : null, joinUrl),
        url: eventUrl(row, locale),
        cancelled: row.status === "cancelled",
        updatedAt: row.updatedAt,
      };
    });
  }

  /** One event as an .ics file; the join link only for those allowed to see it. */
  async function eventIcs(ref: string, locale: Locale, actor: Actor | null = null): Promise<{ filename: string; body: string }> {
    const event = await getEvent(ref, locale, actor);
    const row = await findEvent(event.id);
    const items = await icsItems([row], locale, () => event.joinUrl !== null);
    return { filename: `${row.slug}.ics`, body: buildCalendar(event.title, items, host, actor?.timeZone ?? null) };
  }

  async function calendarToken(actor: Actor | null): Promise<string> {
    const who = requireActor(actor);
    const [existing] = await db.select().from(eventCalendarFeeds).where(eq(eventCalendarFeeds.userId, who.userId));
    if (existing) return existing.token;
    const token = crypto.randomBytes(24).toString("base64url");
    await db.insert(eventCalendarFeeds).values({ userId: who.userId, token, createdAt: now() }).onConflictDoNothing();
    const [row] = await db.select().from(eventCalendarFeeds).where(eq(eventCalendarFeeds.userId, who.userId));
    return row!.token;
  }

  /** A new secret for the feed: the old address stops working at once. */
  async function regenerateCalendarToken(actor: Actor | null): Promise<string> {
    const who = requireActor(actor);
    const token = crypto.randomBytes(24).toString("base64url");
    await db
      .insert(eventCalendarFeeds)
      .values({ userId: who.userId, token, createdAt: now() })
      .onConflictDoUpdate({ target: eventCalendarFeeds.userId, set: { token, createdAt: now() } });
    return token;
  }

  function calendarFeedUrl(token: string): string {
    return `${publicUrl}/calendar/${token}.ics`;
  }

  /** The events a person is registered for (and cancelled ones, so calendars drop them), by feed secret. */
  async function calendarFeed(token: string): Promise<string> {
    if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw notFound("calendar");
    const [owner] = await db
      .select({ userId: users.id, locale: users.locale, timeZone: users.timeZone })
      .from(eventCalendarFeeds)
      .innerJoin(users, eq(users.id, eventCalendarFeeds.userId))
      .where(eq(eventCalendarFeeds.token, token));
    if (!owner) throw notFound("calendar");
    const locale: Locale = isLocale(owner.locale) ? owner.locale : "en";
    const rows = await db
      .select({ event: events })
      .from(eventRegistrations)
      .innerJoin(events, eq(events.id, eventRegistrations.eventId))
      .where(and(eq(eventRegistrations.userId, owner.userId), eq(eventRegistrations.status, "registered")))
      .orderBy(asc(events.startsAt));
    const items = await icsItems(
      rows.map((r) => r.event),
      locale,
      () => true,
    );
    return buildCalendar(translatorFor(locale)("events.feed.name"), items, host, owner.timeZone);
  }

  async function figures(): Promise<EventFigures> {
    const [[held], [reached]] = await Promise.all([
      db
        .select({ n: count() })
        .from(events)
        .where(and(eq(events.status, "scheduled"), lte(events.endsAt, now()))),
      db
        .select({ n: countDistinct(eventRegistrations.userId) })
        .from(eventRegistrations)
        .where(isNotNull(eventRegistrations.attendedAt)),
    ]);
    return { eventsHeld: held?.n ?? 0, educatorsReached: reached?.n ?? 0 };
  }

  type MailRow = {
    registration: RegistrationRow;
    event: EventRow;
    email: string;
    name: string;
    locale: string;
    timeZone: string | null;
  };

  /**
   * When an event starts, for one person: in the zone saved in their account beside the
   * organiser's, else in the organiser's alone, always naming the zone.
   */
  function startTimeText(event: EventRow, readerZone: string | null, locale: Locale): string {
    const t = translatorFor(locale);
    const at = (zone: string) =>
      new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: "full", timeStyle: "short" }).format(event.startsAt);
    const organiserZone = event.timeZone;
    if (!readerZone || readerZone === organiserZone) return t("events.email.when", { time: at(organiserZone), zone: organiserZone });
    return t("events.email.whenBoth", { time: at(readerZone), zone: readerZone, organiserTime: at(organiserZone), organiserZone });
  }

  /** Runs inside the claiming transaction: PGlite has one connection, so every query must use `tx`. */
  async function mailFor(tx: Transaction, row: MailRow, kind: Notice | "reminder") {
    const locale: Locale = isLocale(row.locale) ? row.locale : "en";
    const t = translatorFor(locale);
    const [item] = await icsItems([row.event], locale, () => row.registration.status === "registered", tx);
    const readerZone = row.timeZone && isTimeZone(row.timeZone) ? row.timeZone : null;
    const args = {
      name: row.name,
      title: item!.title,
      when: startTimeText(row.event, readerZone, locale),
      link: eventUrl(row.event, locale),
    };
    const position = kind === "waitlisted" ? ((await waitlistPosition(tx, row.registration)) ?? 1) : 0;
    const withCalendar = kind === "registered" || kind === "promoted" || kind === "reminder" || kind === "cancelled";
    return {
      to: row.email,
      subject: t(`events.email.${kind}.subject`, { title: item!.title }),
      text: t(`events.email.${kind}.body`, { ...args, position }),
      attachments: withCalendar
        ? [
            {
              filename: `${row.event.slug}.ics`,
              content: buildCalendar(item!.title, [item!], host, readerZone),
              contentType: "text/calendar; charset=utf-8; method=PUBLISH",
            },
          ]
        : undefined,
    };
  }

  const mailColumns = {
    registration: eventRegistrations,
    event: events,
    email: users.email,
    name: users.name,
    locale: users.locale,
    timeZone: users.timeZone,
  };

  /**
   * Sends the messages registrations are owed. Rows are claimed with FOR UPDATE SKIP LOCKED, so
   * several processes share the work without sending anything twice; a failed send rolls its
   * batch back and the next run tries again.
   */
  async function deliverNotices(scope: { registrationIds?: string[] } = {}): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await db.transaction(async (tx) => {
        const rows = await tx
          .select(mailColumns)
          .from(eventRegistrations)
          .innerJoin(events, eq(events.id, eventRegistrations.eventId))
          .innerJoin(users, eq(users.id, eventRegistrations.userId))
          .where(
            and(
              isNotNull(eventRegistrations.pendingNotice),
              scope.registrationIds ? inArray(eventRegistrations.id, scope.registrationIds) : undefined,
            ),
          )
          .limit(MAIL_BATCH)
          .for("update", { of: eventRegistrations, skipLocked: true });
        for (const row of rows) await mailer.send(await mailFor(tx, row, row.registration.pendingNotice as Notice));
        if (rows.length) {
          const ids = rows.map((row) => row.registration.id);
          await tx.update(eventRegistrations).set({ pendingNotice: null }).where(inArray(eventRegistrations.id, ids));
        }
        return rows.length;
      });
      sent += batch;
      if (batch < MAIL_BATCH) return sent;
    }
  }

  const noticeDrain = coalesced(
    () => undefined,
    // A failed round is retried by the minute job; the drain goes on to the next round.
    () =>
      deliverNotices().then(
        () => {},
        () => {},
      ),
  );

  /**
   * Sends the notices owed after the request that owes them has been answered. They are durable
   * (`pendingNotice`), so nothing is lost if the process stops first: the minute job (`runMailJobs`)
   * sends them, and it retries a failed send too. A burst of registrations is mailed in batches
   * (see `coalesced`).
   */
  function deliverNoticesSoon(): void {
    void noticeDrain.run();
  }

  /** Settles when the notices asked for so far have been sent (or failed): for tests and shutdown. */
  function noticesDelivered(): Promise<void> {
    return noticeDrain.settled();
  }

  /** Reminds registered participants of events starting within a day, once each. */
  async function sendDueReminders(): Promise<number> {
    let sent = 0;
    for (;;) {
      const at = now();
      const batch = await db.transaction(async (tx) => {
        const rows = await tx
          .select(mailColumns)
          .from(eventRegistrations)
          .innerJoin(events, eq(events.id, eventRegistrations.eventId))
          .innerJoin(users, eq(users.id, eventRegistrations.userId))
          .where(
            and(
              eq(eventRegistrations.status, "registered"),
              isNull(eventRegistrations.reminderSentAt),
              eq(events.status, "scheduled"),
              gt(events.startsAt, at),
              lte(events.startsAt, new Date(at.getTime() + REMINDER_LEAD_MS)),
            ),
          )
          .limit(MAIL_BATCH)
          .for("update", { of: eventRegistrations, skipLocked: true });
        for (const row of rows) {
          await mailer.send(await mailFor(tx, row, "reminder"));
          await tx.update(eventRegistrations).set({ reminderSentAt: at }).where(eq(eventRegistrations.id, row.registration.id));
        }
        return rows.length;
      });
      sent += batch;
      if (batch < MAIL_BATCH) return sent;
    }
  }

  /** What the server runs on an interval: owed notices first, then due reminders. */
  async function runMailJobs(): Promise<{ notices: number; reminders: number }> {
    const notices = await deliverNotices();
    const reminders = await sendDueReminders();
    return { notices, reminders };
  }

  /** Events whose centre the actor runs, newest first, for the staff pages. */
  async function listManagedEvents(actor: Actor | null, locale: Locale): Promise<EventSummaryDto[]> {
    const who = requireActor(actor);
    const centreIds = who.roles.flatMap((g) => (eventTeam.includes(g.role) && g.organisationId ? [g.organisationId] : []));
    if (!isGlobalStaff(who) && !centreIds.length) return [];
    const rows = await db
      .select()
      .from(events)
      .where(isGlobalStaff(who) ? undefined : inArray(events.centreId, centreIds))
      .orderBy(desc(events.startsAt))
      .limit(500);
    return summaries(rows, locale);
  }

  /** An event as its staff edit it: every text and the wall-clock times in the organiser's zone. */
  async function getEventForEditing(actor: Actor | null, ref: string, locale: Locale) {
    const row = await requireManagedEvent(actor, ref);
    const [event, texts] = await Promise.all([getEvent(row.id, locale, actor), textsOf([row.id])]);
    return {
      event,
      texts: (texts.get(row.id) ?? []).map((t) => ({
        locale: t.locale,
        title: t.title,
        description: t.description,
        status: t.status as EventTranslationStatus,
      })),
      joinUrl: row.joinUrl,
      facilityId: row.facilityId,
    };
  }

  return {
    canManageCentre,
    listEvents,
    getEvent,
    getEventForEditing,
    listManagedEvents,
    createEvent,
    updateEvent,
    register,
    cancelRegistration,
    cancelUpcomingRegistrations,
    checkIn,
    listRegistrations,
    report,
    participants,
    checkInQrSvg,
    myEvents,
    eventIcs,
    calendarToken,
    regenerateCalendarToken,
    calendarFeedUrl,
    calendarFeed,
    figures,
    deliverNotices,
    deliverNoticesSoon,
    noticesDelivered,
    sendDueReminders,
    runMailJobs,
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
