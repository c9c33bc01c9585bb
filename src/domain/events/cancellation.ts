import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Transaction } from "../../db/client.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { DomainError, notFound } from "../shared/errors.ts";
import type { EventsContext } from "./context.ts";
import type { RegistrationDto } from "./dto.ts";
import { toRegistrationDto } from "./mapping.ts";
import { deliverNoticesSoon } from "./notices.ts";
import { lockEvent } from "./rows.ts";
import { eventRegistrations, events } from "./schema.ts";
import { fillFromWaitlist } from "./waitlist.ts";

/**
 * Marks the person's live registration at the locked event cancelled; null when they hold none.
 * A place held was in their calendar: they are owed a cancellation for it (a waiting-list entry
 * never was).
 */
async function giveUpPlace(tx: Transaction, eventId: string, userId: string, at: Date) {
  const [row] = await tx
    .update(eventRegistrations)
    .set({
      status: "cancelled",
      pendingNotice: sql`case when ${eventRegistrations.status} = 'registered' then 'withdrawn' else null end`,
      updatedAt: at,
    })
    .where(
      and(
        eq(eventRegistrations.eventId, eventId),
        eq(eventRegistrations.userId, userId),
        inArray(eventRegistrations.status, ["registered", "waitlisted"]),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * The signed-in person gives up their place (or leaves the waiting list); the first person waiting
 * takes a freed place. Not once a scheduled event has started: attendance is being recorded.
 */
export async function cancelRegistration(ctx: EventsContext, actor: Actor | null, ref: string): Promise<RegistrationDto> {
  const who = requireActor(actor);
  const at = ctx.now();
  const cancelled = await ctx.db.transaction(async (tx) => {
    const event = await lockEvent(tx, ref);
    if (event.status === "scheduled" && at >= event.startsAt) throw new DomainError("registration_closed", 409);
    const row = await giveUpPlace(tx, event.id, who.userId, at);
    if (!row) throw notFound("registration");
    await fillFromWaitlist(tx, event, at);
    return row;
  });
  // The cancellation for their calendar, and the promotions' notices.
  deliverNoticesSoon(ctx);
  return toRegistrationDto(ctx.db, cancelled);
}

/**
 * Gives up a person's places at those of the events that have not started, inside the caller's
 * transaction (someone leaving a cohort gives up its live sessions): each event is locked and its
 * waiting list moves up as in a cancellation. Returns the promoted registrations; their notices
 * are owed (`pendingNotice`), so the caller starts `deliverNoticesSoon` after commit.
 */
export async function cancelUpcomingRegistrations(
  ctx: EventsContext,
  tx: Transaction,
  userId: string,
  eventIds: readonly string[],
): Promise<string[]> {
  if (!eventIds.length) return [];
  const at = ctx.now();
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
    if (await giveUpPlace(tx, event.id, userId, at)) promoted.push(...(await fillFromWaitlist(tx, event, at)));
  }
  return promoted;
}
