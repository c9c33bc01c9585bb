import { eq } from "drizzle-orm";
import { type Actor, requireActor } from "../shared/actor.ts";
import { parseInput } from "../shared/validation.ts";
import type { IdentityContext } from "./context.ts";
import type { ProfileDto } from "./dto.ts";
import { pendingEmailOf } from "./email-verification.ts";
import { loadUser } from "./rows.ts";
import { users } from "./schema.ts";
import { type ProfileInput, profileInput } from "./validation.ts";

export async function me(ctx: IdentityContext, actor: Actor | null): Promise<ProfileDto> {
  const { userId } = requireActor(actor);
  const [profile, pendingEmail] = await Promise.all([loadUser(ctx.db, userId), pendingEmailOf(ctx.db, userId, ctx.now())]);
  return { ...profile, pendingEmail };
}

export async function updateProfile(ctx: IdentityContext, actor: Actor | null, input: ProfileInput): Promise<ProfileDto> {
  const { userId } = requireActor(actor);
  const data = parseInput(profileInput, input);
  await ctx.db
    .update(users)
    .set({ ...data, updatedAt: ctx.now() })
    .where(eq(users.id, userId));
  return me(ctx, actor);
}
