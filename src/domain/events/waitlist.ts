import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Transaction } from "../../db/client.ts";
import type { EventRow } from "./rows.ts";
import { eventRegistrations, events } from "./schema.ts";

/**
 * After a place is given up or the capacity changes (the event row locked): moves the first people
 * waiting into free places, in the order they came, if the event is still scheduled, and stores
 * the places taken in `registeredCount`, which `register` reads instead of counting. The people
 * moved up are owed a notice. Returns their registrations' ids.
 */
export async function fillFromWaitlist(tx: Transaction, event: Pick<EventRow, "id" | "capacity" | "status">, at: Date): Promise<string[]> {
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
      .set({ status: "registered", pendingNotice: "promoted", updatedAt: at })
      .where(inArray(eventRegistrations.id, ids));
  }
  await tx
    .update(events)
    .set({ registeredCount: taken + ids.length })
    .where(eq(events.id, event.id));
  return ids;
}
