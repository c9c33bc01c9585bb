import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { DomainError } from "../shared/errors.ts";
import type { EventsContext } from "./context.ts";
import { eventCheckInAttempts } from "./schema.ts";

const WINDOW_MS = 15 * 60 * 1000;
/** Wrong codes one person may try at one event per window: a typo or two, never a search of the 32^6 codes. */
export const MAX_CODE_GUESSES_PER_PERSON = 10;
/** Wrong codes per client address: a room behind one address checks in with few mistakes. */
export const MAX_CODE_GUESSES_PER_CLIENT = 30;

type Attempt = { keys: string[]; windowStart: Date };

/**
 * Counts a code attempt before the code is compared, refusing it with 429 once a key is over its
 * limit. The count is raised first and read back in one statement, so a burst of parallel
 * guesses cannot all pass a check made before any of them was counted.
 */
export async function countCodeAttempt(ctx: Pick<EventsContext, "db" | "now">, eventId: string, userId: string, clientKey: string) {
  const at = ctx.now().getTime();
  const windowStart = new Date(Math.floor(at / WINDOW_MS) * WINDOW_MS);
  const limits = new Map([[`person:${eventId}:${userId}`, MAX_CODE_GUESSES_PER_PERSON]]);
  if (clientKey) limits.set(`client:${clientKey}`, MAX_CODE_GUESSES_PER_CLIENT);
  const keys = [...limits.keys()];
  const counts = await ctx.db
    .insert(eventCheckInAttempts)
    .values(keys.map((key) => ({ key, windowStart, count: 1 })))
    .onConflictDoUpdate({
      target: [eventCheckInAttempts.key, eventCheckInAttempts.windowStart],
      set: { count: sql`${eventCheckInAttempts.count} + 1` },
    })
    .returning({ key: eventCheckInAttempts.key, count: eventCheckInAttempts.count });
  // Older windows no longer count; dropping them here keeps the table small without a job.
  await ctx.db
    .delete(eventCheckInAttempts)
    .where(and(inArray(eventCheckInAttempts.key, keys), lt(eventCheckInAttempts.windowStart, windowStart)));
  const attempt: Attempt = { keys, windowStart };
  if (counts.some((row) => row.count > limits.get(row.key)!)) {
    const minutes = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - at) / 60_000));
    throw new DomainError("rate_limited", 429, { minutes });
  }
  return attempt;
}

/** A right code: its attempt is given back. */
export async function forgiveCodeAttempt(ctx: Pick<EventsContext, "db">, attempt: Attempt) {
  await ctx.db
    .update(eventCheckInAttempts)
    .set({ count: sql`greatest(${eventCheckInAttempts.count} - 1, 0)` })
    .where(and(inArray(eventCheckInAttempts.key, attempt.keys), eq(eventCheckInAttempts.windowStart, attempt.windowStart)));
}
