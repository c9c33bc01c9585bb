import { centreTeam, definePermissions } from "../shared/access.ts";
import type { Actor, Role } from "../shared/actor.ts";

/** Who writes a centre's courses. */
const authors = [...centreTeam, "author"] as const satisfies readonly Role[];

/**
 * Who may do what to a course: roles held at the course's owner (a centre or the institute) or
 * globally; the secretariat and platform admins may do everything.
 */
export const { can, requireAccess, rules } = definePermissions({
  /** Write a course's content and settings, send it to review, archive it, start its next version, adapt a course into it. */
  "course.author": { roles: authors },
  /** Write a course's texts in languages other than its default one. */
  "course.translate": { roles: [...authors, "translator"] },
  /** Approve (publish) or return a course in review. */
  "course.review": { roles: ["reviewer"] },
  /** Read a course (and its files) before it is published: whoever works on it. */
  "course.readDrafts": { roles: [...authors, "translator", "reviewer"] },
  /** Read a course's reviews and their scores. */
  "course.readReviews": { roles: [...authors, "reviewer"] },
  /** Write the quality rubric: the secretariat and platform admins only. */
  "rubric.manage": { roles: [] },
});

type CataloguePermission = keyof typeof rules;

/**
 * Whether the actor holds a permission anywhere: globally, or at some organisation. Queues that
 * span centres (review, translation, authoring) open to whoever works for at least one.
 */
export function canAnywhere(actor: Actor | null, permission: CataloguePermission): boolean {
  return can(actor, permission) || !!actor?.roles.some((grant) => can(actor, permission, grant.organisationId));
}

/** The organisations where a role (not held globally) grants the actor a permission. */
export function organisationsWhere(actor: Actor, permission: CataloguePermission): string[] {
  const roles: readonly Role[] = rules[permission].roles;
  return actor.roles.flatMap((grant) => (grant.organisationId && roles.includes(grant.role) ? [grant.organisationId] : []));
}
