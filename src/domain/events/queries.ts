import { and, asc, eq, gte, inArray, isNotNull, lt, max, ne, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { shownText } from "../shared/reader-language.ts";
import { eventRegistrations, events, eventTranslations } from "./schema.ts";

/**
 * The events module's read API for other modules (docs/decisions/0015-module-shape.md): small
 * functions over an executor (the database or the caller's transaction), answering DTOs.
 */

/** An event as another module lists it (a cohort's live sessions), titled for the reader. */
export type EventSummary = { eventId: string; slug: string; title: string; startsAt: string; endsAt: string; timeZone: string };

/** Events by id, earliest first, each titled in the reader's language when ready, else the event's own. */
export async function sessionSummaries(db: Executor, ids: readonly string[], reader: Locale): Promise<EventSummary[]> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return [];
  const [rows, texts] = await Promise.all([
    db.select().from(events).where(inArray(events.id, wanted)).orderBy(asc(events.startsAt)),
    db.select().from(eventTranslations).where(inArray(eventTranslations.eventId, wanted)),
  ]);
  const textsOf = Map.groupBy(texts, (t) => t.eventId);
  return rows.map((event) => ({
    eventId: event.id,
    slug: event.slug,
    title: shownText(textsOf.get(event.id) ?? [], reader, event.defaultLocale)?.title ?? event.slug,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: event.timeZone,
  }));
}

/** The centre running an event, or null when there is no such event. */
export async function centreOfEvent(db: Executor, eventId: string): Promise<string | null> {
  const [row] = await db.select({ centreId: events.centreId }).from(events).where(eq(events.id, eventId));
  return row?.centreId ?? null;
}

/** Who of these people was checked in at which of these events. */
export async function attendance(
  db: Executor,
  userIds: readonly string[],
  eventIds: readonly string[],
): Promise<{ userId: string; eventId: string }[]> {
  if (!userIds.length || !eventIds.length) return [];
  return db
    .select({ userId: eventRegistrations.userId, eventId: eventRegistrations.eventId })
    .from(eventRegistrations)
    .where(
      and(
        inArray(eventRegistrations.userId, [...new Set(userIds)]),
        inArray(eventRegistrations.eventId, [...new Set(eventIds)]),
        isNotNull(eventRegistrations.attendedAt),
      ),
    );
}

/**
 * Registrations made in an organisation's name and confirmed by it (an institution's report on its staff), per person
 * and month the event starts in (UTC, "2030-04"): places taken, waiting, attended, and the last
 * check-in. Cancelled registrations and cancelled events are left out. `startsFrom`/`startsBefore`
 * bound the events' start; `eventIds`, when given, keeps only those events.
 */
export async function registrationsInNameOf(
  db: Executor,
  organisationId: string,
  scope: { startsFrom?: Date | undefined; startsBefore?: Date | undefined; eventIds?: readonly string[] | undefined } = {},
): Promise<{ userId: string; month: string; registered: number; waitlisted: number; attended: number; lastAttendedAt: Date | null }[]> {
  if (scope.eventIds && !scope.eventIds.length) return [];
  const month = sql<string>`to_char(${events.startsAt} at time zone 'UTC', 'YYYY-MM')`;
  const rows = await db
    .select({
      userId: eventRegistrations.userId,
      month,
      registered: sql<number>`count(*) filter (where ${eventRegistrations.status} = 'registered')`.mapWith(Number),
      waitlisted: sql<number>`count(*) filter (where ${eventRegistrations.status} = 'waitlisted')`.mapWith(Number),
      attended:
        sql<number>`count(*) filter (where ${eventRegistrations.status} = 'registered' and ${eventRegistrations.attendedAt} is not null)`.mapWith(
          Number,
        ),
      lastAttendedAt: max(eventRegistrations.attendedAt),
    })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(
      and(
        eq(eventRegistrations.organisationId, organisationId),
        // Only people the organisation stands behind (affiliations.ts): anyone may name it when registering.
        eq(eventRegistrations.affiliation, "confirmed"),
        ne(eventRegistrations.status, "cancelled"),
        ne(events.status, "cancelled"),
        scope.startsFrom ? gte(events.startsAt, scope.startsFrom) : undefined,
        scope.startsBefore ? lt(events.startsAt, scope.startsBefore) : undefined,
        scope.eventIds ? inArray(events.id, [...new Set(scope.eventIds)]) : undefined,
      ),
    )
    .groupBy(eventRegistrations.userId, month);
  // The driver may answer the aggregate as text: one type for the caller.
  return rows.map((r) => ({ ...r, lastAttendedAt: r.lastAttendedAt ? new Date(r.lastAttendedAt) : null }));
}

/** Everyone checked in at one of these events: the people an attendance rule may now be met for. */
export async function attendeesOf(db: Executor, eventIds: readonly string[]): Promise<string[]> {
  if (!eventIds.length) return [];
  const rows = await db
    .selectDistinct({ userId: eventRegistrations.userId })
    .from(eventRegistrations)
    .where(and(inArray(eventRegistrations.eventId, [...new Set(eventIds)]), isNotNull(eventRegistrations.attendedAt)));
  return rows.map((r) => r.userId);
}
