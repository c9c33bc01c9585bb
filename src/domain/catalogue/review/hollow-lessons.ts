import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { fieldError } from "../../shared/errors.ts";
import { hasWords } from "../rich-text.ts";
import type { CourseRow } from "../rows.ts";
import { courseModules, lessonFiles, lessons, lessonTranslations } from "../schema.ts";

/**
 * The titles (in the course's own language) of lessons a learner would find empty: a reading
 * without text, a video lesson with neither a video nor a link, a download lesson without a
 * file. Quizzes are checked on their own (a quiz needs an answerable question).
 */
export async function hollowLessons(db: Executor, course: CourseRow): Promise<string[]> {
  const rows = await db
    .select({
      id: lessons.id,
      kind: lessons.kind,
      externalUrl: lessons.externalUrl,
      title: lessonTranslations.title,
      body: lessonTranslations.body,
    })
    .from(lessons)
    .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
    .leftJoin(lessonTranslations, and(eq(lessonTranslations.lessonId, lessons.id), eq(lessonTranslations.locale, course.defaultLocale)))
    .where(eq(courseModules.courseId, course.id))
    .orderBy(asc(courseModules.position), asc(lessons.position));
  const ids = rows.filter((r) => r.kind === "video" || r.kind === "file").map((r) => r.id);
  const files = ids.length
    ? await db
        .select({ lessonId: lessonFiles.lessonId, role: lessonFiles.role })
        .from(lessonFiles)
        .where(inArray(lessonFiles.lessonId, ids))
    : [];
  const hasFile = (lessonId: string, role: "video" | "download") => files.some((f) => f.lessonId === lessonId && f.role === role);
  return rows
    .filter((r) => {
      if (r.kind === "text") return !hasWords(r.body);
      if (r.kind === "video") return !r.externalUrl && !hasFile(r.id, "video");
      if (r.kind === "file") return !hasFile(r.id, "download");
      return false;
    })
    .map((r) => r.title ?? r.id);
}

/** Refuses to send on (to review, or to learners) a course with lessons a learner would find empty, naming them. */
export async function refuseHollowLessons(db: Executor, course: CourseRow): Promise<void> {
  const hollow = await hollowLessons(db, course);
  if (hollow.length) {
    throw fieldError("syllabus", "catalogue.field.hollowLessons", {
      count: hollow.length,
      lessons: hollow.map((t) => `“${t}”`).join(", "),
    });
  }
}
