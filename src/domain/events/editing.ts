import crypto from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor, Transaction } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { existingCentres, existingOrganisations, facilityNames } from "../network/queries.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { constraintError } from "../shared/db-errors.ts";
import { fieldError } from "../shared/errors.ts";
import { freeSlug } from "../shared/slugs.ts";
import { isTimeZone } from "../shared/time-zone.ts";
import { parseInput } from "../shared/validation.ts";
import type { EventsContext } from "./context.ts";
import type { EventDto, EventMode, EventTranslationStatus, OrganiserRole } from "./dto.ts";
import { getEvent } from "./events.ts";
import { deliverNoticesSoon } from "./notices.ts";
import { requireAccess } from "./permissions.ts";
import { type EventRow, findEvent } from "./rows.ts";
import { eventOrganisers, eventRegistrations, events, eventTranslations } from "./schema.ts";
import { parseEventTime } from "./time.ts";
import { type EventPatch, eventInputSchema, eventPatchSchema } from "./validation.ts";
import { fillFromWaitlist } from "./waitlist.ts";

/** Letters and digits that cannot be mistaken for one another when read off a screen. */
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

const uniqueRules = { events_slug_unique: { code: "duplicate_slug", field: "slug", messageId: "error.duplicate_slug" } } as const;

function newCheckInCode(): string {
  const bytes = crypto.randomBytes(6);
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");
}

type Schedule = {
  timeZone: string;
  startsAt: string;
  endsAt: string;
  registrationOpensAt?: string | null | undefined;
  registrationClosesAt?: string | null | undefined;
  mode: EventMode;
  facilityId?: string | null | undefined;
  venue?: string | null | undefined;
  organisers?: { organisationId: string }[] | undefined;
};

/** Checks what the database cannot: the zone, the order of times, the venue, referenced rows. */
async function resolveSchedule(db: Executor, values: Schedule) {
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
  if (values.facilityId && !(await facilityNames(db, [values.facilityId])).has(values.facilityId)) {
    throw fieldError("facilityId", "events.field.unknownFacility");
  }
  const organiserIds = [...new Set((values.organisers ?? []).map((o) => o.organisationId))];
  if ((await existingOrganisations(db, organiserIds)).size !== organiserIds.length) {
    throw fieldError("organisers", "events.field.unknownOrganisation");
  }
  return { startsAt, endsAt, registrationOpensAt, registrationClosesAt };
}

type Text = { title: string; description?: string | undefined; status?: EventTranslationStatus | undefined };

/** Writes the default language's text (when given) and the others, each replacing what was stored for its language. */
async function writeTexts(
  tx: Transaction,
  eventId: string,
  defaultLocale: string,
  main: { title: string; description: string | undefined } | null,
  others: Partial<Record<string, Text>>,
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

/**
 * Whether a change reaches people's calendars: the time, the place or the way to join. Their
 * entries are updated by a mail carrying the event with a raised SEQUENCE.
 */
function movesPeople(
  before: EventRow,
  times: { startsAt: Date; endsAt: Date },
  patch: Pick<EventPatch, "mode" | "facilityId" | "venue" | "joinUrl">,
): boolean {
  const changed = <T>(next: T | undefined, previous: T) => next !== undefined && next !== previous;
  return (
    times.startsAt.getTime() !== before.startsAt.getTime() ||
    times.endsAt.getTime() !== before.endsAt.getTime() ||
    changed(patch.mode, before.mode) ||
    changed(patch.facilityId, before.facilityId) ||
    changed(patch.venue === undefined ? undefined : patch.venue || null, before.venue) ||
    changed(patch.joinUrl, before.joinUrl)
  );
}

/** A new event of a centre, by its staff (or the secretariat). */
export async function createEvent(ctx: EventsContext, actor: Actor | null, input: unknown, reader: Locale): Promise<EventDto> {
  const { db } = ctx;
  requireActor(actor);
  const data = parseInput(eventInputSchema, input);
  requireAccess(actor, "event.manage", data.centreId);
  if (!(await existingCentres(db, [data.centreId])).has(data.centreId)) throw fieldError("centreId", "events.field.unknownCentre");
  const times = await resolveSchedule(db, data);
  const slug =
    data.slug ??
    (await freeSlug(
      data.title,
      "event",
      async (candidate) => (await db.select({ id: events.id }).from(events).where(eq(events.slug, candidate))).length > 0,
      60,
    ));
  const at = ctx.now();
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
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: events.id });
      id = row!.id;
      await writeTexts(tx, id, data.defaultLocale, { title: data.title, description: data.description }, data.translations ?? {});
      if (data.organisers) await writeOrganisers(tx, id, data.organisers);
    });
  } catch (error) {
    throw constraintError(error, uniqueRules);
  }
  return getEvent(ctx, id, reader, actor);
}

