import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import type { Actor } from "../shared/actor.ts";
import { notFound } from "../shared/errors.ts";
import { isUuid } from "../shared/ids.ts";
import { shownField, shownLanguage, shownText } from "../shared/reader-language.ts";
import type { CatalogueContext } from "./context.ts";
import { type CourseWithTexts, courseDtoOf, readableCourseWithTexts } from "./course-page.ts";
import type { CourseDto, LessonDto } from "./dto.ts";
import { readerMedia } from "./media/files.ts";
import { sanitizeLessonHtml } from "./rich-text.ts";
import { courseModules, lessonCaptions, lessonFiles, lessons, lessonTranslations, storedFiles } from "./schema.ts";

type LessonText = { locale: string; title: string; body: string; status: "missing" | "draft" | "ready" };

/**
 * One lesson of the course with its texts and media, in one statement; 404 when the lesson is
 * not the course's. The media are gathered beside the row (they were three statements).
 */
async function lessonWithTexts(db: Executor, courseId: string, lessonId: string) {
  if (!isUuid(lessonId)) throw notFound("lesson");
  const [row] = await db
    .select({
      lesson: {
        id: lessons.id,
        position: lessons.position,
        kind: lessons.kind,
        required: lessons.required,
        externalUrl: lessons.externalUrl,
      },
      texts: sql<LessonText[]>`(select coalesce(json_agg(json_build_object('locale', t.locale, 'title', t.title, 'body', t.body,
        'status', t.status)), '[]'::json) from ${lessonTranslations} t where t.lesson_id = ${lessons.id})`,
      files: sql<Parameters<typeof readerMedia>[1]>`(select coalesce(json_agg(json_build_object(
        'link', json_build_object('role', l.role, 'locale', l.locale),
        'file', json_build_object('id', f.id, 'originalName', f.original_name, 'mimeType', f.mime_type, 'byteSize', f.byte_size))
        order by l.position, l.id), '[]'::json)
        from ${lessonFiles} l join ${storedFiles} f on f.id = l.file_id where l.lesson_id = ${lessons.id})`,
      captions: sql<Parameters<typeof readerMedia>[2]>`(select coalesce(json_agg(json_build_object(
        'caption', json_build_object('locale', c.locale, 'status', c.status),
        'file', json_build_object('id', f.id, 'originalName', f.original_name)) order by c.locale), '[]'::json)
        from ${lessonCaptions} c join ${storedFiles} f on f.id = c.file_id where c.lesson_id = ${lessons.id})`,
    })
    .from(lessons)
    .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
    .where(and(eq(lessons.id, lessonId), eq(courseModules.courseId, courseId)));
  if (!row) throw notFound("lesson");
  return row;
}

/**
 * A lesson for a reader. Its rich text was sanitised when it was written, and is sanitised once
 * more on the way out (whatever wrote the row).
 */
function lessonDtoOf(loaded: CourseWithTexts, found: Awaited<ReturnType<typeof lessonWithTexts>>, reader: Locale): LessonDto {
  const { course, translations } = loaded;
  const { lesson, texts } = found;
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
    media: readerMedia(lesson.externalUrl, found.files, found.captions),
    shownLocale: text?.locale ?? course.defaultLocale,
    bodyLocale: body.locale,
    course: { id: course.id, slug: course.slug, title: courseTitle?.title ?? course.slug },
  };
}

/** One lesson with the course's titles: a lesson view does not build the whole course. */
export async function getLesson(
  ctx: CatalogueContext,
  ref: string,
  lessonId: string,
  reader: Locale,
  actor: Actor | null = null,
): Promise<LessonDto> {
  const loaded = await readableCourseWithTexts(ctx.db, actor, ref);
  return lessonDtoOf(loaded, await lessonWithTexts(ctx.db, loaded.course.id, lessonId), reader);
}

/** A lesson and its whole course (the player's syllabus), reading the course once. */
export async function getLessonPage(
  ctx: CatalogueContext,
  ref: string,
  lessonId: string,
  reader: Locale,
  actor: Actor | null = null,
): Promise<{ lesson: LessonDto; course: CourseDto }> {
  const loaded = await readableCourseWithTexts(ctx.db, actor, ref);
  const [found, course] = await Promise.all([lessonWithTexts(ctx.db, loaded.course.id, lessonId), courseDtoOf(ctx.db, loaded, reader)]);
  return { lesson: lessonDtoOf(loaded, found, reader), course };
}
