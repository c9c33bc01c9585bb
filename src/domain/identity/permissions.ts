import { definePermissions } from "../shared/access.ts";

/**
 * Who may do what with accounts and roles. Which roles a granter may hand out, and where, is the
 * finer table in grants.ts.
 */
export const { can, requireAccess } = definePermissions({
  /** Finding any account by name or email: the secretariat and platform admins. */
  "user.list": { roles: [], adminArea: true },
  /** Seeing who holds roles at an organisation and granting roles there (global staff: anywhere, and network-wide roles). */
  "team.manage": { roles: ["centre_admin", "institution_admin"], adminArea: true },
});
