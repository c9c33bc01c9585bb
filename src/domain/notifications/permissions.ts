import { definePermissions } from "../shared/access.ts";

/**
 * Who may see the mail the outbox gave up on: the secretariat and platform admins all of it,
 * a centre's administrators what was about their centre (addresses of its participants).
 */
export const { can, requireAccess, rules } = definePermissions({
  "mail.failed": { roles: ["centre_admin"] },
});
