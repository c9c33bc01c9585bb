import { centreTeam, definePermissions } from "../shared/access.ts";

/**
 * Who may act on other people's learning. A person's own enrolment, progress and attempts need
 * only that they are signed in and enrolled.
 */
export const { can, requireAccess } = definePermissions({
  /** Enrolling someone else in a course of the organisation that owns it. */
  "enrolment.manage": { roles: centreTeam },
});
