import type { Executor } from "../../db/client.ts";
import { institutionKinds, type OrganisationKind } from "../network/dto.ts";
import { organisationKindsOf } from "../network/queries.ts";
import type { Actor, Role, RoleGrant } from "../shared/actor.ts";
import { invalidField } from "./errors.ts";
import { can } from "./permissions.ts";

/**
 * The rules of granting roles: which roles are held where, and who may hand out which. Checked
 * by granting, revoking and the team page's offer.
 */

/** Roles that act on the whole network (or nowhere in particular) are held without an organisation. */
export const unscopedRoles: ReadonlySet<Role> = new Set(["platform_admin", "secretariat", "learner"]);
/** Course reviewers and translators may serve one organisation or the whole network. */
export const eitherScopeRoles: ReadonlySet<Role> = new Set(["reviewer", "translator"]);
/** What a scoped administrator may hand out within their own organisation. */
const grantableWithin: Partial<Record<Role, readonly Role[]>> = {
  centre_admin: ["centre_admin", "centre_staff", "author", "reviewer", "translator"],
  institution_admin: ["institution_admin"],
};

/**
 * Where a scoped role makes sense: course and event work happens at centres and the institute
 * (they own courses, programmes and events); nominating staff happens at the institutions whose
 * staff take part.
 */
const contentOwnerKinds: readonly OrganisationKind[] = ["institute", "national_centre", "training_centre"];
export const scopeKinds: Partial<Record<Role, readonly OrganisationKind[]>> = {
  centre_admin: contentOwnerKinds,
  centre_staff: contentOwnerKinds,
  author: contentOwnerKinds,
  reviewer: contentOwnerKinds,
  translator: contentOwnerKinds,
  institution_admin: institutionKinds,
};

/** Whether the actor may grant roles somewhere: global staff, or an administrator of an organisation. */
export function grantsSomewhere(actor: Actor): boolean {
  return actor.roles.some((held) => can(actor, "team.manage", held.organisationId));
}

/** Platform admins grant anything; the secretariat anything but platform admin; scoped admins what `grantableWithin` lists, at home. */
export function mayGrant(actor: Actor, grant: RoleGrant): boolean {
  return actor.roles.some((held) => {
    if (held.organisationId === null) {
      if (held.role === "platform_admin") return true;
      if (held.role === "secretariat") return grant.role !== "platform_admin";
      return false;
    }
    return held.organisationId === grant.organisationId && (grantableWithin[held.role]?.includes(grant.role) ?? false);
  });
}

/**
 * Separation of duties: nobody widens their own powers. A role for oneself comes from someone
 * above (a centre admin's reviewer role from the secretariat); only a platform admin, whom nobody
 * is above, grants to themselves.
 */
export function maySelfGrant(actor: Actor): boolean {
  return actor.roles.some((held) => held.organisationId === null && held.role === "platform_admin");
}

/** Centre and institution roles mean nothing without the organisation they are held in. */
export function checkGrantScope(grant: RoleGrant, path: string) {
  const unscoped = unscopedRoles.has(grant.role);
  if (eitherScopeRoles.has(grant.role) || unscoped === (grant.organisationId === null)) return;
  throw invalidField(path, unscoped ? "identity.field.organisationNotAllowed" : "identity.field.organisationRequired");
}

/** A centre role at a university, or an institution role at a centre, is refused by name. */
export async function checkScopeKind(tx: Executor, grant: RoleGrant) {
  const allowed = scopeKinds[grant.role];
  if (!allowed || !grant.organisationId) return;
  const kind = (await organisationKindsOf(tx, [grant.organisationId])).get(grant.organisationId);
  if (kind && !allowed.includes(kind)) throw invalidField("organisationId", "identity.field.roleNotForKind");
}
