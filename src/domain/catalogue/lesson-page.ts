import { eq } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.ts";
import type { Actor } from "../shared/actor.ts";
import { shownField, shownLanguage, shownText } from "../shared/reader-language.ts";
import type { CatalogueContext } from "./context.ts";
import type { LessonDto } from "./dto.ts";
import { readableCourse } from "./guards.ts";
import { lessonMediaOf } from "./media/files.ts";
import { sanitizeLessonHtml } from "./rich-text.ts";
import { requireLessonOf } from "./rows.ts";
import { courseTranslations, lessonTranslations } from "./schema.ts";

/**
 * One lesson with its rich text, sanitised once more on the way out (whatever wrote the row).
 * Reads only this lesson and the course's titles: a lesson view must not build the whole course.
 */
export async function getLesson(
  ctx: CatalogueContext,
  ref: string,
  lessonId: string,
  reader: Locale,
  actor: Actor | null = null,
): Promise<LessonDto> {
  const { db } = ctx;
  const course = await readableCourse(db, actor, ref);
  const lesson = await requireLessonOf(db, course.id, lessonId);
  const [texts, translations, media] = await Promise.all([
    db.select().from(lessonTranslations).where(eq(lessonTranslations.lessonId, lessonId)),
    db.select().from(courseTranslations).where(eq(courseTranslations.courseId, course.id)),
    lessonMediaOf(db, lessonId),
  ]);
  const courseLocale = shownLanguage(translations, reader, course.defaultLocale);
  // Title and body are one row: a lesson's translation is ready or not as a whole.
  const text = shownText(texts, reader, course.defaultLocale);
  // A ready translation whose body is empty falls back to the source's body, said so on the page.
  const body = shownField(texts, reader, course.defaultLocale, (t) => t.body);
  const courseTitle = translations.find((t) => t.locale === courseLocale) ?? translations.find((t) => t.locale === course.defaultLocale);
  return {
    id: lesson.id,
    position: lesson.position,
    kind: lesson.kind,
    required: lesson.required,
    title: text?.title ?? "",
    bodyHtml: sanitizeLessonHtml(body.value),
    media,
    shownLocale: text?.locale ?? course.defaultLocale,
    bodyLocale: body.locale,
    course: { id: course.id, slug: course.slug, title: courseTitle?.title ?? course.slug },
  };
}
