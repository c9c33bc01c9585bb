import crypto from "node:crypto";
import { and, eq, isNull, type SQL } from "drizzle-orm";
import QRCode from "qrcode";
import type { Locale } from "../../i18n/locales.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { fieldError, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import { countCodeAttempt, forgiveCodeAttempt } from "./check-in-limits.ts";
import type { EventsContext } from "./context.ts";
import type { CheckInMethod, RegistrationDto } from "./dto.ts";
import { eventUrl, toRegistrationDto } from "./mapping.ts";
import { requireAccess } from "./permissions.ts";
import { type EventRow, findEvent, findManagedEvent } from "./rows.ts";
import { eventRegistrations } from "./schema.ts";
import { checkInInputSchema } from "./validation.ts";

/** Participants may check themselves in from a little before the start to a little after the end. */
const SELF_CHECK_IN_MARGIN_MS = 2 * 60 * 60 * 1000;

/** Compared in constant time: how long a comparison takes says nothing of how much of a guess was right. */
function codesMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Whether participants may check themselves in now: from a little before the start to a little after the end. */
function selfCheckInOpen(event: EventRow, at: Date): boolean {
  const opens = event.startsAt.getTime() - SELF_CHECK_IN_MARGIN_MS;
  const closes = event.endsAt.getTime() + SELF_CHECK_IN_MARGIN_MS;
  return event.status === "scheduled" && at.getTime() >= opens && at.getTime() <= closes;
}

/**
 * Records attendance: the event's staff for any registration, or the participant for themselves
 * with the code shown at the event while it runs. Checking in twice keeps the first time. A code
 * is compared only while the event runs, and only within the guess limits (check-in-limits.ts):
 * outside them an answer would tell whether a guess was right.
 */
export async function checkIn(
  ctx: EventsContext,
  actor: Actor | null,
  ref: string,
  input: unknown,
  clientKey = "",
): Promise<RegistrationDto> {
  const { db } = ctx;
  const who = requireActor(actor);
  const data = parseInput(checkInInputSchema, input);
  const event = await findEvent(db, ref);
  const at = ctx.now();
  let where: SQL | undefined;
  let method: CheckInMethod;
  if ("registrationId" in data) {
    requireAccess(who, "event.manage", event.centreId);
    where = and(eq(eventRegistrations.id, data.registrationId), eq(eventRegistrations.eventId, event.id));
    method = "staff";
  } else {
    if (!selfCheckInOpen(event, at)) throw fieldError("code", "events.field.checkInNotNow");
    const attempt = await countCodeAttempt(ctx, event.id, who.userId, clientKey);
    if (!codesMatch(data.code, event.checkInCode)) throw fieldError("code", "events.field.wrongCode");
    await forgiveCodeAttempt(ctx, attempt);
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

/** The QR code staff show at the event: the event's page with the code filled in. */
export async function checkInQrSvg(ctx: EventsContext, actor: Actor | null, ref: string, reader: Locale): Promise<string> {
  const event = await findManagedEvent(ctx.db, actor, ref);
  return QRCode.toString(`${eventUrl(ctx.publicUrl, event, reader)}?code=${event.checkInCode}`, { type: "svg", margin: 2 });
}
