import type { RoleGrant } from "../shared/actor.ts";
import { parseInput } from "../shared/validation.ts";
import type { IdentityContext } from "./context.ts";
import type { ProfileDto } from "./dto.ts";
import { toProfile } from "./mapping.ts";
import { insertRoles, insertUser } from "./rows.ts";
import { hashPassword } from "./secrets.ts";
import { startSession } from "./sessions.ts";
import { type SignUpInput, signUpInput } from "./validation.ts";

/** Anyone may make an account: a learner, signed in at once. */
export async function signUp(ctx: IdentityContext, input: SignUpInput): Promise<{ user: ProfileDto; sessionToken: string }> {
  const data = parseInput(signUpInput, input);
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
