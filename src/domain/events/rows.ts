import { and, count, eq, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { Executor, Transaction } from "../../db/client.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { notFound } from "../shared/errors.ts";
import { isUuid } from "../shared/ids.ts";
import { parseInput } from "../shared/validation.ts";
import { requireAccess } from "./permissions.ts";
import { eventRegistrations, events, eventTranslations } from "./schema.ts";
import { eventRefSchema } from "./validation.ts";

export type EventRow = typeof events.$inferSelect;
export type RegistrationRow = typeof eventRegistrations.$inferSelect;
export type EventTextRow = typeof eventTranslations.$inferSelect;

/** Reminders go this long before the start. */
export const REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;

/** An event by id, or by slug as page addresses name it. */
export function refCondition(ref: string): SQL {
  return isUuid(ref) ? eq(events.id, ref) : eq(events.slug, ref);
}

export async function findEvent(db: Executor, ref: string): Promise<EventRow> {
  parseInput(eventRefSchema, ref);
  const [row] = await db.select().from(events).where(refCondition(ref));
  if (!row) throw notFound("event");
  return row;
}

/** Takes the event's row lock: registrations of one event are decided one at a time. */
export async function lockEvent(tx: Transaction, ref: string): Promise<EventRow> {
  parseInput(eventRefSchema, ref);
  const [row] = await tx.select().from(events).where(refCondition(ref)).for("update");
  if (!row) throw notFound("event");
  return row;
}

/** The event, for someone allowed to manage it: 401 when signed out, 404 when missing, 403 when not theirs. */
export async function findManagedEvent(db: Executor, actor: Actor | null, ref: string): Promise<EventRow> {
  requireActor(actor);
  const event = await findEvent(db, ref);
  requireAccess(actor, "event.manage", event.centreId);
  return event;
}

/** Registration is open when the event is scheduled, the window has begun and it has not started. */
export function registrationOpenAt(event: EventRow, at: Date): boolean {
  if (event.status !== "scheduled") return false;
  if (event.registrationOpensAt && at < event.registrationOpensAt) return false;
  return at < (event.registrationClosesAt ?? event.startsAt);
}

/** Every text of each event, by event id. */
export async function textsOf(db: Executor, ids: readonly string[]): Promise<Map<string, EventTextRow[]>> {
  const byEvent = new Map<string, EventTextRow[]>();
  if (!ids.length) return byEvent;
  const rows = await db
    .select()
    .from(eventTranslations)
    .where(inArray(eventTranslations.eventId, [...ids]));
  for (const row of rows) byEvent.set(row.eventId, [...(byEvent.get(row.eventId) ?? []), row]);
  return byEvent;
}

/** 1 for the first person waiting; null unless waitlisted. */
export async function waitlistPosition(
  db: Executor,
  registration: Pick<RegistrationRow, "eventId" | "status" | "queue">,
): Promise<number | null> {
  if (registration.status !== "waitlisted") return null;
  const [row] = await db
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

/** The waiting-list positions of several registrations in one query, by id; those not waiting are absent. */
export async function waitlistPositions(
  db: Executor,
  registrations: readonly Pick<RegistrationRow, "id" | "status">[],
): Promise<Map<string, number>> {
  const ids = registrations.filter((r) => r.status === "waitlisted").map((r) => r.id);
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      id: eventRegistrations.id,
      // Written out: Drizzle leaves the outer columns unqualified in a one-table select.
      position: sql<number>`(select count(*) from event_registrations ahead where ahead.event_id = event_registrations.event_id
        and ahead.status = 'waitlisted' and ahead.queue <= event_registrations.queue)`.mapWith(Number),
    })
    .from(eventRegistrations)
    .where(inArray(eventRegistrations.id, ids));
  return new Map(rows.map((row) => [row.id, row.position]));
}
