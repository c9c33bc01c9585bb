import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { enrolments, lessonProgress } from "./schema.ts";

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
