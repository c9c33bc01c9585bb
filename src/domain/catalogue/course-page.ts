import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { organisationRefs } from "../network/queries.ts";
import type { Actor } from "../shared/actor.ts";
import { shownField, shownText } from "../shared/reader-language.ts";
import type { CatalogueContext } from "./context.ts";
import type { CourseDto, ModuleOutlineDto } from "./dto.ts";
import { readableCourse } from "./guards.ts";
import { toSummary } from "./mapping.ts";
import { coverImageUrls } from "./media/files.ts";
import type { CourseRow } from "./rows.ts";
import { courseCoCreators, courseModules, courseTranslations, lessons, lessonTranslations, moduleTranslations } from "./schema.ts";

/** The modules and lessons of a course in order, with their titles in every language. */
async function outlineRows(db: Executor, courseId: string) {
  const moduleRows = await db
    .select()
    .from(courseModules)
    .where(eq(courseModules.courseId, courseId))
    .orderBy(asc(courseModules.position), asc(courseModules.id));
  const moduleIds = moduleRows.map((m) => m.id);
  const [moduleTexts, lessonRows] = moduleIds.length
    ? await Promise.all([
        db.select().from(moduleTranslations).where(inArray(moduleTranslations.moduleId, moduleIds)),
        db.select().from(lessons).where(inArray(lessons.moduleId, moduleIds)).orderBy(asc(lessons.position), asc(lessons.id)),
      ])
    : [[], []];
  const lessonTexts = lessonRows.length
    ? await db
        .select({
          lessonId: lessonTranslations.lessonId,
          locale: lessonTranslations.locale,
          title: lessonTranslations.title,
          status: lessonTranslations.status,
        })
        .from(lessonTranslations)
        .where(
          inArray(
            lessonTranslations.lessonId,
            lessonRows.map((l) => l.id),
          ),
        )
    : [];
  return { moduleRows, moduleTexts, lessonRows, lessonTexts };
}

/** A course whole, for a reader: each field in their language once that field's translation is ready. */
export async function courseDtoOf(db: Executor, course: CourseRow, reader: Locale): Promise<CourseDto> {
  const [translationRows, coCreatorRows, outline] = await Promise.all([
    db.select().from(courseTranslations).where(eq(courseTranslations.courseId, course.id)),
    db.select().from(courseCoCreators).where(eq(courseCoCreators.courseId, course.id)).orderBy(asc(courseCoCreators.position)),
    outlineRows(db, course.id),
  ]);
  const [refs, covers] = await Promise.all([
    organisationRefs(db, [course.ownerOrganisationId, ...coCreatorRows.map((c) => c.organisationId)], reader),
    coverImageUrls(db, [course.coverImagePath]),
  ]);
  const summary = toSummary(course, refs.get(course.ownerOrganisationId)!, translationRows, reader, covers);
  const description = shownField(translationRows, reader, course.defaultLocale, (t) => t.description);
  // A half-translated course never shows a draft: each title is the reader's once it is ready.
  const titleIn = (texts: { locale: string; status: string; title: string }[]) =>
    shownText(texts, reader, course.defaultLocale)?.title ?? "";

  const syllabus: ModuleOutlineDto[] = outline.moduleRows.map((module) => ({
    id: module.id,
    position: module.position,
    title: titleIn(outline.moduleTexts.filter((t) => t.moduleId === module.id)),
    lessons: outline.lessonRows
      .filter((lesson) => lesson.moduleId === module.id)
      .map((lesson) => ({
        id: lesson.id,
        position: lesson.position,
        kind: lesson.kind,
        required: lesson.required,
        title: titleIn(outline.lessonTexts.filter((t) => t.lessonId === lesson.id)),
      })),
  }));
  return {
    ...summary,
    description: description.value,
    descriptionLocale: description.locale,
    licence: course.licence,
    version: course.version,
    coCreators: coCreatorRows.map((c) => ({ organisation: refs.get(c.organisationId)!, role: c.role })),
    translations: translationRows.map((t) => ({ locale: t.locale, status: t.status })).sort((a, b) => a.locale.localeCompare(b.locale)),
    syllabus,
    createdAt: course.createdAt.toISOString(),
    updatedAt: course.updatedAt.toISOString(),
  };
}

/** The public page of a published course; those who work on it also see it before publication. */
export async function getCourse(ctx: CatalogueContext, ref: string, reader: Locale, actor: Actor | null = null): Promise<CourseDto> {
  const course = await readableCourse(ctx.db, actor, ref);
  return courseDtoOf(ctx.db, course, reader);
}
