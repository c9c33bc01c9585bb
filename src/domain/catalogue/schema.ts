import { sql } from "drizzle-orm";
import { boolean, check, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "../network/schema.ts";
import { searchNormalisationSql } from "./search-text.ts";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * A course of the global catalogue, owned by a centre or the institute. `status` and `version`
 * carry the review workflow and immutable published versions of later slices.
 */
export const courses = pgTable(
  "courses",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    ownerOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    category: text().notNull(),
    level: text().notNull(),
    estimatedHours: integer().notNull(),
    licence: text().notNull(),
    /** The language the course was written in: its translation must exist and is the fallback. */
    defaultLocale: text().notNull(),
    status: text().notNull().default("draft"),
    version: integer().notNull().default(1),
    subjectTags: text().array().notNull().default(sql`'{}'::text[]`),
    /** A path in file storage, relative to its root. */
    coverImagePath: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check("courses_status_check", sql`${t.status} in ('draft', 'in_review', 'published', 'archived')`),
    check("courses_category_check", sql`${t.category} in ('discipline', 'tvet', 'teacher_professional_development')`),
    check("courses_version_check", sql`${t.version} >= 1`),
    check("courses_hours_check", sql`${t.estimatedHours} > 0`),
    index("courses_status_published_idx").on(t.status, t.publishedAt),
    index("courses_owner_idx").on(t.ownerOrganisationId),
  ],
);

/** Organisations that made the course with its owner, each in a role. */
export const courseCoCreators = pgTable(
  "course_co_creators",
  {
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    role: text().notNull(),
    position: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.organisationId, t.role] }),
    index("course_co_creators_organisation_idx").on(t.organisationId),
  ],
);

/**
 * The course's texts in one language. The search columns are derived by the database, so every
 * writer (service, seed, bulk import) keeps them right: a full-text vector for whole words and a
 * normalised text that trigram and substring matching use for stems and unspaced scripts.
 */
export const courseTranslations = pgTable(
  "course_translations",
  {
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    locale: text().notNull(),
    title: text().notNull(),
    summary: text().notNull().default(""),
    description: text().notNull().default(""),
    status: text().notNull().default("draft"),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    searchText: text()
      .notNull()
      .generatedAlwaysAs(sql.raw(searchNormalisationSql(`"title" || ' ' || "summary"`))),
    searchVector: tsvector()
      .notNull()
      .generatedAlwaysAs(sql.raw(`to_tsvector('simple'::regconfig, ${searchNormalisationSql(`"title" || ' ' || "summary"`)})`)),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.locale] }),
    check("course_translations_status_check", sql`${t.status} in ('missing', 'draft', 'ready')`),
    index("course_translations_locale_idx").on(t.locale, t.status),
    index("course_translations_search_vector_idx").using("gin", t.searchVector),
    index("course_translations_search_text_idx").using("gin", t.searchText.op("gin_trgm_ops")),
  ],
);

export const courseModules = pgTable(
  "course_modules",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    position: integer().notNull(),
  },
  (t) => [index("course_modules_course_idx").on(t.courseId, t.position)],
);

export const moduleTranslations = pgTable(
  "module_translations",
  {
    moduleId: uuid()
      .notNull()
      .references(() => courseModules.id, { onDelete: "cascade" }),
    locale: text().notNull(),
    title: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.moduleId, t.locale] })],
);

export const lessons = pgTable(
  "lessons",
  {
    id: uuid().primaryKey().defaultRandom(),
    moduleId: uuid()
      .notNull()
      .references(() => courseModules.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    kind: text().notNull(),
    required: boolean().notNull().default(true),
  },
  (t) => [
    check("lessons_kind_check", sql`${t.kind} in ('text', 'video', 'file', 'quiz')`),
    index("lessons_module_idx").on(t.moduleId, t.position),
  ],
);

export const lessonTranslations = pgTable(
  "lesson_translations",
  {
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    locale: text().notNull(),
    title: text().notNull(),
    /** Rich text as HTML, sanitised before it is stored (and again when it is shown). */
    body: text().notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.lessonId, t.locale] })],
);
