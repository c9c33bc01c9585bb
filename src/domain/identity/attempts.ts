import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { DomainError } from "../shared/errors.ts";
import { loginFailures } from "./schema.ts";

/**
 * Counters of attempts per key (an account, a client, both) in fixed 15-minute windows, kept in
 * the database so every server of a cluster counts the same (table `login_failures`, named for its
 * first use). Sign-in failures, password-reset mails and sign-ups are counted here.
 */
export const RATE_WINDOW_MS = 15 * 60 * 1000;

export function rateWindow(at: number) {
  const start = Math.floor(at / RATE_WINDOW_MS) * RATE_WINDOW_MS;
  return { start: new Date(start), minutesLeft: Math.max(1, Math.ceil((start + RATE_WINDOW_MS - at) / 60_000)) };
}

export const rateLimited = (minutes: number) => new DomainError("rate_limited", 429, { minutes });

/** The counts of these keys in the window (0 when absent). */
export async function countsOf(db: Executor, keys: readonly string[], windowStart: Date): Promise<Map<string, number>> {
  if (!keys.length) return new Map();
  const rows = await db
    .select({ key: loginFailures.key, count: loginFailures.count })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, [...keys]), eq(loginFailures.windowStart, windowStart)));
  return new Map(rows.map((row) => [row.key, row.count]));
}

/** Counts one more attempt under each key; returns the new counts. Older windows of these keys go (no job needed). */
export async function countAttempt(db: Executor, keys: readonly string[], windowStart: Date): Promise<Map<string, number>> {
  if (!keys.length) return new Map();
  const rows = await db
    .insert(loginFailures)
    .values(keys.map((key) => ({ key, windowStart, count: 1 })))
    .onConflictDoUpdate({ target: [loginFailures.key, loginFailures.windowStart], set: { count: sql`${loginFailures.count} + 1` } })
    .returning({ key: loginFailures.key, count: loginFailures.count });
  await db.delete(loginFailures).where(and(inArray(loginFailures.key, [...keys]), lt(loginFailures.windowStart, windowStart)));
  return new Map(rows.map((row) => [row.key, row.count]));
}

export async function clearAttempts(db: Executor, keys: readonly string[]): Promise<void> {
  if (keys.length) await db.delete(loginFailures).where(inArray(loginFailures.key, [...keys]));
}
