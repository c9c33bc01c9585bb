import { and, eq, inArray, isNotNull, max, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { enrolments, lessonProgress, quizAttempts } from "./schema.ts";

/**
 * The learning module's read API for other modules (docs/decisions/0015-module-shape.md): small
 * functions over an executor (the database or the caller's transaction), answering DTOs.
 */

/**
 * How far each of these people got in each of these courses they are enrolled in (withdrawn
 * enrolments too: what was done stays done): lessons done, and whether the course is completed.
 * One query for any number of people; pairs without an enrolment are left out.
 */
export async function progressOf(
  db: Executor,
  userIds: readonly string[],
  courseIds: readonly string[],
): Promise<{ userId: string; courseId: string; lessonsDone: number; completed: boolean }[]> {
  if (!userIds.length || !courseIds.length) return [];
  const rows = await db
    .select({
      userId: enrolments.userId,
      courseId: enrolments.courseId,
      completed: sql<boolean>`(${enrolments.status} = 'completed' or ${enrolments.completedAt} is not null)`,
      lessonsDone: sql<number>`count(${lessonProgress.lessonId})`.mapWith(Number),
    })
    .from(enrolments)
    .leftJoin(lessonProgress, eq(lessonProgress.enrolmentId, enrolments.id))
    .where(and(inArray(enrolments.userId, [...new Set(userIds)]), inArray(enrolments.courseId, [...new Set(courseIds)])))
    .groupBy(enrolments.id);
  return rows.map((r) => ({ ...r, completed: !!r.completed }));
}

/** Completed courses of these people among these courses, with the version each was completed at (certification rules). */
export async function completions(
  db: Executor,
  userIds: readonly string[],
  courseIds: readonly string[],
): Promise<{ userId: string; courseId: string; version: number | null; completedAt: Date }[]> {
  if (!userIds.length || !courseIds.length) return [];
  const rows = await db
    .select({
      userId: enrolments.userId,
      courseId: enrolments.courseId,
      version: enrolments.completedVersion,
      completedAt: enrolments.completedAt,
    })
    .from(enrolments)
    .where(
      and(
        inArray(enrolments.userId, [...new Set(userIds)]),
        inArray(enrolments.courseId, [...new Set(courseIds)]),
        isNotNull(enrolments.completedAt),
      ),
    );
  return rows.flatMap((r) => (r.completedAt ? [{ ...r, completedAt: r.completedAt }] : []));
}

/** Everyone who completed one of these courses: the people a certification's rules may now be met for. */
export async function completersOf(db: Executor, courseIds: readonly string[]): Promise<string[]> {
  if (!courseIds.length) return [];
  const rows = await db
    .selectDistinct({ userId: enrolments.userId })
    .from(enrolments)
    .where(and(inArray(enrolments.courseId, [...new Set(courseIds)]), isNotNull(enrolments.completedAt)));
  return rows.map((r) => r.userId);
}

/** One person's best score (percent) at each of these quiz lessons they attempted. */
export async function bestQuizPercents(db: Executor, userId: string, lessonIds: readonly string[]): Promise<Map<string, number>> {
  if (!lessonIds.length) return new Map();
  const rows = await db
    .select({ lessonId: quizAttempts.lessonId, best: max(quizAttempts.percent) })
    .from(quizAttempts)
    .innerJoin(enrolments, eq(enrolments.id, quizAttempts.enrolmentId))
    .where(and(eq(enrolments.userId, userId), inArray(quizAttempts.lessonId, [...new Set(lessonIds)])))
    .groupBy(quizAttempts.lessonId);
  return new Map(rows.map((r) => [r.lessonId, Number(r.best ?? 0)]));
}

/**
 * Completed enrolments in the order they were completed, after a (completedAt, enrolment id)
 * cursor: for modules that act on completions (credentials) without learning knowing them.
 */
export async function completionsAfter(
  db: Executor,
  after: { completedAt: Date; enrolmentId: string } | null,
  limit: number,
): Promise<{ enrolmentId: string; userId: string; courseId: string; completedAt: Date }[]> {
  const rows = await db
    .select({ enrolmentId: enrolments.id, userId: enrolments.userId, courseId: enrolments.courseId, completedAt: enrolments.completedAt })
    .from(enrolments)
    .where(
      and(
        sql`${enrolments.completedAt} is not null`,
        after
          ? sql`(${enrolments.completedAt}, ${enrolments.id}) > (${after.completedAt.toISOString()}::timestamptz, ${after.enrolmentId}::uuid)`
          : undefined,
      ),
    )
    .orderBy(enrolments.completedAt, enrolments.id)
    .limit(limit);
  return rows.map((r) => ({ ...r, completedAt: r.completedAt ?? new Date(0) }));
}

/** When this person completed this course, or null. */
export async function completedAt(db: Executor, userId: string, courseId: string): Promise<Date | null> {
  const [row] = await db
    .select({ completedAt: enrolments.completedAt })
    .from(enrolments)
    .where(and(eq(enrolments.userId, userId), eq(enrolments.courseId, courseId)));
  return row?.completedAt ?? null;
}
