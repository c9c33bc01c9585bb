import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { DomainError } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import { countAttempt, rateWindow } from "./attempts.ts";
import type { IdentityContext } from "./context.ts";
import { apiTokens, passwordResets, sessions, users } from "./schema.ts";
import { hashPassword, newSecret, sha256 } from "./secrets.ts";
import { startSession } from "./sessions.ts";
import { passwordResetInput, passwordResetRequestInput } from "./validation.ts";

const RESET_LIFETIME_MINUTES = 60;
/** Reset mails per address in a 15-minute window: enough for a lost mail, too few to flood a mailbox. */
const MAX_RESET_MAILS_PER_ADDRESS = 3;

/**
 * Says nothing about whether the address has an account; the mail goes only if it does, and at
 * most 3 times in 15 minutes (counted for unknown addresses too, so the answer stays the same).
 */
export async function requestPasswordReset(ctx: IdentityContext, input: { email: string; locale: Locale }): Promise<void> {
  const data = parseInput(passwordResetRequestInput, input);
  const key = `reset:${data.email}`;
  const counted = await countAttempt(ctx.db, [key], rateWindow(ctx.now().getTime()).start);
  if ((counted.get(key) ?? 0) > MAX_RESET_MAILS_PER_ADDRESS) return;
  const [user] = await ctx.db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(sql`lower(${users.email})`, data.email));
  if (!user) return;
  const token = newSecret();
  const t = translatorFor(data.locale);
  const link = `${ctx.publicUrl}/${data.locale}/reset-password/${token}`;
  // Queued, not sent here: the answer comes as fast for an address with an account as for one
  // without, and a mail server that is down does not turn into an error.
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(passwordResets)
      .values({ tokenHash: sha256(token), userId: user.id, expiresAt: new Date(ctx.now().getTime() + RESET_LIFETIME_MINUTES * 60_000) });
    await ctx.outbox.enqueueMail(tx, {
      to: user.email,
      subject: t("identity.email.reset.subject"),
      text: t("identity.email.reset.body", { name: user.name, link, minutes: RESET_LIFETIME_MINUTES }),
    });
  });
  ctx.outbox.deliverSoon();
}

/**
 * One use per link; every session and personal API token of the account ends, since one of them
 * may be the reason (a stolen laptop, a leaked script).
 */
export async function resetPassword(ctx: IdentityContext, input: { token: string; password: string }): Promise<{ sessionToken: string }> {
  const data = parseInput(passwordResetInput, input);
  const passwordHash = await hashPassword(data.password);
  return ctx.db.transaction(async (tx) => {
    const at = ctx.now();
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: at })
      .where(and(eq(passwordResets.tokenHash, sha256(data.token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, at)))
      .returning({ userId: passwordResets.userId });
    if (!reset) throw new DomainError("invalid_token", 400);
    // The link came to the account's address: that proves it, as a sign-up link would.
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: at, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${at})` })
      .where(eq(users.id, reset.userId));
    await tx.delete(sessions).where(eq(sessions.userId, reset.userId));
    await tx.delete(apiTokens).where(eq(apiTokens.userId, reset.userId));
    await tx.delete(passwordResets).where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
    return { sessionToken: await startSession(ctx, tx, reset.userId) };
  });
}
