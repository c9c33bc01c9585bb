import { centreTeam, definePermissions } from "../shared/access.ts";

/**
 * Who may do what with events, checked at the event's centre. The secretariat and platform
 * admins hold every permission everywhere. Registering, cancelling one's own place, checking in
 * with the code and one's own calendar need only a signed-in person.
 */
export const { can, requireAccess, rules } = definePermissions({
  /** Create and change a centre's events, see their registrations and reports, check people in. */
  "event.manage": { roles: centreTeam },
  /** Confirm or decline that people registered in an organisation's name belong to it (checked at that organisation). */
  "affiliation.confirm": { roles: ["institution_admin"] },
});
