import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { fieldError } from "../shared/errors.ts";
import { hasWords, sanitizeLessonHtml } from "./rich-text.ts";
import type { CourseRow } from "./rows.ts";
import { courseTranslations, lessonTranslations } from "./schema.ts";
import type { TranslationStatus } from "./values.ts";

type Written = {
  summary: string;
  description?: string;
  status: TranslationStatus;
  lessons?: { id: string; title: string; body?: string; status?: TranslationStatus }[];
};

/**
 * A translation marked ready must say everything its source says: a summary, description or
 * lesson body left empty where the course's own language has words would show readers a hollow
 * page (they would get the source's words with a note instead, but "ready" would be a lie).
 * The course's own language is its source, checked when it is submitted instead.
 */
export async function refuseHollowReady(db: Executor, course: CourseRow, target: string, data: Written): Promise<void> {
  if (target === course.defaultLocale) return;
  if (data.status === "ready") {
    const [source] = await db
      .select({ summary: courseTranslations.summary, description: courseTranslations.description })
      .from(courseTranslations)
      .where(and(eq(courseTranslations.courseId, course.id), eq(courseTranslations.locale, course.defaultLocale)));
    if (source?.summary.trim() && !data.summary.trim()) throw fieldError("summary", "catalogue.field.emptyWhenReady");
    if (source?.description.trim() && !data.description?.trim()) throw fieldError("description", "catalogue.field.emptyWhenReady");
  }
  const readyLessons = (data.lessons ?? []).filter((l) => (l.status ?? data.status) === "ready");
  if (!readyLessons.length) return;
  const ids = readyLessons.map((l) => l.id);
  const texts = await db
    .select({ lessonId: lessonTranslations.lessonId, locale: lessonTranslations.locale, body: lessonTranslations.body })
    .from(lessonTranslations)
    .where(and(inArray(lessonTranslations.lessonId, ids), inArray(lessonTranslations.locale, [course.defaultLocale, target])));
  const bodyIn = (lessonId: string, locale: string) => texts.find((t) => t.lessonId === lessonId && t.locale === locale)?.body;
  for (const lesson of readyLessons) {
    if (!hasWords(bodyIn(lesson.id, course.defaultLocale))) continue;
    // A body left out keeps the one stored.
    const body = lesson.body === undefined ? bodyIn(lesson.id, target) : sanitizeLessonHtml(lesson.body);
    if (!hasWords(body)) {
      const index = data.lessons!.indexOf(lesson);
      throw fieldError(`lessons.${index}.body`, "catalogue.field.lessonEmptyWhenReady", { title: lesson.title });
    }
  }
}
