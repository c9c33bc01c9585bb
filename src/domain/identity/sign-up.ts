import type { RoleGrant } from "../shared/actor.ts";
import { parseInput } from "../shared/validation.ts";
import { countAttempt, rateLimited, rateWindow } from "./attempts.ts";
import type { IdentityContext } from "./context.ts";
import type { ProfileDto } from "./dto.ts";
import { toProfile } from "./mapping.ts";
import { insertRoles, insertUser } from "./rows.ts";
import { hashPassword } from "./secrets.ts";
import { startSession } from "./sessions.ts";
import { type SignUpInput, signUpInput } from "./validation.ts";

/** Sign-ups per client address in a 15-minute window: a workshop room behind one address fits, a script making accounts does not. */
const MAX_SIGN_UPS_PER_CLIENT = 60;

/**
 * Anyone may make an account: a learner, signed in at once. `clientKey` is the client's address
 * (empty for the command line and tests: no limit).
 */
export async function signUp(
  ctx: IdentityContext,
  input: SignUpInput,
  clientKey = "",
): Promise<{ user: ProfileDto; sessionToken: string }> {
  const data = parseInput(signUpInput, input);
  if (clientKey) {
    const key = `signup:${clientKey}`;
    const window = rateWindow(ctx.now().getTime());
    const counted = await countAttempt(ctx.db, [key], window.start);
    if ((counted.get(key) ?? 0) > MAX_SIGN_UPS_PER_CLIENT) throw rateLimited(window.minutesLeft);
  }
  const passwordHash = await hashPassword(data.password);
  return ctx.db.transaction(async (tx) => {
    const at = ctx.now();
    const user = await insertUser(
      tx,
      { email: data.email, name: data.name, passwordHash, locale: data.locale, timeZone: data.timeZone ?? null },
      at,
    );
    const roles: RoleGrant[] = [{ role: "learner", organisationId: null }];
    await insertRoles(tx, user.id, roles, at);
    return { user: toProfile(user, roles), sessionToken: await startSession(ctx, tx, user.id) };
  });
}
