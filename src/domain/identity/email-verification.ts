import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { pgErrorOf, UNIQUE_VIOLATION } from "../shared/db-errors.ts";
import { DomainError, fieldError } from "../shared/errors.ts";
import { emailSchema, parseInput } from "../shared/validation.ts";
import { countAttempt, rateLimited, rateWindow } from "./attempts.ts";
import type { IdentityContext } from "./context.ts";
import { duplicateEmail } from "./errors.ts";
import { localeOf } from "./mapping.ts";
import { confirmCurrentPassword } from "./password-change.ts";
import { emailVerifications, users } from "./schema.ts";
import { newSecret, sha256 } from "./secrets.ts";
import { startSession } from "./sessions.ts";
import { localeSchema } from "./validation.ts";

const LINK_LIFETIME_HOURS = 48;
/** Mails of this file per address (or per account asking) in a 15-minute window: a lost mail can be sent again, a mailbox cannot be flooded. */
const MAX_MAILS_PER_WINDOW = 3;

export const emailChangeInput = z
  .object({ email: emailSchema, currentPassword: z.string().min(1).max(200), locale: localeSchema })
  .strict();
export type EmailChangeInput = z.input<typeof emailChangeInput>;
const verifyInput = z.object({ token: z.string().min(1).max(200) });

/** Counts one mail under `key`; false once the window's allowance is spent. */
async function mayMail(ctx: IdentityContext, tx: Executor, key: string): Promise<boolean> {
  const counted = await countAttempt(tx, [key], rateWindow(ctx.now().getTime()).start);
  return (counted.get(key) ?? 0) <= MAX_MAILS_PER_WINDOW;
}

/** A new link for `address`, mailed through the outbox in the caller's transaction. */
export async function queueVerification(
  ctx: IdentityContext,
  tx: Executor,
  user: { id: string; name: string },
  address: string,
  purpose: "sign_up" | "change",
  locale: Locale,
): Promise<void> {
  const token = newSecret();
  const at = ctx.now();
  await tx.insert(emailVerifications).values({
    tokenHash: sha256(token),
    userId: user.id,
    email: address,
    purpose,
    createdAt: at,
    expiresAt: new Date(at.getTime() + LINK_LIFETIME_HOURS * 3_600_000),
  });
  const t = translatorFor(locale);
  const link = `${ctx.publicUrl}/${locale}/verify-email/${token}`;
  await ctx.outbox.enqueueMail(tx, {
    to: address,
    subject: t(purpose === "sign_up" ? "identity.email.verify.subject" : "identity.email.change.subject"),
    text: t(purpose === "sign_up" ? "identity.email.verify.body" : "identity.email.change.body", {
      name: user.name,
      link,
      hours: LINK_LIFETIME_HOURS,
    }),
  });
}

/**
 * The address already has an account: its owner is told (sign in, or reset the password) instead
 * of the person asking being told, so a stranger cannot learn which addresses have accounts.
 * At most three such mails per address in 15 minutes.
 */
export async function queueAddressInUseNotice(ctx: IdentityContext, tx: Executor, address: string): Promise<void> {
  const [owner] = await tx
    .select({ name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(eq(sql`lower(${users.email})`, address.toLowerCase()));
  if (!owner || !(await mayMail(ctx, tx, `address-in-use:${address.toLowerCase()}`))) return;
  const locale = localeOf(owner.locale);
  const t = translatorFor(locale);
  await ctx.outbox.enqueueMail(tx, {
    to: owner.email,
    subject: t("identity.email.inUse.subject"),
    text: t("identity.email.inUse.body", {
      name: owner.name,
      signIn: `${ctx.publicUrl}/${locale}/sign-in`,
      reset: `${ctx.publicUrl}/${locale}/forgot-password`,
    }),
  });
}

/**
 * Uses a mailed link. A sign-up link marks the account's address proven and signs the person in
 * (the mail is the proof); a change link replaces the address, tells the old one, and signs no
 * one in (the link may be opened on someone else's device). One use per link.
 */
export async function verifyEmail(
  ctx: IdentityContext,
  input: { token: string },
): Promise<{ purpose: "sign_up" | "change"; locale: Locale; sessionToken: string | null }> {
  const { token } = parseInput(verifyInput, input);
  try {
    return await ctx.db.transaction(async (tx) => {
      const at = ctx.now();
      const [link] = await tx
        .update(emailVerifications)
        .set({ usedAt: at })
        .where(
          and(eq(emailVerifications.tokenHash, sha256(token)), isNull(emailVerifications.usedAt), gt(emailVerifications.expiresAt, at)),
        )
        .returning();
      if (!link) throw new DomainError("invalid_token", 400);
      const [user] = await tx.select().from(users).where(eq(users.id, link.userId));
      if (!user) throw new DomainError("invalid_token", 400);
      const locale = localeOf(user.locale);
      if (link.purpose === "sign_up") {
        // The account's address changed since this link was sent: it proves nothing any more.
        if (user.email.toLowerCase() !== link.email.toLowerCase()) throw new DomainError("invalid_token", 400);
        await tx.update(users).set({ emailVerifiedAt: at, updatedAt: at }).where(eq(users.id, user.id));
        return { purpose: link.purpose, locale, sessionToken: await startSession(ctx, tx, user.id) };
      }
      await tx.update(users).set({ email: link.email, emailVerifiedAt: at, updatedAt: at }).where(eq(users.id, user.id));
      await tx.delete(emailVerifications).where(and(eq(emailVerifications.userId, user.id), isNull(emailVerifications.usedAt)));
      const t = translatorFor(locale);
      await ctx.outbox.enqueueMail(tx, {
        to: user.email,
        subject: t("identity.email.changed.subject"),
        text: t("identity.email.changed.body", { name: user.name, email: link.email, reset: `${ctx.publicUrl}/${locale}/forgot-password` }),
      });
      return { purpose: link.purpose, locale, sessionToken: null };
    });
  } catch (error) {
    // The new address was taken by another account after the link was sent.
    if (pgErrorOf(error)?.code === UNIQUE_VIOLATION) throw duplicateEmail();
    throw error;
  } finally {
    ctx.outbox.deliverSoon();
  }
}

/**
 * The link for a change, or, when the address has another account, a notice to its owner and a
 * record no link can use: the account page then looks the same whether or not the address is taken.
 */
async function queueChangeMail(ctx: IdentityContext, tx: Executor, user: { id: string; name: string }, address: string, locale: Locale) {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, address.toLowerCase()), ne(users.id, user.id)));
  if (!taken) return queueVerification(ctx, tx, user, address, "change", locale);
  await queueAddressInUseNotice(ctx, tx, address);
  const at = ctx.now();
  await tx.insert(emailVerifications).values({
    tokenHash: sha256(newSecret()),
    userId: user.id,
    email: address,
    purpose: "change",
    createdAt: at,
    expiresAt: new Date(at.getTime() + LINK_LIFETIME_HOURS * 3_600_000),
  });
}

