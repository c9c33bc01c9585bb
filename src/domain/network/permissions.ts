import { centreTeam, definePermissions } from "../shared/access.ts";

/**
 * Who may change the network registry. Reading it is public. Without roles, a permission is the
 * secretariat's and the platform admins' alone.
 */
export const { can, requireAccess } = definePermissions({
  /** The registry itself: creating and removing centres and organisations, and a centre's slug, kind, ordinal and status. */
  "network.register": { roles: [] },
  /** A centre's own description (name, host, languages, focus areas...). */
  "centre.edit": { roles: ["centre_admin"] },
  /** A centre's network of member institutions and its facilities. */
  "centre.network": { roles: centreTeam },
  /** Adding a university to the registry, for a centre's team about to welcome it as a member. */
  "university.add": { roles: centreTeam },
  /** An institution's own description. */
  "organisation.edit": { roles: ["institution_admin"] },
  /** Governance is the secretariat's record of the network. */
  "governance.manage": { roles: [] },
  /** The site's privacy, terms, accessibility and contact pages. */
  "site.pages": { roles: [] },
});
