import crypto from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { peopleByIds } from "../identity/queries.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { notFound } from "../shared/errors.ts";
import type { EventsContext } from "./context.ts";
import { getEvent } from "./events.ts";
import { buildCalendar } from "./ics.ts";
import { calendarItems } from "./mapping.ts";
import { findEvent } from "./rows.ts";
import { eventCalendarFeeds, eventRegistrations, events } from "./schema.ts";

/** One event as an .ics file; the join link only for those allowed to see it. */
export async function eventIcs(
  ctx: EventsContext,
  ref: string,
  reader: Locale,
  actor: Actor | null = null,
): Promise<{ filename: string; body: string }> {
  const event = await getEvent(ctx, ref, reader, actor);
  const row = await findEvent(ctx.db, event.id);
  const items = await calendarItems(ctx.db, ctx.publicUrl, [row], reader, () => event.joinUrl !== null);
  return {
    filename: `${row.slug}.ics`,
    body: buildCalendar(event.title, items, { organizer: ctx.organizer, zone: actor?.timeZone ?? null }),
  };
}

/** The secret of the person's calendar feed, made on first use. */
export async function calendarToken(ctx: EventsContext, actor: Actor | null): Promise<string> {
  const { db } = ctx;
  const who = requireActor(actor);
  const [existing] = await db.select().from(eventCalendarFeeds).where(eq(eventCalendarFeeds.userId, who.userId));
  if (existing) return existing.token;
  const token = crypto.randomBytes(24).toString("base64url");
  await db.insert(eventCalendarFeeds).values({ userId: who.userId, token, createdAt: ctx.now() }).onConflictDoNothing();
  // A request beside this one may have made it first: theirs stands.
  const [row] = await db.select().from(eventCalendarFeeds).where(eq(eventCalendarFeeds.userId, who.userId));
  return row!.token;
}

/** A new secret for the feed: the old address stops working at once. */
export async function regenerateCalendarToken(ctx: EventsContext, actor: Actor | null): Promise<string> {
  const who = requireActor(actor);
  const token = crypto.randomBytes(24).toString("base64url");
  await ctx.db
    .insert(eventCalendarFeeds)
    .values({ userId: who.userId, token, createdAt: ctx.now() })
    .onConflictDoUpdate({ target: eventCalendarFeeds.userId, set: { token, createdAt: ctx.now() } });
  return token;
}

export function calendarFeedUrl(ctx: EventsContext, token: string): string {
  return `${ctx.publicUrl}/calendar/${token}.ics`;
}

/** The events a person holds a place at, by feed secret, in their language and zone. */
export async function calendarFeed(ctx: EventsContext, token: string): Promise<string> {
  const { db } = ctx;
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw notFound("calendar");
  const [feed] = await db.select().from(eventCalendarFeeds).where(eq(eventCalendarFeeds.token, token));
  const owner = feed && (await peopleByIds(db, [feed.userId])).get(feed.userId);
  if (!owner) throw notFound("calendar");
  const rows = await db
    .select({ event: events })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(and(eq(eventRegistrations.userId, owner.id), eq(eventRegistrations.status, "registered")))
    .orderBy(asc(events.startsAt));
  const items = await calendarItems(
    db,
    ctx.publicUrl,
    rows.map((r) => r.event),
    owner.locale,
    () => true,
  );
  return buildCalendar(translatorFor(owner.locale)("events.feed.name"), items, { organizer: ctx.organizer, zone: owner.timeZone });
}
