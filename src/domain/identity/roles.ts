import { and, eq, isNull, sql } from "drizzle-orm";
import { organisationKindsOf } from "../network/queries.ts";
import { type Actor, type Role, requireActor, roles } from "../shared/actor.ts";
import { DomainError, forbidden } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import { countAttempt, rateLimited, rateWindow } from "./attempts.ts";
import type { IdentityContext } from "./context.ts";
import type { UserDto } from "./dto.ts";
import { invalidField, unknownOrganisationError } from "./errors.ts";
import {
  checkGrantScope,
  checkScopeKind,
  eitherScopeRoles,
  grantsSomewhere,
  mayGrant,
  maySelfGrant,
  scopeKinds,
  unscopedRoles,
} from "./grants.ts";
import { loadUser } from "./rows.ts";
import { roleAssignments, users } from "./schema.ts";
import { type RoleGrantByEmailInput, type RoleGrantInput, roleGrantByEmailInput, roleGrantInput } from "./validation.ts";

/** Someone without any granting role hears 403 before anything about their input. */
function requireGranter(actor: Actor | null): Actor {
  const granter = requireActor(actor);
  if (!grantsSomewhere(granter)) throw forbidden();
  return granter;
}

export async function grantRole(ctx: IdentityContext, actor: Actor | null, userId: string, input: RoleGrantInput): Promise<UserDto> {
  const granter = requireGranter(actor);
  const grant = parseInput(roleGrantInput, input);
  checkGrantScope(grant, "organisationId");
  if (!mayGrant(granter, grant)) throw forbidden();
  if (userId === granter.userId && !maySelfGrant(granter)) throw new DomainError("own_work", 403);
  return ctx.db
    .transaction(async (tx) => {
      await loadUser(tx, userId);
      if (grant.organisationId) await checkScopeKind(tx, grant);
      await tx
        .insert(roleAssignments)
        .values({ ...grant, userId, createdAt: ctx.now() })
        .onConflictDoNothing();
      return loadUser(tx, userId);
    })
    .catch((error: unknown) => {
      throw unknownOrganisationError(error, "organisationId");
    });
}

/** Addresses one granter may look up in 15 minutes: a team's worth, not a directory's. */
const MAX_LOOKUPS_PER_GRANTER = 60;

/**
 * Grants a role to the account with this address; someone without one must sign up first. Only
 * someone who may grant this very role hears whether the address has an account (a learner, or a
 * centre admin asking about another centre, gets 403 first), and only 60 times in 15 minutes.
 */
export async function grantRoleByEmail(ctx: IdentityContext, actor: Actor | null, input: RoleGrantByEmailInput): Promise<UserDto> {
  const granter = requireGranter(actor);
  const { email, ...grant } = parseInput(roleGrantByEmailInput, input);
  if (!mayGrant(granter, { role: grant.role, organisationId: grant.organisationId ?? null })) throw forbidden();
  const key = `lookup:${granter.userId}`;
  const window = rateWindow(ctx.now().getTime());
  if (((await countAttempt(ctx.db, [key], window.start)).get(key) ?? 0) > MAX_LOOKUPS_PER_GRANTER) throw rateLimited(window.minutesLeft);
  const [user] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  if (!user) throw invalidField("email", "identity.field.noAccount");
  return grantRole(ctx, actor, user.id, grant);
}

export async function revokeRole(ctx: IdentityContext, actor: Actor | null, userId: string, input: RoleGrantInput): Promise<UserDto> {
  const granter = requireGranter(actor);
  const grant = parseInput(roleGrantInput, input);
  if (!mayGrant(granter, grant)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    await loadUser(tx, userId);
    const scope =
      grant.organisationId === null ? isNull(roleAssignments.organisationId) : eq(roleAssignments.organisationId, grant.organisationId);
    await tx.delete(roleAssignments).where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.role, grant.role), scope));
    return loadUser(tx, userId);
  });
}

/** Roles the actor may hand out in a scope (an organisation, or null for network-wide roles). */
export async function grantableRoles(ctx: IdentityContext, actor: Actor | null, organisationId: string | null): Promise<Role[]> {
  if (!actor) return [];
  const kind = organisationId ? (await organisationKindsOf(ctx.db, [organisationId])).get(organisationId) : undefined;
  return roles.filter((role) => {
    const scoped = unscopedRoles.has(role) ? organisationId === null : eitherScopeRoles.has(role) || organisationId !== null;
    const kindFits = !kind || (scopeKinds[role]?.includes(kind) ?? true);
    return scoped && kindFits && role !== "learner" && mayGrant(actor, { role, organisationId });
  });
}
