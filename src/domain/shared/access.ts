import { type Actor, hasRole, isGlobalStaff, type Role, requireActor } from "./actor.ts";
import { forbidden } from "./errors.ts";

/** Who runs a centre day to day: its programmes, cohorts, events, network and enrolments. */
export const centreTeam = ["centre_admin", "centre_staff"] as const satisfies readonly Role[];

/** What grants one permission: roles held globally or at the organisation the action concerns. */
export type PermissionRule = {
  roles: readonly Role[];
  /** Whether the secretariat and platform admins hold it everywhere; true unless a rule says otherwise. */
  globalStaff?: boolean;
  /** Who holds which role and the accounts themselves: through an API token only one of scope `admin`. */
  adminArea?: boolean;
};

/**
 * A module's named permissions in one table (its `permissions.ts`), checked the same way by every
 * use case: `requireAccess(actor, "cohort.manage", cohort.centreId)` at the top of the use case,
 * `can(...)` where a page only shows or hides an action.
 */
export function definePermissions<P extends string>(rules: Record<P, PermissionRule>) {
  function can(actor: Actor | null, permission: P, organisationId?: string | null): boolean {
    const rule = rules[permission];
    if (!actor) return false;
    if (rule.adminArea && actor.tokenScope !== undefined && actor.tokenScope !== "admin") return false;
    if (rule.globalStaff !== false && isGlobalStaff(actor)) return true;
    return hasRole(actor, rule.roles, organisationId);
  }
  /** The signed-in actor when they hold the permission at that organisation; 401 or 403 otherwise. */
  function requireAccess(actor: Actor | null, permission: P, organisationId?: string | null): Actor {
    const who = requireActor(actor);
    if (!can(who, permission, organisationId)) throw forbidden();
    return who;
  }
  return { can, requireAccess, rules };
}
