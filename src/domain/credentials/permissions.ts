import { centreTeam, definePermissions } from "../shared/access.ts";

/** Who may act on credentials an organisation issued. A holder's own credentials need no permission. */
export const { can, requireAccess } = definePermissions({
  /** Revoking, suspending and reinstating credentials the organisation issued; seeing them all. */
  "credential.manage": { roles: ["centre_admin"] },
  /** Seeing the credentials the organisation issued. */
  "credential.view": { roles: centreTeam },
});
