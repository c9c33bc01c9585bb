import { and, count, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { shownText } from "../shared/reader-language.ts";
import { courseModules, courses, courseTranslations, lessons } from "./schema.ts";

/**
 * The catalogue module's read API for other modules (docs/decisions/0015-module-shape.md): small
 * functions over an executor (the database or the caller's transaction), answering DTOs.
 */

/** Which of these courses exist and are published (a programme enrols its learners in them). */
export async function publishedCourseIds(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Set();
  const rows = await db
    .select({ id: courses.id })
    .from(courses)
    .where(and(inArray(courses.id, wanted), eq(courses.status, "published")));
  return new Set(rows.map((r) => r.id));
}

/** Courses by id with their title in the reader's language when ready, else the course's own (`shownLocale` says which). */
export async function courseTitles(
  db: Executor,
  ids: readonly string[],
  reader: Locale,
): Promise<Map<string, { slug: string; title: string; shownLocale: string }>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const [rows, texts] = await Promise.all([
    db
      .select({ id: courses.id, slug: courses.slug, defaultLocale: courses.defaultLocale })
      .from(courses)
      .where(inArray(courses.id, wanted)),
    db.select().from(courseTranslations).where(inArray(courseTranslations.courseId, wanted)),
  ]);
  const textsOf = Map.groupBy(texts, (t) => t.courseId);
  return new Map(
    rows.map((course) => {
      const shown = shownText(textsOf.get(course.id) ?? [], reader, course.defaultLocale);
      return [course.id, { slug: course.slug, title: shown?.title ?? course.slug, shownLocale: shown?.locale ?? course.defaultLocale }];
    }),
  );
}

/** The number of lessons in each course (every lesson, required or not); courses without lessons are left out. */
export async function lessonCounts(db: Executor, courseIds: readonly string[]): Promise<Map<string, number>> {
  const wanted = [...new Set(courseIds)];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ courseId: courseModules.courseId, n: count() })
    .from(lessons)
    .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
    .where(inArray(courseModules.courseId, wanted))
    .groupBy(courseModules.courseId);
  return new Map(rows.map((r) => [r.courseId, r.n]));
}
