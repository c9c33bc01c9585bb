import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { isLocale, type Locale } from "../../i18n/locales.ts";
import { facilityNames, organisationRefs } from "../network/queries.ts";
import { shownText } from "../shared/reader-language.ts";
import type { EventSummaryDto, MyRegistrationDto, RegistrationDto } from "./dto.ts";
import type { IcsEvent } from "./ics.ts";
import { type EventRow, type EventTextRow, type RegistrationRow, textsOf, waitlistPosition } from "./rows.ts";
import { eventRegistrations } from "./schema.ts";

/** What a registration's DTO is made of. */
export type RegistrationFields = Pick<RegistrationRow, "id" | "eventId" | "status" | "queue" | "attendedAt">;

export const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The title and description a reader is shown (shared/reader-language.ts), and their language. */
export function shownEventText(event: Pick<EventRow, "slug" | "defaultLocale">, texts: readonly EventTextRow[], reader: Locale) {
  const chosen = shownText(texts, reader, event.defaultLocale);
  return {
    title: chosen?.title ?? event.slug,
    description: chosen?.description ?? "",
    shownLocale: chosen?.locale ?? event.defaultLocale,
  };
}

/**
 * People waiting, counted, by event id. Places taken are not counted: the event row keeps them
 * (`registeredCount`, changed under its lock), so a list does not recount every registration.
 */
async function waitingOf(db: Executor, ids: readonly string[]) {
  const counts = new Map<string, number>();
  if (!ids.length) return counts;
  const rows = await db
    .select({ eventId: eventRegistrations.eventId, waiting: sql<number>`count(*)`.mapWith(Number) })
    .from(eventRegistrations)
    .where(and(inArray(eventRegistrations.eventId, [...ids]), eq(eventRegistrations.status, "waitlisted")))
    .groupBy(eventRegistrations.eventId);
  for (const row of rows) counts.set(row.eventId, row.waiting);
  return counts;
}

/** Events as lists show them, in the reader's language, in the order given. */
export async function eventSummaries(
  db: Executor,
  rows: readonly EventRow[],
  reader: Locale,
  /** Their texts when the caller has read them already (one event's page), so they are not read twice. */
  known?: Map<string, EventTextRow[]>,
): Promise<EventSummaryDto[]> {
  const ids = rows.map((r) => r.id);
  const [texts, waiting, centres, facilities] = await Promise.all([
    known ?? textsOf(db, ids),
    waitingOf(db, ids),
    organisationRefs(
      db,
      rows.map((r) => r.centreId),
      reader,
    ),
    facilityNames(
      db,
      rows.map((r) => r.facilityId),
    ),
  ]);
  return rows.map((row) => {
    const text = shownEventText(row, texts.get(row.id) ?? [], reader);
    return {
      id: row.id,
      slug: row.slug,
      kind: row.kind,
      title: text.title,
      shownLocale: text.shownLocale,
      defaultLocale: row.defaultLocale,
      centre: centres.get(row.centreId)!,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      timeZone: row.timeZone,
      mode: row.mode,
      venue: row.venue,
      facility: row.facilityId ? { id: row.facilityId, name: facilities.get(row.facilityId) ?? "" } : null,
      languages: row.languages,
      interpretationLanguages: row.interpretationLanguages,
      capacity: row.capacity,
      registeredCount: row.registeredCount,
      waitlistCount: waiting.get(row.id) ?? 0,
      registrationOpensAt: iso(row.registrationOpensAt),
      registrationClosesAt: iso(row.registrationClosesAt),
      status: row.status,
    };
  });
}

export async function toMyRegistration(db: Executor, registration: RegistrationFields): Promise<MyRegistrationDto> {
  return {
    id: registration.id,
    status: registration.status,
    waitlistPosition: await waitlistPosition(db, registration),
    attendedAt: iso(registration.attendedAt),
  };
}

export async function toRegistrationDto(db: Executor, registration: RegistrationFields): Promise<RegistrationDto> {
  return { eventId: registration.eventId, ...(await toMyRegistration(db, registration)) };
}

/** The event's page in the reader's language. */
export function eventUrl(publicUrl: string, event: Pick<EventRow, "slug">, locale: string): string {
  return `${publicUrl}/${isLocale(locale) ? locale : "en"}/events/${event.slug}`;
}

/** One event as a calendar entry for a reader; the join link only when they may see it. */
export function calendarItem(
  publicUrl: string,
  event: EventRow,
  texts: readonly EventTextRow[],
  facilityName: string | null,
  reader: Locale,
  joinUrl: string | null,
): IcsEvent {
  const text = shownEventText(event, texts, reader);
  const place = facilityName ?? event.venue;
  return {
    id: event.id,
    title: text.title,
    description: [text.description, joinUrl].filter(Boolean).join("\n\n"),
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    location: [place, joinUrl].filter(Boolean).join(" · ") || null,
    url: eventUrl(publicUrl, event, reader),
    cancelled: event.status === "cancelled",
    updatedAt: event.updatedAt,
    sequence: event.sequence,
  };
}

/** Events as calendar entries. Reads only texts and facility names: it runs for every notice and reminder too. */
export async function calendarItems(
  db: Executor,
  publicUrl: string,
  rows: readonly EventRow[],
  reader: Locale,
  withJoinUrl: (row: EventRow) => boolean,
): Promise<IcsEvent[]> {
  const [texts, facilities] = await Promise.all([
    textsOf(
      db,
      rows.map((r) => r.id),
    ),
    facilityNames(
      db,
      rows.map((r) => r.facilityId),
    ),
  ]);
  return rows.map((row) =>
    calendarItem(
      publicUrl,
      row,
      texts.get(row.id) ?? [],
      row.facilityId ? (facilities.get(row.facilityId) ?? null) : null,
      reader,
      withJoinUrl(row) ? row.joinUrl : null,
    ),
  );
}
