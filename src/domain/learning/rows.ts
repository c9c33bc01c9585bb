import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { courseForLearner, type LearnerCourse, lessonOfCourse, syllabusLessons } from "../catalogue/queries.ts";
import type { Actor } from "../shared/actor.ts";
import { DomainError, notFound } from "../shared/errors.ts";
import type { LearningContext } from "./context.ts";
import type { EnrolmentDto } from "./dto.ts";
import { countedLessons, toEnrolmentDto } from "./mapping.ts";
import { enrolments, lessonProgress } from "./schema.ts";

export type EnrolmentRow = typeof enrolments.$inferSelect;

export const notEnrolled = () => new DomainError("not_enrolled", 403);

/** A course named by id or slug; 404 when there is none. */
export async function findCourse(ctx: LearningContext, ref: string): Promise<LearnerCourse> {
  const course = await courseForLearner(ctx.db, ref);
  if (!course) throw notFound("course");
  return course;
}

/** A lesson of the course named by id or slug, with the course; 404 when either is not there. */
export async function findCourseLesson(ctx: LearningContext, ref: string, lessonId: string) {
  const found = await lessonOfCourse(ctx.db, ref, lessonId);
  if (!found) throw notFound("lesson");
  return found;
}

export async function enrolmentRow(tx: Executor, userId: string, courseId: string): Promise<EnrolmentRow | undefined> {
  const [row] = await tx
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.userId, userId), eq(enrolments.courseId, courseId)));
  return row;
}

/** Someone's enrolment in a course with the lessons they have done, in one statement. */
export async function enrolmentWithProgress(
  tx: Executor,
  userId: string,
  courseId: string,
): Promise<{ row: EnrolmentRow; done: Set<string> } | undefined> {
  const [found] = await tx
    .select({
      row: enrolments,
      done: sql<
        string[]
      >`(select coalesce(json_agg(p.lesson_id), '[]'::json) from ${lessonProgress} p where p.enrolment_id = ${enrolments.id})`,
    })
    .from(enrolments)
    .where(and(eq(enrolments.userId, userId), eq(enrolments.courseId, courseId)));
  return found && { row: found.row, done: new Set(found.done) };
}

/** The actor's enrolment, which must not be withdrawn: learning needs one, 403 otherwise. */
export async function requireEnrolment(tx: Executor, actor: Actor, courseId: string): Promise<EnrolmentRow> {
  const row = await enrolmentRow(tx, actor.userId, courseId);
  if (!row || row.status === "withdrawn") throw notEnrolled();
  return row;
}

/** The lessons done in each of these enrolments. */
export async function doneLessons(tx: Executor, enrolmentIds: string[]): Promise<Map<string, Set<string>>> {
  const byEnrolment = new Map<string, Set<string>>(enrolmentIds.map((id) => [id, new Set()]));
  if (!enrolmentIds.length) return byEnrolment;
  const rows = await tx.select().from(lessonProgress).where(inArray(lessonProgress.enrolmentId, enrolmentIds));
  for (const row of rows) byEnrolment.get(row.enrolmentId)?.add(row.lessonId);
  return byEnrolment;
}

export async function enrolmentDto(tx: Executor, row: EnrolmentRow, course: LearnerCourse): Promise<EnrolmentDto> {
  const [list, done] = await Promise.all([syllabusLessons(tx, [course.id]), doneLessons(tx, [row.id])]);
  return toEnrolmentDto(row, course, list, done.get(row.id)!);
}

/**
 * Records a lesson as done and completes the enrolment once every counted lesson is: in the
 * caller's transaction, so progress and completion never disagree.
 */
export async function recordDone(ctx: LearningContext, tx: Executor, enrolment: EnrolmentRow, course: LearnerCourse, lessonId: string) {
  await tx.insert(lessonProgress).values({ enrolmentId: enrolment.id, lessonId, completedAt: ctx.now() }).onConflictDoNothing();
  if (enrolment.status === "completed") return;
  const [list, done] = await Promise.all([syllabusLessons(tx, [course.id]), doneLessons(tx, [enrolment.id])]);
  const finished = done.get(enrolment.id)!;
  if (countedLessons(list).every((l) => finished.has(l.id))) {
    await tx
      .update(enrolments)
      .set({ status: "completed", completedAt: ctx.now(), completedVersion: course.version })
      .where(eq(enrolments.id, enrolment.id));
  }
}
