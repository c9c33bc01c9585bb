import { asc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { courseHeadings } from "../catalogue/queries.ts";
import { progressOf } from "../learning/queries.ts";
import type { ProgrammeCourseDto } from "./dto.ts";
import { programmeCourses } from "./schema.ts";

/** A programme's courses, and how far its people got in them (read from the catalogue and learning modules). */

/** The programme's courses in order, titled in the reader's language when ready, else the course's own. */
export async function programmeCourseList(db: Executor, programmeId: string, reader: Locale): Promise<ProgrammeCourseDto[]> {
  const links = await db
    .select()
    .from(programmeCourses)
    .where(eq(programmeCourses.programmeId, programmeId))
    .orderBy(asc(programmeCourses.position));
  const titles = await courseHeadings(
    db,
    links.map((l) => l.courseId),
    reader,
  );
  return links.flatMap((link) => {
    const course = titles.get(link.courseId);
    if (!course) return [];
    const { slug, title, shownLocale } = course;
    return [{ id: link.courseId, slug, title, shownLocale, position: link.position, required: link.required }];
  });
}

export type CourseProgress = {
  /** Lessons done and completion of one person in one course. */
  of(userId: string, courseId: string): { lessonsDone: number; completed: boolean } | undefined;
  /** Whether the person completed the course. */
  completed(userId: string, courseId: string): boolean;
};

/** How far each of these people got in each of these courses; one query for any number of people. */
export async function courseProgress(db: Executor, userIds: readonly string[], courseIds: readonly string[]): Promise<CourseProgress> {
  const rows = await progressOf(db, userIds, courseIds);
  const byPair = new Map(rows.map((r) => [`${r.userId}/${r.courseId}`, { lessonsDone: r.lessonsDone, completed: r.completed }]));
  return {
    of: (userId, courseId) => byPair.get(`${userId}/${courseId}`),
    completed: (userId, courseId) => byPair.get(`${userId}/${courseId}`)?.completed ?? false,
  };
}
