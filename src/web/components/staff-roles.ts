import { type Actor, type Role, roles } from "../../domain/shared/actor.ts";

/** Roles that get the staff pages in the menu (every role but learner); the pages themselves check access again. */
const staffRoles: ReadonlySet<Role> = new Set(roles.filter((role) => role !== "learner"));

export function hasStaffRole(user: { roles: Actor["roles"] } | null | undefined): boolean {
  return Boolean(user?.roles.some((grant) => staffRoles.has(grant.role)));
}
