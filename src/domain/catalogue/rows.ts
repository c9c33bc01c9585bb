import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { UniqueRule } from "../shared/db-errors.ts";
import { DomainError, notFound } from "../shared/errors.ts";
import { isUuid } from "../shared/ids.ts";
import { parseInput } from "../shared/validation.ts";
import { courseModules, courses, lessons } from "./schema.ts";
import { courseRefSchema } from "./validation.ts";

/* Finders shared by the catalogue's use cases: a course by id or slug, a lesson of it, its structure. */

export type CourseRow = typeof courses.$inferSelect;
export type LessonRow = typeof lessons.$inferSelect;

/** A course named by its id or its slug, or 404. */
export async function findCourse(db: Executor, ref: string): Promise<CourseRow> {
  parseInput(courseRefSchema, ref);
  const [row] = await db
    .select()
    .from(courses)
    .where(isUuid(ref) ? eq(courses.id, ref) : eq(courses.slug, ref));
  if (!row) throw notFound("course");
  return row;
}

/** A lesson of the course named by id or slug, with its course; 404 when either is not there. */
export async function findCourseLesson(db: Executor, ref: string, lessonId: string): Promise<{ course: CourseRow; lesson: LessonRow }> {
  parseInput(courseRefSchema, ref);
  if (!isUuid(lessonId)) throw notFound("lesson");
  const [row] = await db
    .select({ course: courses, lesson: lessons })
    .from(lessons)
    .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, courseModules.courseId))
    .where(and(eq(lessons.id, lessonId), isUuid(ref) ? eq(courses.id, ref) : eq(courses.slug, ref)));
  if (!row) throw notFound("lesson");
  return row;
}

/** The lesson when it belongs to this course, else 404. */
export async function requireLessonOf(db: Executor, courseId: string, lessonId: string): Promise<LessonRow> {
  if (!isUuid(lessonId)) throw notFound("lesson");
  const [row] = await db
    .select({ lesson: lessons })
    .from(lessons)
    .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
    .where(and(eq(lessons.id, lessonId), eq(courseModules.courseId, courseId)));
  if (!row) throw notFound("lesson");
  return row.lesson;
}

/** The ids of a course's modules and of their lessons. */
export async function structureOf(db: Executor, courseId: string): Promise<{ moduleIds: Set<string>; lessonIds: Set<string> }> {
  const modules = await db.select({ id: courseModules.id }).from(courseModules).where(eq(courseModules.courseId, courseId));
  const moduleIds = new Set(modules.map((m) => m.id));
  const lessonRows = moduleIds.size
    ? await db
        .select({ id: lessons.id })
        .from(lessons)
        .where(inArray(lessons.moduleId, [...moduleIds]))
    : [];
  return { moduleIds, lessonIds: new Set(lessonRows.map((l) => l.id)) };
}

export const wrongStatus = (course: Pick<CourseRow, "status">) => new DomainError("wrong_status", 409, { status: course.status });

/**
 * Content (structure, default-language texts, quizzes, media) changes only in a draft: a course in
 * review is what its reviewer is reading, and a published version is what learners were taught,
 * so it changes through a new version (docs/decisions/0010-course-versions.md).
 */
export function requireEditable(course: Pick<CourseRow, "status">): void {
  if (course.status === "published") throw new DomainError("course_published", 409);
  if (course.status !== "draft") throw wrongStatus(course);
}

/** A taken slug is the database's answer (concurrent writers hear the same 409): the field to change. */
export const courseUniqueRules: Record<string, UniqueRule> = {
  courses_slug_unique: { code: "duplicate_slug", field: "slug", messageId: "error.duplicate_slug" },
};

/** Whether a course has this slug (to pick a free one for a new course; the unique constraint still decides). */
export async function slugTaken(db: Executor, slug: string): Promise<boolean> {
  const [row] = await db.select({ id: courses.id }).from(courses).where(eq(courses.slug, slug));
  return !!row;
}
