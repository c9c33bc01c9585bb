import type { Executor } from "../../../db/client.ts";
import { type Actor, requireActor } from "../../shared/actor.ts";
import { notFound } from "../../shared/errors.ts";
import { recordAuthor } from "../authors.ts";
import type { CatalogueContext } from "../context.ts";
import { requireAccess } from "../permissions.ts";
import { type CourseRow, findCourseLesson, requireEditable } from "../rows.ts";

/** A quiz lesson of a course the actor may write (authors) or translate, or 401, 404 or 403. */
export async function quizOf(
  db: Executor,
  actor: Actor | null,
  ref: string,
  lessonId: string,
  permission: "course.author" | "course.translate",
): Promise<CourseRow> {
  requireActor(actor);
  const { course, lesson } = await findCourseLesson(db, ref, lessonId);
  requireAccess(actor, permission, course.ownerOrganisationId);
  if (lesson.kind !== "quiz") throw notFound("quiz");
  return course;
}

/** Quizzes change with the rest of a draft's content; a published course changes through a revision. */
export async function editableQuizOf(
  ctx: Pick<CatalogueContext, "db" | "now">,
  actor: Actor | null,
  ref: string,
  lessonId: string,
): Promise<CourseRow> {
  const course = await quizOf(ctx.db, actor, ref, lessonId, "course.author");
  requireEditable(course);
  await recordAuthor(ctx.db, course.id, requireActor(actor), ctx.now());
  return course;
}
