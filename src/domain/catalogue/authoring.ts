import { and, asc, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import type { OrganisationRef } from "../network/dto.ts";
import { toOrganisationRef } from "../network/mapping.ts";
import { organisations } from "../network/schema.ts";
import { type Actor, isGlobalStaff, requireActor } from "../shared/actor.ts";
import { notFound } from "../shared/errors.ts";
import { authorRoles, canAuthor, findCourseRow } from "./course-access.ts";
import type { ContentLocale, CourseStatus, LessonKind, TranslationStatus } from "./dto.ts";
import { sanitizeLessonHtml } from "./rich-text.ts";
import { courseModules, courses, courseTranslations, lessons, lessonTranslations, moduleTranslations } from "./schema.ts";

/** A row of the authors' course list. */
export type AuthoredCourseDto = {
  id: string;
  slug: string;
  title: string;
  status: CourseStatus;
  version: number;
  defaultLocale: ContentLocale;
  translations: { locale: ContentLocale; status: TranslationStatus }[];
  owner: OrganisationRef;
  updatedAt: string;
};

/**
 * The syllabus as its authors write it: in the course's default language, whatever the
 * interface language, since that is the language `updateCourse` writes.
 */
export type AuthoringSyllabus = {
  id: string;
  title: string;
  lessons: { id: string; title: string; kind: LessonKind; required: boolean }[];
}[];

export type AuthoringLessonDto = {
  id: string;
  moduleId: string;
  kind: LessonKind;
  required: boolean;
  title: string;
  /** Sanitised HTML in the default language, for the editor. */
  body: string;
};

export type AuthoringServiceDeps = { db: Database };

/** Reads for the authoring screens; every write goes through the catalogue and media services. */
export function createAuthoringService(deps: AuthoringServiceDeps) {
  const { db } = deps;

  /** Courses the actor may write: every course for global staff, else their centres' courses. */
  async function listAuthoredCourses(actor: Actor | null, reader: Locale): Promise<AuthoredCourseDto[]> {
    const a = requireActor(actor);
    const ownerIds = a.roles.filter((g) => authorRoles.includes(g.role) && g.organisationId).map((g) => g.organisationId!);
    const everything = isGlobalStaff(a) || a.roles.some((g) => authorRoles.includes(g.role) && g.organisationId === null);
    if (!everything && !ownerIds.length) return [];
    const where: SQL | undefined = and(
      isNull(courses.revisionOfId),
      everything ? undefined : inArray(courses.ownerOrganisationId, ownerIds),
    );
    const rows = await db
      .select({ course: courses, owner: organisations })
      .from(courses)
      .innerJoin(organisations, eq(organisations.id, courses.ownerOrganisationId))
      .where(where)
      .orderBy(desc(courses.updatedAt), asc(courses.id))
      .limit(500);
    const ids = rows.map((r) => r.course.id);
    const texts = ids.length ? await db.select().from(courseTranslations).where(inArray(courseTranslations.courseId, ids)) : [];
    return rows.map(({ course, owner }) => {
      const own = texts.filter((t) => t.courseId === course.id);
      const shown = own.find((t) => t.locale === reader && t.status === "ready") ?? own.find((t) => t.locale === course.defaultLocale);
      return {
        id: course.id,
        slug: course.slug,
        title: shown?.title ?? course.slug,
        status: course.status as CourseStatus,
        version: course.version,
        defaultLocale: course.defaultLocale,
        translations: own
          .map((t) => ({ locale: t.locale, status: t.status as TranslationStatus }))
          .sort((x, y) => x.locale.localeCompare(y.locale)),
        owner: toOrganisationRef(owner, reader),
        updatedAt: course.updatedAt.toISOString(),
      };
    });
  }

  async function authoredCourse(actor: Actor | null, ref: string) {
    requireActor(actor);
    const course = await findCourseRow(db, ref);
    if (!canAuthor(actor, course.ownerOrganisationId)) throw notFound("course");
    return course;
  }

  /** The course's own texts, in its default language, for the form that edits them. */
  async function getTexts(actor: Actor | null, ref: string) {
    const course = await authoredCourse(actor, ref);
    const [text] = await db
      .select()
      .from(courseTranslations)
      .where(and(eq(courseTranslations.courseId, course.id), eq(courseTranslations.locale, course.defaultLocale)));
    return { locale: course.defaultLocale, title: text?.title ?? "", summary: text?.summary ?? "", description: text?.description ?? "" };
  }

  /** The syllabus in the default language, in order, for the syllabus editor. */
  async function getSyllabus(actor: Actor | null, ref: string): Promise<AuthoringSyllabus> {
    const course = await authoredCourse(actor, ref);
    const modules = await db
      .select()
      .from(courseModules)
      .where(eq(courseModules.courseId, course.id))
      .orderBy(asc(courseModules.position), asc(courseModules.id));
    const moduleIds = modules.map((m) => m.id);
    if (!moduleIds.length) return [];
    const [moduleTexts, lessonRows] = await Promise.all([
      db
        .select()
        .from(moduleTranslations)
        .where(and(inArray(moduleTranslations.moduleId, moduleIds), eq(moduleTranslations.locale, course.defaultLocale))),
      db.select().from(lessons).where(inArray(lessons.moduleId, moduleIds)).orderBy(asc(lessons.position), asc(lessons.id)),
    ]);
    const lessonTexts = lessonRows.length
      ? await db
          .select({ lessonId: lessonTranslations.lessonId, title: lessonTranslations.title })
          .from(lessonTranslations)
          .where(
            and(
              inArray(
                lessonTranslations.lessonId,
                lessonRows.map((l) => l.id),
              ),
              eq(lessonTranslations.locale, course.defaultLocale),
            ),
          )
      : [];
    return modules.map((module) => ({
      id: module.id,
      title: moduleTexts.find((t) => t.moduleId === module.id)?.title ?? "",
      lessons: lessonRows
        .filter((l) => l.moduleId === module.id)
        .map((l) => ({
          id: l.id,
          title: lessonTexts.find((t) => t.lessonId === l.id)?.title ?? "",
          kind: l.kind as LessonKind,
          required: l.required,
        })),
    }));
  }

  /** One lesson's default-language title and body, for the lesson editor. */
  async function getLesson(actor: Actor | null, ref: string, lessonId: string): Promise<AuthoringLessonDto> {
    const course = await authoredCourse(actor, ref);
    if (!z.uuid().safeParse(lessonId).success) throw notFound("lesson");
    const [row] = await db
      .select({ lesson: lessons })
      .from(lessons)
      .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
      .where(and(eq(lessons.id, lessonId), eq(courseModules.courseId, course.id)));
    if (!row) throw notFound("lesson");
    const [text] = await db
      .select()
      .from(lessonTranslations)
      .where(and(eq(lessonTranslations.lessonId, lessonId), eq(lessonTranslations.locale, course.defaultLocale)));
    return {
      id: row.lesson.id,
      moduleId: row.lesson.moduleId,
      kind: row.lesson.kind as LessonKind,
      required: row.lesson.required,
      title: text?.title ?? "",
      body: sanitizeLessonHtml(text?.body ?? ""),
    };
  }

  return { listAuthoredCourses, getTexts, getSyllabus, getLesson };
}

export type AuthoringService = ReturnType<typeof createAuthoringService>;
