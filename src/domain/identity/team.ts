import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { type Actor, requireActor } from "../shared/actor.ts";
import { parseInput } from "../shared/validation.ts";
import type { IdentityContext } from "./context.ts";
import type { UserDto } from "./dto.ts";
import { toProfile } from "./mapping.ts";
import { requireAccess } from "./permissions.ts";
import { rolesOf } from "./rows.ts";
import { roleAssignments, users } from "./schema.ts";
import { teamScopeInput } from "./validation.ts";

/**
 * The people holding roles in one scope: an organisation's team, or the network-wide staff
 * (learner, which everyone holds, is left out). For those who may grant roles there.
 */
export async function teamOf(ctx: IdentityContext, actor: Actor | null, organisationId: string | null): Promise<UserDto[]> {
  requireActor(actor);
  const scope = parseInput(teamScopeInput, organisationId);
  requireAccess(actor, "team.manage", scope);
  const rows = await ctx.db
    .selectDistinct({ user: users })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(
      scope === null
        ? and(isNull(roleAssignments.organisationId), ne(roleAssignments.role, "learner"))
        : eq(roleAssignments.organisationId, scope),
    )
    .orderBy(asc(users.name), asc(users.id));
  const held = await rolesOf(
    ctx.db,
    rows.map((row) => row.user.id),
  );
  return rows.map(({ user }) => toProfile(user, held.get(user.id) ?? []));
}
