import { centreTeam, definePermissions } from "../shared/access.ts";
import type { Actor } from "../shared/actor.ts";

/**
 * Who may do what with programmes. A centre's team runs the programmes it owns and their cohorts;
 * an institution's administrators put its staff forward and read its report; the secretariat and
 * platform administrators hold every permission everywhere.
 */
const permissions = definePermissions({
  /** Write a programme, and see it while it is a draft or archived. */
  "programme.manage": { roles: centreTeam },
  /** Run a cohort: its settings, invitations, participants, live sessions, and its full report and nominations. */
  "cohort.manage": { roles: centreTeam },
  /** Approve or decline nominations for a cohort. */
  "nomination.decide": { roles: centreTeam },
  /** Nominate an institution's staff, and see its own nominations and share of a cohort's report. */
  "nomination.submit": { roles: ["institution_admin"] },
  /** Read the report on an institution's staff across every cohort and event. */
  "institution.report": { roles: ["institution_admin"] },
});

export type ProgrammesPermission = keyof typeof permissions.rules;

export const { can, requireAccess } = permissions;

/**
 * The organisations at which the actor holds a permission through a role held there (not
 * through being global staff, who hold it everywhere): the centres they run, the institutions
 * they nominate for.
 */
export function organisationsWith(actor: Actor | null, permission: ProgrammesPermission): string[] {
  const roles: readonly string[] = permissions.rules[permission].roles;
  return [...new Set((actor?.roles ?? []).flatMap((g) => (roles.includes(g.role) && g.organisationId ? [g.organisationId] : [])))];
}

/** Whether the actor holds a permission anywhere: everywhere as global staff, or at some organisation. */
export function holdsAnywhere(actor: Actor | null, permission: ProgrammesPermission): boolean {
  return can(actor, permission, null) || organisationsWith(actor, permission).length > 0;
}
