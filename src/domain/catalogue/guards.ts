import type { Executor } from "../../db/client.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { notFound } from "../shared/errors.ts";
import { recordAuthor } from "./authors.ts";
import type { CatalogueContext } from "./context.ts";
import { can, requireAccess } from "./permissions.ts";
import { type CourseRow, findCourse, requireEditable } from "./rows.ts";

/**
 * The checks most course use cases open with: signed in (401 before anything else), the course
 * found (404), the permission at its owner (403).
 */
export async function courseFor(db: Executor, actor: Actor | null, ref: string, permission: "course.author" | "course.review") {
  requireActor(actor);
  const course = await findCourse(db, ref);
  return { actor: requireAccess(actor, permission, course.ownerOrganisationId), course };
}

/**
 * A course whose content its author may change now: a draft (published courses change through a
 * new version). Whoever changes it is recorded as one of its authors (authors.ts), so they cannot
 * review it.
 */
export async function editableCourse(ctx: Pick<CatalogueContext, "db" | "now">, actor: Actor | null, ref: string): Promise<CourseRow> {
  const { actor: author, course } = await courseFor(ctx.db, actor, ref, "course.author");
  requireEditable(course);
  await recordAuthor(ctx.db, course.id, author, ctx.now());
  return course;
}

/**
 * Published courses are public, and an archived one still reads for whoever has its link (its
 * enrolled learners); drafts exist for those who work on them.
 */
export function readable(actor: Actor | null, course: Pick<CourseRow, "status" | "ownerOrganisationId">): boolean {
  return course.status === "published" || course.status === "archived" || can(actor, "course.readDrafts", course.ownerOrganisationId);
}

/** A course its reader may see, else 404 as if it did not exist. */
export async function readableCourse(db: Executor, actor: Actor | null, ref: string): Promise<CourseRow> {
  const course = await findCourse(db, ref);
  if (!readable(actor, course)) throw notFound("course");
  return course;
}
