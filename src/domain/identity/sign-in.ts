import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Actor } from "../shared/actor.ts";
import { DomainError } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import type { IdentityContext } from "./context.ts";
import { loginFailures, sessions, users } from "./schema.ts";
import { hashPassword, newSecret, passwordMatches } from "./secrets.ts";
import { authenticateSession, startSession } from "./sessions.ts";
import { type SignInInput, signInInput } from "./validation.ts";

const RATE_WINDOW_MS = 15 * 60 * 1000;
/** Per account: enough for typos, too few for guessing. */
const MAX_FAILURES_PER_EMAIL = 5;
/** Per client address: higher, because a whole campus can sit behind one address. */
const MAX_FAILURES_PER_CLIENT = 30;

/** Checked against when the address has no account, so both cost the same hashing work. */
let dummyHash: Promise<string> | undefined;

function rateWindow(at: number) {
  const start = Math.floor(at / RATE_WINDOW_MS) * RATE_WINDOW_MS;
  return { start: new Date(start), minutesLeft: Math.max(1, Math.ceil((start + RATE_WINDOW_MS - at) / 60_000)) };
}

function failureKeys(email: string, clientKey: string) {
  const keys = [{ key: `email:${email}`, limit: MAX_FAILURES_PER_EMAIL }];
  if (clientKey) keys.push({ key: `client:${clientKey}`, limit: MAX_FAILURES_PER_CLIENT });
  return keys;
}

async function recordFailure(ctx: IdentityContext, keys: { key: string }[], windowStart: Date) {
  const names = keys.map((k) => k.key);
  await ctx.db
    .insert(loginFailures)
    .values(names.map((key) => ({ key, windowStart, count: 1 })))
    .onConflictDoUpdate({ target: [loginFailures.key, loginFailures.windowStart], set: { count: sql`${loginFailures.count} + 1` } });
  // Older windows no longer count; dropping them here keeps the table small without a job.
  await ctx.db.delete(loginFailures).where(and(inArray(loginFailures.key, names), lt(loginFailures.windowStart, windowStart)));
}

/**
 * Email and password checked under the sign-in limits; returns the user's id. Unknown addresses
 * cost the same hashing work as known ones, so timing does not tell which accounts exist.
 */
export async function checkCredentials(ctx: IdentityContext, input: SignInInput): Promise<string> {
  const data = parseInput(signInInput, input);
  const email = data.email.toLowerCase();
  const keys = failureKeys(email, data.clientKey);
  const window = rateWindow(ctx.now().getTime());
  const counts = await ctx.db
    .select({ key: loginFailures.key, count: loginFailures.count })
    .from(loginFailures)
    .where(
      and(
        inArray(
          loginFailures.key,
          keys.map((k) => k.key),
        ),
        eq(loginFailures.windowStart, window.start),
      ),
    );
  const limited = keys.some(({ key, limit }) => (counts.find((row) => row.key === key)?.count ?? 0) >= limit);
  if (limited) throw new DomainError("rate_limited", 429, { minutes: window.minutesLeft });

  const [user] = await ctx.db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  dummyHash ??= hashPassword(newSecret());
  const matches = await passwordMatches(user?.passwordHash ?? (await dummyHash), data.password);
  if (!user || !matches) {
    await recordFailure(ctx, keys, window.start);
    throw new DomainError("invalid_credentials", 401);
  }
  await ctx.db.delete(loginFailures).where(eq(loginFailures.key, `email:${email}`));
  return user.id;
}

export async function signIn(ctx: IdentityContext, input: SignInInput): Promise<{ sessionToken: string; actor: Actor }> {
  const userId = await checkCredentials(ctx, input);
  // Expired sessions of this person go when they come back, so the table does not grow forever.
  await ctx.db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, ctx.now())));
  const sessionToken = await startSession(ctx, ctx.db, userId);
  const actor = await authenticateSession(ctx, sessionToken);
  if (!actor) throw new Error("a fresh session did not authenticate");
  return { sessionToken, actor };
}
