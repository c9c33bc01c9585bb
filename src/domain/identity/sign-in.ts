import { and, eq, lt, sql } from "drizzle-orm";
import type { Actor } from "../shared/actor.ts";
import { DomainError } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import { clearAttempts, countAttempt, countsOf, rateLimited, rateWindow } from "./attempts.ts";
import type { IdentityContext } from "./context.ts";
import { sessions, users } from "./schema.ts";
import { hashPassword, newSecret, passwordMatches } from "./secrets.ts";
import { authenticateSession, startSession } from "./sessions.ts";
import { type SignInInput, signInInput } from "./validation.ts";

/**
 * Sign-in limits (docs/security.md). Per account and client: 5 failures in a window stop that
 * client guessing that account. Per client: 30 failures, whichever accounts (a campus shares one
 * address). Per account: after 20 failures from anywhere, a client that has already failed for the
 * account is refused, but one that has not still gets its try, so the right password from the
 * person's own device works while someone else guesses: nobody can lock a person out, and a
 * guesser spread over many addresses gets one guess per address.
 */
const MAX_FAILURES_PER_ACCOUNT_AND_CLIENT = 5;
const MAX_FAILURES_PER_CLIENT = 30;
const MAX_FAILURES_PER_ACCOUNT = 20;

/** Checked against when the address has no account, so both cost the same hashing work. */
let dummyHash: Promise<string> | undefined;

function failureKeys(email: string, clientKey: string) {
  return { account: `email:${email}`, pair: `email:${email}|client:${clientKey}`, client: clientKey ? `client:${clientKey}` : null };
}

/**
 * Email and password checked under the sign-in limits; returns the user's id. Unknown addresses
 * cost the same hashing work as known ones, so timing does not tell which accounts exist.
 */
export async function checkCredentials(ctx: IdentityContext, input: SignInInput): Promise<string> {
  const data = parseInput(signInInput, input);
  const email = data.email.toLowerCase();
  const keys = failureKeys(email, data.clientKey);
  const all = [keys.account, keys.pair, ...(keys.client ? [keys.client] : [])];
  const window = rateWindow(ctx.now().getTime());
  const counts = await countsOf(ctx.db, all, window.start);
  const pairFailures = counts.get(keys.pair) ?? 0;
  const limited =
    pairFailures >= MAX_FAILURES_PER_ACCOUNT_AND_CLIENT ||
    (keys.client !== null && (counts.get(keys.client) ?? 0) >= MAX_FAILURES_PER_CLIENT) ||
    ((counts.get(keys.account) ?? 0) >= MAX_FAILURES_PER_ACCOUNT && pairFailures > 0);
  if (limited) throw rateLimited(window.minutesLeft);

  const [user] = await ctx.db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  dummyHash ??= hashPassword(newSecret());
  const matches = await passwordMatches(user?.passwordHash ?? (await dummyHash), data.password);
  if (!user || !matches) {
    await countAttempt(ctx.db, all, window.start);
    throw new DomainError("invalid_credentials", 401);
  }
  await clearAttempts(ctx.db, [keys.account, keys.pair]);
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
