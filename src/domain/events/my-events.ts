import { and, asc, desc, eq, gte, inArray } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import type { EventsContext } from "./context.ts";
import type { MyEventDto } from "./dto.ts";
import { eventSummaries, toMyRegistration } from "./mapping.ts";
import { eventRegistrations, events } from "./schema.ts";

/** The events the signed-in person holds a place at or waits for: upcoming ones first, soonest first. */
export async function myEvents(ctx: EventsContext, actor: Actor | null, reader: Locale): Promise<MyEventDto[]> {
  const { db } = ctx;
  const who = requireActor(actor);
  const rows = await db
    .select({ event: events, registration: eventRegistrations })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(and(eq(eventRegistrations.userId, who.userId), inArray(eventRegistrations.status, ["registered", "waitlisted"])))
    .orderBy(desc(gte(events.endsAt, ctx.now())), asc(events.startsAt));
  const items = await eventSummaries(
    db,
    rows.map((r) => r.event),
    reader,
  );
  return Promise.all(rows.map(async (r, i) => ({ event: items[i]!, registration: await toMyRegistration(db, r.registration) })));
}
