import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { type Actor, hasRole, isGlobalStaff, type Role } from "../shared/actor.ts";
import { DomainError, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import { courses } from "./schema.ts";
import { courseRefSchema } from "./validation.ts";

/**
 * Who may do what to a course, shared by the catalogue, the review workflow and the translation
 * queue. Roles scoped to the owner count; the secretariat and platform admins may do everything.
 */
export type CourseRow = typeof courses.$inferSelect;

/** Who writes a centre's courses. */
export const authorRoles: readonly Role[] = ["centre_admin", "centre_staff", "author"];

export function canAuthor(actor: Actor | null, ownerId: string): boolean {
  return isGlobalStaff(actor) || hasRole(actor, authorRoles, ownerId);
}

/** Translators work on any language but the default one; the owner's authors may too. */
export function canTranslate(actor: Actor | null, ownerId: string): boolean {
  return canAuthor(actor, ownerId) || hasRole(actor, ["translator"], ownerId);
}

export function canReview(actor: Actor | null, ownerId: string): boolean {
  return isGlobalStaff(actor) || hasRole(actor, ["reviewer"], ownerId);
}

export const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** A course named by its id or its slug. */
export async function findCourseRow(db: Database, ref: string): Promise<CourseRow> {
  parseInput(courseRefSchema, ref);
  const [row] = await db
    .select()
    .from(courses)
    .where(isUuid(ref) ? eq(courses.id, ref) : eq(courses.slug, ref));
  if (!row) throw notFound("course");
  return row;
}

/**
 * Content (structure, default-language texts, quizzes, media) changes only in a draft: a course in
 * review is what its reviewer is reading, and a published version is what learners were taught,
 * so it changes through a new version (docs/decisions/0010-course-versions.md).
 */
export function requireEditable(course: Pick<CourseRow, "status">): void {
  if (course.status === "published") throw new DomainError("course_published", 409);
  if (course.status !== "draft") throw new DomainError("wrong_status", 409, { status: course.status });
}
