import type { Actor, Role } from "../../domain/shared/actor.ts";

/** Roles that get the staff pages in the menu; the pages themselves check access again. */
export const staffRoles: ReadonlySet<Role> = new Set([
  "platform_admin",
  "secretariat",
  "centre_admin",
  "centre_staff",
  "author",
  "reviewer",
  "translator",
  "institution_admin",
]);

export function hasStaffRole(user: { roles: Actor["roles"] } | null | undefined): boolean {
  return Boolean(user?.roles.some((grant) => staffRoles.has(grant.role)));
}