/** The address waiting to be proven for a change, if any. */
export async function pendingEmailOf(tx: Executor, userId: string, at: Date): Promise<string | null> {
  const [row] = await tx
    .select({ email: emailVerifications.email })
    .from(emailVerifications)
    .where(
      and(
        eq(emailVerifications.userId, userId),
        eq(emailVerifications.purpose, "change"),
        isNull(emailVerifications.usedAt),
        gt(emailVerifications.expiresAt, at),
      ),
    )
    .orderBy(desc(emailVerifications.createdAt))
    .limit(1);
  return row?.email ?? null;
}

/** Sends the link again: to the address waiting for a change if there is one, else to an unproven account address; 429 past three in 15 minutes. */
export async function resendVerification(ctx: IdentityContext, actor: Actor | null, locale: Locale): Promise<{ sentTo: string | null }> {
  const { userId } = requireActor(actor);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  const pending = user ? await pendingEmailOf(ctx.db, userId, ctx.now()) : null;
  if (!user || (!pending && user.emailVerifiedAt)) return { sentTo: null };
  if (!(await mayMail(ctx, ctx.db, `verify:${userId}`))) throw rateLimited(rateWindow(ctx.now().getTime()).minutesLeft);
  const sentTo = await ctx.db.transaction(async (tx) => {
    if (pending) await queueChangeMail(ctx, tx, user, pending, locale);
    else await queueVerification(ctx, tx, user, user.email, "sign_up", locale);
    return pending ?? user.email;
  });
  ctx.outbox.deliverSoon();
  return { sentTo };
}

/**
 * A signed-in person asks to move their account to another address, confirming with their
 * password. Nothing changes until the new address's link is used; an address that has an account
 * gets the same answer, and its owner a notice instead of a link.
 */
export async function requestEmailChange(
  ctx: IdentityContext,
  actor: Actor | null,
  input: EmailChangeInput,
): Promise<{ pendingEmail: string }> {
  const person = requireActor(actor);
  const data = parseInput(emailChangeInput, input);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, person.userId));
  if (!user) throw fieldError("currentPassword", "identity.field.currentPasswordWrong");
  if (user.email.toLowerCase() === data.email) throw fieldError("email", "identity.field.emailUnchanged");
  await confirmCurrentPassword(ctx, user.email, data.currentPassword, `email-change:${person.userId}`);
  // Counted outside the transaction: a refusal must not roll its own count back.
  if (!(await mayMail(ctx, ctx.db, `verify:${person.userId}`))) throw rateLimited(rateWindow(ctx.now().getTime()).minutesLeft);
  await ctx.db.transaction(async (tx) => {
    // Only the newest address asked for can be proven.
    await tx
      .delete(emailVerifications)
      .where(and(eq(emailVerifications.userId, user.id), eq(emailVerifications.purpose, "change"), isNull(emailVerifications.usedAt)));
    await queueChangeMail(ctx, tx, user, data.email, data.locale);
  });
  ctx.outbox.deliverSoon();
  return { pendingEmail: data.email };
}
