import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { organisationRefs } from "../network/queries.ts";
import type { Actor } from "../shared/actor.ts";
import { notFound } from "../shared/errors.ts";
import { isUuid } from "../shared/ids.ts";
import { shownField, shownText } from "../shared/reader-language.ts";
import { parseInput } from "../shared/validation.ts";
import type { CatalogueContext } from "./context.ts";
import type { AdaptedFromDto, CourseDto, ModuleOutlineDto } from "./dto.ts";
import { readable } from "./guards.ts";
import { type TranslationRow, toSummary } from "./mapping.ts";
import { type FileRow, fileUrl } from "./media/files.ts";
import { adaptedFrom } from "./review/adaptations.ts";
import type { CourseRow } from "./rows.ts";
import {
  courseCoCreators,
  courseModules,
  courses,
  courseTranslations,
  lessons,
  lessonTranslations,
  moduleTranslations,
  storedFiles,
} from "./schema.ts";
import { courseRefSchema } from "./validation.ts";

type TitleText = { locale: string; title: string; status: "missing" | "draft" | "ready" };
type CoCreatorRow = { organisationId: string; role: (typeof courseCoCreators.$inferSelect)["role"] };

/** A course with its texts in every language and its co-creators in order: what every reading of a course starts from. */
export type CourseWithTexts = {
  course: CourseRow;
  translations: TranslationRow[];
  coCreators: CoCreatorRow[];
  covers: Map<string, string>;
};

/** Titles of a module's or lesson's translations, gathered beside its row so the outline is one statement. */
const titleTexts = (table: typeof moduleTranslations | typeof lessonTranslations, key: "module_id" | "lesson_id", id: unknown) =>
  sql<TitleText[]>`(select coalesce(json_agg(json_build_object('locale', t.locale, 'title', t.title, 'status', t.status)), '[]'::json)
    from ${table} t where t.${sql.raw(key)} = ${id})`;

/**
 * A course its reader may see, with its texts and co-creators, in one round trip (it was three in
 * sequence); 404 as if it did not exist otherwise. The search columns stay behind: only search reads them.
 */
export async function readableCourseWithTexts(db: Executor, actor: Actor | null, ref: string): Promise<CourseWithTexts> {
  parseInput(courseRefSchema, ref);
  const [row] = await db
    .select({
      course: courses,
      translations: sql<(Omit<TranslationRow, "updatedAt"> & { updatedAt: string })[]>`(select coalesce(json_agg(json_build_object(
        'courseId', t.course_id, 'locale', t.locale, 'title', t.title, 'summary', t.summary, 'description', t.description,
        'status', t.status, 'updatedAt', t.updated_at)), '[]'::json) from ${courseTranslations} t where t.course_id = ${courses.id})`,
      coCreators: sql<CoCreatorRow[]>`(select coalesce(json_agg(json_build_object('organisationId', c.organisation_id, 'role', c.role)
        order by c.position), '[]'::json) from ${courseCoCreators} c where c.course_id = ${courses.id})`,
      cover: sql<Pick<FileRow, "id" | "originalName"> | null>`(select json_build_object('id', f.id, 'originalName', f.original_name)
        from ${storedFiles} f where f.storage_key = ${courses.coverImagePath} limit 1)`,
    })
    .from(courses)
    .where(isUuid(ref) ? eq(courses.id, ref) : eq(courses.slug, ref));
  if (!row || !readable(actor, row.course)) throw notFound("course");
  return {
    course: row.course,
    translations: row.translations.map((t) => ({ ...t, updatedAt: new Date(t.updatedAt) })),
    coCreators: row.coCreators,
    covers: new Map(row.cover && row.course.coverImagePath ? [[row.course.coverImagePath, fileUrl(row.cover)]] : []),
  };
}

/** The modules and lessons of a course in order, each with its titles in every language, in one statement. */
export async function outlineRows(db: Executor, courseId: string) {
  return db
    .select({
      module: { id: courseModules.id, position: courseModules.position },
      moduleTexts: titleTexts(moduleTranslations, "module_id", courseModules.id),
      lesson: { id: lessons.id, position: lessons.position, kind: lessons.kind, required: lessons.required },
      lessonTexts: titleTexts(lessonTranslations, "lesson_id", lessons.id),
    })
    .from(courseModules)
    .leftJoin(lessons, eq(lessons.moduleId, courseModules.id))
    .where(eq(courseModules.courseId, courseId))
    .orderBy(asc(courseModules.position), asc(courseModules.id), asc(lessons.position), asc(lessons.id));
}

/** A course whole, for a reader: each field in their language once that field's translation is ready. */
export async function courseDtoOf(db: Executor, loaded: CourseWithTexts, reader: Locale): Promise<CourseDto> {
  const { course, translations, coCreators, covers } = loaded;
  const [outline, refs] = await Promise.all([
    outlineRows(db, course.id),
    organisationRefs(db, [course.ownerOrganisationId, ...coCreators.map((c) => c.organisationId)], reader),
  ]);
  const summary = toSummary(course, refs.get(course.ownerOrganisationId)!, translations, reader, covers);
  const description = shownField(translations, reader, course.defaultLocale, (t) => t.description);
  // A half-translated course never shows a draft: each title is the reader's once it is ready.
  const titleIn = (texts: TitleText[]) => shownText(texts, reader, course.defaultLocale)?.title ?? "";

  const syllabus: ModuleOutlineDto[] = [];
  for (const row of outline) {
    let module = syllabus.at(-1);
    if (module?.id !== row.module.id) {
      module = { id: row.module.id, position: row.module.position, title: titleIn(row.moduleTexts), lessons: [] };
      syllabus.push(module);
    }
    if (row.lesson) module.lessons.push({ ...row.lesson, title: titleIn(row.lessonTexts) });
  }
  return {
    ...summary,
    description: description.value,
    descriptionLocale: description.locale,
    licence: course.licence,
    version: course.version,
    coCreators: coCreators.map((c) => ({ organisation: refs.get(c.organisationId)!, role: c.role })),
    translations: translations.map((t) => ({ locale: t.locale, status: t.status })).sort((a, b) => a.locale.localeCompare(b.locale)),
    syllabus,
    createdAt: course.createdAt.toISOString(),
    updatedAt: course.updatedAt.toISOString(),
  };
}

/** The public page of a published course; those who work on it also see it before publication. */
export async function getCourse(ctx: CatalogueContext, ref: string, reader: Locale, actor: Actor | null = null): Promise<CourseDto> {
  return courseDtoOf(ctx.db, await readableCourseWithTexts(ctx.db, actor, ref), reader);
}

/** The course page: the course and where it was adapted from, reading the course once. */
export async function getCoursePage(
  ctx: CatalogueContext,
  ref: string,
  reader: Locale,
  actor: Actor | null = null,
): Promise<{ course: CourseDto; adaptedFrom: AdaptedFromDto | null }> {
  const loaded = await readableCourseWithTexts(ctx.db, actor, ref);
  const [course, origin] = await Promise.all([courseDtoOf(ctx.db, loaded, reader), adaptedFrom(ctx, loaded.course, reader)]);
  return { course, adaptedFrom: origin };
}
