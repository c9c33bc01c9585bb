import { and, count, eq, lte, sql } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { organisationRefs } from "../network/queries.ts";
import type { Actor } from "../shared/actor.ts";
import type { EventsContext } from "./context.ts";
import type { EventFigures, EventReportDto, ReportBucket } from "./dto.ts";
import { eventSummaries } from "./mapping.ts";
import { findManagedEvent } from "./rows.ts";
import { eventRegistrations, events } from "./schema.ts";

type Counted = { status: "registered" | "waitlisted"; attended: boolean; n: number };

function add(buckets: Map<string, ReportBucket>, key: string, label: string, { status, attended, n }: Counted) {
  const bucket = buckets.get(key) ?? { key, label, registered: 0, waitlisted: 0, attended: 0 };
  bucket[status] += n;
  if (attended && status === "registered") bucket.attended += n;
  buckets.set(key, bucket);
}

const largest = (a: ReportBucket, b: ReportBucket) =>
  b.registered + b.waitlisted - (a.registered + a.waitlisted) || a.label.localeCompare(b.label);

/** Participation by status, institution and country, labelled in the reader's language, for the event's staff. */
export async function report(ctx: EventsContext, actor: Actor | null, ref: string, reader: Locale): Promise<EventReportDto> {
  const { db } = ctx;
  const event = await findManagedEvent(db, actor, ref);
  const t = translatorFor(reader);
  const attended = sql<boolean>`${eventRegistrations.attendedAt} is not null`;
  const rows = await db
    .select({
      status: eventRegistrations.status,
      attended,
      organisationId: eventRegistrations.organisationId,
      country: eventRegistrations.country,
      n: count(),
    })
    .from(eventRegistrations)
    .where(eq(eventRegistrations.eventId, event.id))
    .groupBy(eventRegistrations.status, attended, eventRegistrations.organisationId, eventRegistrations.country);
  const [institutionRefs, [summary]] = await Promise.all([
    organisationRefs(
      db,
      rows.map((r) => r.organisationId),
      reader,
    ),
    eventSummaries(db, [event], reader),
  ]);
  const totals = { registered: 0, waitlisted: 0, attended: 0, cancelled: 0 };
  const institutions = new Map<string, ReportBucket>();
  const countries = new Map<string, ReportBucket>();
  const regionNames = new Intl.DisplayNames(reader, { type: "region", fallback: "code" });
  for (const row of rows) {
    totals[row.status] += row.n;
    if (row.attended && row.status === "registered") totals.attended += row.n;
    if (row.status === "cancelled") continue;
    const counted = { status: row.status, attended: row.attended, n: row.n };
    const institution = row.organisationId ? institutionRefs.get(row.organisationId) : undefined;
    add(institutions, institution?.slug ?? "unaffiliated", institution ? institution.name : t("events.report.unaffiliated"), counted);
    // The country the participant gave, else their institution's.
    const country = row.country ?? institution?.country ?? null;
    add(countries, country ?? "unknown", country ? (regionNames.of(country) ?? country) : t("events.report.unknownCountry"), counted);
  }
  return {
    event: { id: event.id, slug: event.slug, title: summary!.title, startsAt: summary!.startsAt, timeZone: event.timeZone },
    ...totals,
    byInstitution: [...institutions.values()].sort(largest),
    byCountry: [...countries.values()].sort(largest),
  };
}

/** For the home page: scheduled events that have ended, and the distinct people who attended any event. */
export async function figures(ctx: EventsContext): Promise<EventFigures> {
  const { db } = ctx;
  // One statement: the home page shows both on every view.
  const [held] = await db
    .select({
      n: count(),
      reached: sql<number>`(select count(distinct r.user_id) from ${eventRegistrations} r where r.attended_at is not null)`.mapWith(Number),
    })
    .from(events)
    .where(and(eq(events.status, "scheduled"), lte(events.endsAt, ctx.now())));
  return { eventsHeld: held?.n ?? 0, educatorsReached: held?.reached ?? 0 };
}
