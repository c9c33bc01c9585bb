import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import type { OrganisationRef } from "../network/dto.ts";
import { readyLanguages, shownField, shownLanguage, shownText } from "../shared/reader-language.ts";
import type { CourseFacts, CourseRefDto, CourseSummaryDto } from "./dto.ts";
import type { CourseRow } from "./rows.ts";
import { courses, courseTranslations } from "./schema.ts";

/* Rows to what the catalogue answers. */

/** A course's texts in one language, without the search columns the database derives (large, and read only by search). */
export const translationColumns = {
  courseId: courseTranslations.courseId,
  locale: courseTranslations.locale,
  title: courseTranslations.title,
  summary: courseTranslations.summary,
  description: courseTranslations.description,
  status: courseTranslations.status,
  updatedAt: courseTranslations.updatedAt,
};
export type TranslationRow = Omit<typeof courseTranslations.$inferSelect, "searchText" | "searchVector">;

export const toCourseRef = (course: CourseRow): CourseRefDto => ({
  id: course.id,
  slug: course.slug,
  status: course.status,
  version: course.version,
});

export const toCourseFacts = (course: CourseRow): CourseFacts => ({
  id: course.id,
  slug: course.slug,
  status: course.status,
  version: course.version,
  defaultLocale: course.defaultLocale,
  ownerOrganisationId: course.ownerOrganisationId,
});

/** A course as lists show it, in the reader's language when its translation is ready. */
export function toSummary(
  course: CourseRow,
  owner: OrganisationRef,
  translations: TranslationRow[],
  reader: Locale,
  covers: Map<string, string>,
): CourseSummaryDto {
  const shownLocale = shownLanguage(translations, reader, course.defaultLocale);
  const shown = translations.find((t) => t.locale === shownLocale);
  const summary = shownField(translations, reader, course.defaultLocale, (t) => t.summary);
  return {
    id: course.id,
    slug: course.slug,
    title: shown?.title ?? course.slug,
    summary: summary.value,
    shownLocale,
    summaryLocale: summary.locale,
    defaultLocale: course.defaultLocale,
    languages: readyLanguages(translations, course.defaultLocale),
    owner,
    category: course.category,
    level: course.level,
    estimatedHours: course.estimatedHours,
    subjectTags: course.subjectTags,
    status: course.status,
    publishedAt: course.publishedAt?.toISOString() ?? null,
    coverImageUrl: course.coverImagePath ? (covers.get(course.coverImagePath) ?? null) : null,
  };
}

/** Each course's texts in every language, by course id. */
export async function translationsOf(db: Executor, courseIds: string[]): Promise<Map<string, TranslationRow[]>> {
  const byCourse = new Map<string, TranslationRow[]>(courseIds.map((id) => [id, []]));
  if (!courseIds.length) return byCourse;
  const rows = await db.select(translationColumns).from(courseTranslations).where(inArray(courseTranslations.courseId, courseIds));
  for (const row of rows) byCourse.get(row.courseId)?.push(row);
  return byCourse;
}

/** Courses' titles for a reader: their language when that translation is ready, else the course's own. */
export async function shownTitles(db: Executor, courseIds: string[], reader: Locale): Promise<Map<string, string>> {
  if (!courseIds.length) return new Map();
  const rows = await db
    .select({
      courseId: courseTranslations.courseId,
      locale: courseTranslations.locale,
      title: courseTranslations.title,
      status: courseTranslations.status,
      defaultLocale: courses.defaultLocale,
      slug: courses.slug,
    })
    .from(courseTranslations)
    .innerJoin(courses, eq(courses.id, courseTranslations.courseId))
    .where(inArray(courseTranslations.courseId, courseIds));
  const titles = new Map<string, string>();
  for (const id of courseIds) {
    const own = rows.filter((r) => r.courseId === id);
    const shown = own[0] && shownText(own, reader, own[0].defaultLocale);
    titles.set(id, shown?.title ?? own[0]?.slug ?? "");
  }
  return titles;
}
