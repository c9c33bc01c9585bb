import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { isUuid } from "../shared/ids.ts";
import { shownText } from "../shared/reader-language.ts";
import { parseInput } from "../shared/validation.ts";
import { coverImageUrls } from "./media/files.ts";
import { courseModules, courses, courseTranslations, lessons, lessonTranslations, quizQuestions } from "./schema.ts";
import { courseRefSchema } from "./validation.ts";
/**
 * The catalogue module's read API for other modules (docs/decisions/0015-module-shape.md): small
 * functions over an executor (the database or the caller's transaction), answering DTOs.
 */

/** What the learning module needs to know of a course to enrol, count progress and complete. */
export type LearnerCourse = Pick<
  typeof courses.$inferSelect,
  "id" | "slug" | "status" | "ownerOrganisationId" | "version" | "defaultLocale"
>;

const learnerCourseColumns = {
  id: courses.id,
  slug: courses.slug,
  status: courses.status,
  ownerOrganisationId: courses.ownerOrganisationId,
  version: courses.version,
  defaultLocale: courses.defaultLocale,
};

/** A course named by its id or slug, for the learning module; null when there is none. A malformed name is a 400. */
export async function courseForLearner(db: Executor, ref: string): Promise<LearnerCourse | null> {
  parseInput(courseRefSchema, ref);
  const [row] = await db
    .select(learnerCourseColumns)
    .from(courses)
    .where(isUuid(ref) ? eq(courses.id, ref) : eq(courses.slug, ref));
  return row ?? null;
}

/** A lesson of the course named by id or slug, with that course; null when either is not there. */
export async function lessonOfCourse(
  db: Executor,
  ref: string,
  lessonId: string,
): Promise<{ course: LearnerCourse; lesson: Pick<typeof lessons.$inferSelect, "id" | "kind"> } | null> {
  parseInput(courseRefSchema, ref);
  if (!isUuid(lessonId)) return null;
  const [row] = await db
    .select({ course: learnerCourseColumns, lesson: { id: lessons.id, kind: lessons.kind } })
    .from(lessons)
    .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, courseModules.courseId))
    .where(and(eq(lessons.id, lessonId), isUuid(ref) ? eq(courses.id, ref) : eq(courses.slug, ref)));
  return row ?? null;
}

/** The lessons of these courses in syllabus order, with whether each is required: what progress is counted on. */
export async function syllabusLessons(
  db: Executor,
  courseIds: readonly string[],
): Promise<{ id: string; courseId: string; required: boolean }[]> {
  if (!courseIds.length) return [];
  return db
    .select({ id: lessons.id, courseId: courseModules.courseId, required: lessons.required })
    .from(lessons)
    .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
    .where(inArray(courseModules.courseId, [...courseIds]))
    .orderBy(asc(courseModules.position), asc(courseModules.id), asc(lessons.position), asc(lessons.id));
}

/**
 * A quiz lesson's quiz for a reader of `shownLocale`: `quiz`, what the learner answers (nothing
 * in it says what is correct), and `key`, what grading needs, which stays on the server.
 */
export { quizForLearner } from "./quiz/learner-quiz.ts";

/** Courses by id with their slug and title in the reader's language when ready, else the course's own (`shownLocale` says which; the slug when it has no text). */
export async function courseHeadings(
  db: Executor,
  ids: readonly string[],
  reader: Locale,
): Promise<Map<string, { id: string; slug: string; title: string; shownLocale: string; coverImageUrl: string | null }>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const [rows, texts] = await Promise.all([
    db
      .select({ id: courses.id, slug: courses.slug, defaultLocale: courses.defaultLocale, coverImagePath: courses.coverImagePath })
      .from(courses)
      .where(inArray(courses.id, wanted)),
    db
      .select({
        courseId: courseTranslations.courseId,
        locale: courseTranslations.locale,
        status: courseTranslations.status,
        title: courseTranslations.title,
      })
      .from(courseTranslations)
      .where(inArray(courseTranslations.courseId, wanted)),
  ]);
  const covers = await coverImageUrls(
    db,
    rows.map((r) => r.coverImagePath),
  );
  return new Map(
    rows.map((course) => {
      const shown = shownText(
        texts.filter((t) => t.courseId === course.id),
        reader,
        course.defaultLocale,
      );
      return [
        course.id,
        {
          id: course.id,
          slug: course.slug,
          title: shown?.title ?? course.slug,
          shownLocale: shown?.locale ?? course.defaultLocale,
          coverImageUrl: course.coverImagePath ? (covers.get(course.coverImagePath) ?? null) : null,
        },
      ];
    }),
  );
}

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

/**
 * The course a course, lesson or quiz question belongs to, with its owner and status: what another
 * module checks before linking to course content (competency alignments). Null when there is none.
 */
export async function courseOfContent(
  db: Executor,
  kind: "course" | "lesson" | "question",
  id: string,
): Promise<{ courseId: string; ownerOrganisationId: string; status: LearnerCourse["status"] } | null> {
  const columns = { courseId: courses.id, ownerOrganisationId: courses.ownerOrganisationId, status: courses.status };
  if (kind === "course") {
    const [row] = await db.select(columns).from(courses).where(eq(courses.id, id));
    return row ?? null;
  }
  const lessonId =
    kind === "lesson"
      ? id
      : (await db.select({ lessonId: quizQuestions.lessonId }).from(quizQuestions).where(eq(quizQuestions.id, id)))[0]?.lessonId;
  if (!lessonId) return null;
  const [row] = await db
    .select(columns)
    .from(lessons)
    .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, courseModules.courseId))
    .where(eq(lessons.id, lessonId));
  return row ?? null;
}

/** Lessons by id with their course's slug and their title for the reader (a quiz named in a certification's rules). */
export async function lessonHeadings(
  db: Executor,
  ids: readonly string[],
  reader: Locale,
): Promise<Map<string, { id: string; courseId: string; courseSlug: string; title: string }>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const [rows, texts] = await Promise.all([
    db
      .select({ id: lessons.id, courseId: courses.id, courseSlug: courses.slug, defaultLocale: courses.defaultLocale })
      .from(lessons)
      .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
      .innerJoin(courses, eq(courses.id, courseModules.courseId))
      .where(inArray(lessons.id, wanted)),
    db.select().from(lessonTranslations).where(inArray(lessonTranslations.lessonId, wanted)),
  ]);
  const textsOf = Map.groupBy(texts, (t) => t.lessonId);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        courseId: r.courseId,
        courseSlug: r.courseSlug,
        title: shownText(textsOf.get(r.id) ?? [], reader, r.defaultLocale)?.title ?? "",
      },
    ]),
  );
}

/** The upload rules every module's file uploads follow (decision 9): accepted extensions and types per kind, sniffed from the bytes. */
export { acceptAttributes, acceptedMimeType, acceptsExtension, cleanFileName, isPlainText } from "./media/types.ts";
