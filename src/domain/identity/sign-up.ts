import type { RoleGrant } from "../shared/actor.ts";
import { parseInput } from "../shared/validation.ts";
import { countAttempt, rateLimited, rateWindow } from "./attempts.ts";
import type { IdentityContext } from "./context.ts";
import { queueAddressInUseNotice, queueVerification } from "./email-verification.ts";
import { insertRoles } from "./rows.ts";
import { users } from "./schema.ts";
import { hashPassword } from "./secrets.ts";
import { type SignUpInput, signUpInput } from "./validation.ts";

/** Sign-ups per client address in a 15-minute window: a workshop room behind one address fits, a script making accounts does not. */
const MAX_SIGN_UPS_PER_CLIENT = 60;

/**
 * Anyone may make an account: a learner whose address is proven by the link mailed to it (the
 * link signs them in; until then they may sign in with their password, marked unproven).
 * The answer is the same whether or not the address already has an account, so sign-up cannot
 * be used to learn who has one: an address in use gets a mail to its owner instead (sign in, or
 * reset the password), and the password is hashed either way so the time taken tells nothing.
 * `clientKey` is the client's address (empty for the command line and tests: no limit).
 */
export async function signUp(ctx: IdentityContext, input: SignUpInput, clientKey = ""): Promise<void> {
  const data = parseInput(signUpInput, input);
  if (clientKey) {
    const key = `signup:${clientKey}`;
    const window = rateWindow(ctx.now().getTime());
    const counted = await countAttempt(ctx.db, [key], window.start);
    if ((counted.get(key) ?? 0) > MAX_SIGN_UPS_PER_CLIENT) throw rateLimited(window.minutesLeft);
  }
  const passwordHash = await hashPassword(data.password);
  await ctx.db.transaction(async (tx) => {
    const at = ctx.now();
    const [user] = await tx
      .insert(users)
      .values({
        email: data.email,
        name: data.name,
        passwordHash,
        locale: data.locale,
        timeZone: data.timeZone ?? null,
        createdAt: at,
        updatedAt: at,
      })
      .onConflictDoNothing()
      .returning();
    if (!user) return queueAddressInUseNotice(ctx, tx, data.email);
    const roles: RoleGrant[] = [{ role: "learner", organisationId: null }];
    await insertRoles(tx, user.id, roles, at);
    await queueVerification(ctx, tx, user, user.email, "sign_up", data.locale);
  });
  ctx.outbox.deliverSoon();
}