/**
 * Changes what the patch names. Cancelling tells everyone registered or waiting; a new capacity
 * moves people up from the waiting list. A cancelled event stays cancelled.
 */
export async function updateEvent(ctx: EventsContext, actor: Actor | null, ref: string, patch: unknown, reader: Locale): Promise<EventDto> {
  const { db } = ctx;
  requireActor(actor);
  const current = await findEvent(db, ref);
  requireAccess(actor, "event.manage", current.centreId);
  const data = parseInput(eventPatchSchema, patch);
  if (current.status === "cancelled" && data.status === "scheduled") throw fieldError("status", "events.field.cancelledFinal");
  // Times left out keep their instant, whatever zone the patch names.
  const keep = (value: Date | null) => (value ? value.toISOString() : null);
  const times = await resolveSchedule(db, {
    timeZone: data.timeZone ?? current.timeZone,
    startsAt: data.startsAt ?? keep(current.startsAt)!,
    endsAt: data.endsAt ?? keep(current.endsAt)!,
    registrationOpensAt: data.registrationOpensAt === undefined ? keep(current.registrationOpensAt) : data.registrationOpensAt,
    registrationClosesAt: data.registrationClosesAt === undefined ? keep(current.registrationClosesAt) : data.registrationClosesAt,
    mode: data.mode ?? current.mode,
    facilityId: data.facilityId === undefined ? current.facilityId : data.facilityId,
    venue: data.venue === undefined ? current.venue : data.venue,
    organisers: data.organisers,
  });
  const defaultLocale = data.defaultLocale ?? current.defaultLocale;
  const at = ctx.now();
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
          updatedAt: at,
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
      const cancelling = data.status === "cancelled" && locked?.status !== "cancelled";
      if (cancelling || (locked?.status === "scheduled" && movesPeople(locked, times, data))) {
        await tx
          .update(events)
          .set({ sequence: sql`${events.sequence} + 1` })
          .where(eq(events.id, current.id));
      }
      if (cancelling) {
        await tx
          .update(eventRegistrations)
          .set({ pendingNotice: "cancelled", updatedAt: at })
          .where(and(eq(eventRegistrations.eventId, current.id), inArray(eventRegistrations.status, ["registered", "waitlisted"])));
      } else if (locked?.status === "scheduled" && movesPeople(locked, times, data)) {
        // People not yet mailed get the new time in their confirmation; the others an update.
        await tx
          .update(eventRegistrations)
          .set({ pendingNotice: "updated", updatedAt: at })
          .where(
            and(
              eq(eventRegistrations.eventId, current.id),
              eq(eventRegistrations.status, "registered"),
              isNull(eventRegistrations.pendingNotice),
            ),
          );
      }
      if (data.capacity !== undefined && (data.status ?? locked?.status) === "scheduled") {
        await fillFromWaitlist(tx, { id: current.id, capacity: data.capacity, status: "scheduled" }, at);
      }
    });
  } catch (error) {
    throw constraintError(error, uniqueRules);
  }
  deliverNoticesSoon(ctx);
  return getEvent(ctx, current.id, reader, actor);
}
