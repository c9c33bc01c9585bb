import { centreTeam, definePermissions } from "../shared/access.ts";

/**
 * Who may do what with an organisation's certifications. Learners act on their own progress and
 * evidence only (checked by ownership in the use cases); reading an active certification is public.
 */
export const { can, requireAccess } = definePermissions({
  /** Define certifications of the organisation, issue in bulk, revoke, suspend and reinstate awards. */
  "certification.manage": { roles: [...centreTeam, "institution_admin"] },
  /** Decide on learners' evidence against the rubric (which may award the certification). */
  "certification.assess": { roles: [...centreTeam, "reviewer", "institution_admin"] },
});
