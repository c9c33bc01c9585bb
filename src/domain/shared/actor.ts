import type { Locale } from "../../i18n/locales.ts";
import { forbidden, unauthenticated } from "./errors.ts";

export const roles = [
  "platform_admin",
  "secretariat",
  "centre_admin",
  "centre_staff",
  "author",
  "reviewer",
  "translator",
  "institution_admin",
  "learner",
] as const;
export type Role = (typeof roles)[number];

/**
 * What a personal API token may do: `read` only reads (GET); `write` also changes what its owner
 * may change, except who holds which role; `admin` also grants roles and manages accounts. No
 * token makes tokens (docs/security.md).
 */
export const tokenScopes = ["read", "write", "admin"] as const;
export type TokenScope = (typeof tokenScopes)[number];

/** A role held globally (organisationId null) or within one organisation (a centre, an institution). */
export type RoleGrant = { role: Role; organisationId: string | null };

/** Who is acting: resolved from the session cookie or a Bearer token, passed to every service call. */
export type Actor = {
  userId: string;
  email: string;
  name: string;
  locale: Locale;
  /** The IANA zone they chose to read times in; null when none, absent on actors made without a session (seed, tests). */
  timeZone?: string | null;
  roles: RoleGrant[];
  /** False while the account's address is unproven (they may learn; pages mark it); absent on actors made without a session. */
  emailVerified?: boolean;
  /** Set when the request came with a personal API token: what that token may do. Absent for sessions. */
  tokenScope?: TokenScope;
};

/** Roles that act on the whole network. */
const globalRoles: ReadonlySet<Role> = new Set(["platform_admin", "secretariat"]);

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

export function isGlobalStaff(actor: Actor | null): boolean {
  return !!actor?.roles.some((g) => globalRoles.has(g.role) && g.organisationId === null);
}

/** True when the actor holds one of the roles globally, or scoped to the given organisation. */
export function hasRole(actor: Actor | null, wanted: readonly Role[], organisationId?: string | null): boolean {
  if (!actor) return false;
  return actor.roles.some(
    (g) => wanted.includes(g.role) && (g.organisationId === null || (organisationId != null && g.organisationId === organisationId)),
  );
}

/** Secretariat and platform admins everywhere; the listed roles within their own organisation. */
export function requireRole(actor: Actor | null, wanted: readonly Role[], organisationId?: string | null): Actor {
  const a = requireActor(actor);
  if (isGlobalStaff(a) || hasRole(a, wanted, organisationId)) return a;
  throw forbidden();
}
