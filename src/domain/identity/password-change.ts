import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { type Actor, requireActor } from "../shared/actor.ts";
import { fieldError, isDomainError } from "../shared/errors.ts";
import { multiLine } from "../shared/text.ts";
import { parseInput } from "../shared/validation.ts";
import type { IdentityContext } from "./context.ts";
import { sessions, users } from "./schema.ts";
import { hashPassword, sha256 } from "./secrets.ts";
import { checkCredentials } from "./sign-in.ts";
import { passwordSchema } from "./validation.ts";

export const passwordChangeInput = z
  .object({
    currentPassword: multiLine(z.string().min(1).max(200)),
    newPassword: passwordSchema,
    confirmation: multiLine(z.string().max(200)),
  })
  .strict()
  .refine((d) => d.newPassword === d.confirmation, { path: ["confirmation"], message: "identity.field.confirmationDiffers" });

/**
 * A signed-in person's password, asked again before a change that matters; checked under the
 * sign-in limits (per `clientKey`), so a session left open cannot be used to guess it.
 */
export async function confirmCurrentPassword(ctx: IdentityContext, email: string, password: string, clientKey: string): Promise<void> {
  try {
    await checkCredentials(ctx, { email, password, clientKey });
  } catch (error) {
    if (isDomainError(error) && error.code === "invalid_credentials")
      throw fieldError("currentPassword", "identity.field.currentPasswordWrong");
    throw error;
  }
}

/**
 * A signed-in person changes their password: the current one is checked under the sign-in limits
 * (so a session left open cannot be used to guess it), and every other browser session of the
 * account ends, since one of them may be why the password changes. The session that changed it
 * stays signed in. API tokens are not sessions: they are listed and revoked on their own.
 */
export async function changePassword(
  ctx: IdentityContext,
  actor: Actor | null,
  input: unknown,
  currentSessionToken: string | null | undefined,
): Promise<{ sessionsEnded: number }> {
  const person = requireActor(actor);
  const data = parseInput(passwordChangeInput, input);
  const [user] = await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, person.userId));
  if (!user) throw fieldError("currentPassword", "identity.field.currentPasswordWrong");
  await confirmCurrentPassword(ctx, user.email, data.currentPassword, `password-change:${person.userId}`);
  const passwordHash = await hashPassword(data.newPassword);
  return ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: ctx.now() }).where(eq(users.id, person.userId));
    const kept = currentSessionToken ? ne(sessions.tokenHash, sha256(currentSessionToken)) : undefined;
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, person.userId), kept))
      .returning({ tokenHash: sessions.tokenHash });
    return { sessionsEnded: ended.length };
  });
}
