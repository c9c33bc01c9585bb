import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../identity/schema.ts";
import { organisations } from "../network/schema.ts";
import { searchNormalisationSql } from "./search-text.ts";
import {
  coCreatorRoles,
  courseCategories,
  courseLevels,
  courseStatuses,
  lessonFileRoles,
  lessonKinds,
  noticeKinds,
  questionKinds,
  reviewDecisions,
  translationStatuses,
} from "./values.ts";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * A course of the global catalogue, owned by a centre or the institute. `status` is the review
 * workflow; a published course is immutable and is changed through a revision: a draft course row
 * (`revisionOfId` set) that, once approved, is merged back into the course it revises, keeping its
 * id, slug and lesson ids, so learners keep their progress. An adaptation is a copy another centre
 * owns, recording its source (`adaptedFromId`, `adaptedFromVersion`) and the source's licence.
 */
export const courses = pgTable(
  "courses",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    ownerOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    category: text({ enum: courseCategories }).notNull(),
    level: text({ enum: courseLevels }).notNull(),
    estimatedHours: integer().notNull(),
    licence: text().notNull(),
    /** The language the course was written in: its translation must exist and is the fallback. */
    defaultLocale: text().notNull(),
    status: text({ enum: courseStatuses }).notNull().default("draft"),
    version: integer().notNull().default(1),
    subjectTags: text().array().notNull().default(sql`'{}'::text[]`),
    /** A path in file storage, relative to its root. */
    coverImagePath: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp({ withTimezone: true }),
    /** Set on the draft of a published course's next version. */
    revisionOfId: uuid().references((): AnyPgColumn => courses.id, { onDelete: "cascade" }),
    adaptedFromId: uuid().references((): AnyPgColumn => courses.id, { onDelete: "set null" }),
    adaptedFromVersion: integer(),
    /** The licence of the source when it was adapted (the adaptation must honour it). */
    adaptedFromLicence: text(),
  },
  (t) => [
    uniqueIndex("courses_one_revision_idx").on(t.revisionOfId),
    index("courses_adapted_from_idx").on(t.adaptedFromId),
    check("courses_status_check", sql`${t.status} in ('draft', 'in_review', 'published', 'archived')`),
    check("courses_category_check", sql`${t.category} in ('discipline', 'tvet', 'teacher_professional_development')`),
    check("courses_version_check", sql`${t.version} >= 1`),
    check("courses_hours_check", sql`${t.estimatedHours} > 0`),
    index("courses_status_published_idx").on(t.status, t.publishedAt),
    index("courses_owner_idx").on(t.ownerOrganisationId),
  ],
);

/**
 * The people who wrote this version of a course (a revision or an adaptation is a version of its
 * own): whoever made it, changed its content or sent it to review. None of them may review it.
 */
export const courseAuthors = pgTable(
  "course_authors",
  {
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    firstAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.userId] }), index("course_authors_user_idx").on(t.userId)],
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
    role: text({ enum: coCreatorRoles }).notNull(),
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
    status: text({ enum: translationStatuses }).notNull().default("draft"),
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
    /** In a revision or an adaptation: the module of the course it was copied from. */
    originId: uuid(),
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
    status: text({ enum: translationStatuses }).notNull().default("ready"),
  },
  (t) => [
    primaryKey({ columns: [t.moduleId, t.locale] }),
    check("module_translations_status_check", sql`${t.status} in ('missing', 'draft', 'ready')`),
  ],
);

export const lessons = pgTable(
  "lessons",
  {
    id: uuid().primaryKey().defaultRandom(),
    moduleId: uuid()
      .notNull()
      .references(() => courseModules.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    kind: text({ enum: lessonKinds }).notNull(),
    required: boolean().notNull().default(true),
    /** In a revision or an adaptation: the lesson of the course it was copied from. */
    originId: uuid(),
    /** A video lesson may point to a video hosted elsewhere instead of an uploaded file. */
    externalUrl: text(),
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
    status: text({ enum: translationStatuses }).notNull().default("ready"),
  },
  (t) => [
    primaryKey({ columns: [t.lessonId, t.locale] }),
    check("lesson_translations_status_check", sql`${t.status} in ('missing', 'draft', 'ready')`),
  ],
);

/**
 * An uploaded file's record; its bytes live in file storage (src/infra/storage.ts) under
 * `storageKey`. Checked on upload: size, and a type sniffed from the bytes, not the name.
 */
export const storedFiles = pgTable("stored_files", {
  id: uuid().primaryKey().defaultRandom(),
  storageKey: text().notNull().unique(),
  originalName: text().notNull(),
  mimeType: text().notNull(),
  byteSize: bigint({ mode: "number" }).notNull(),
  sha256: text().notNull(),
  uploadedById: uuid().references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Files of a lesson: the video of a video lesson, downloads of a file lesson (or of any lesson). */
export const lessonFiles = pgTable(
  "lesson_files",
  {
    id: uuid().primaryKey().defaultRandom(),
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    fileId: uuid()
      .notNull()
      .references(() => storedFiles.id),
    /** 'video': what the player plays; 'download': offered as a download. */
    role: text({ enum: lessonFileRoles }).notNull(),
    position: integer().notNull().default(0),
    /** The language of the file's content; null when it has none or serves every language. */
    locale: text(),
  },
  (t) => [
    check("lesson_files_role_check", sql`${t.role} in ('video', 'download')`),
    index("lesson_files_lesson_idx").on(t.lessonId, t.position),
  ],
);

/** A video lesson's captions, one WebVTT file per language, with a translation status. */
export const lessonCaptions = pgTable(
  "lesson_captions",
  {
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    locale: text().notNull(),
    fileId: uuid()
      .notNull()
      .references(() => storedFiles.id),
    status: text({ enum: translationStatuses }).notNull().default("ready"),
  },
  (t) => [
    primaryKey({ columns: [t.lessonId, t.locale] }),
    check("lesson_captions_status_check", sql`${t.status} in ('missing', 'draft', 'ready')`),
  ],
);

/** A quiz lesson's settings. */
export const quizzes = pgTable(
  "quizzes",
  {
    lessonId: uuid()
      .primaryKey()
      .references(() => lessons.id, { onDelete: "cascade" }),
    /** Percentage of the points needed to pass. */
    passingScore: integer().notNull().default(70),
    /** Null: unlimited attempts. */
    maxAttempts: integer(),
  },
  (t) => [
    check("quizzes_passing_score_check", sql`${t.passingScore} between 0 and 100`),
    check("quizzes_max_attempts_check", sql`${t.maxAttempts} is null or ${t.maxAttempts} >= 1`),
  ],
);

export const quizQuestions = pgTable(
  "quiz_questions",
  {
    id: uuid().primaryKey().defaultRandom(),
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    kind: text({ enum: questionKinds }).notNull(),
    points: integer().notNull().default(1),
    /** The answer of a true/false question. */
    answerTrue: boolean(),
    originId: uuid(),
  },
  (t) => [
    check("quiz_questions_kind_check", sql`${t.kind} in ('single', 'multiple', 'true_false', 'short_answer')`),
    check("quiz_questions_points_check", sql`${t.points} >= 1`),
    index("quiz_questions_lesson_idx").on(t.lessonId, t.position),
  ],
);

/** A question's texts in one language; short answers are accepted per language. */
export const quizQuestionTranslations = pgTable(
  "quiz_question_translations",
  {
    questionId: uuid()
      .notNull()
      .references(() => quizQuestions.id, { onDelete: "cascade" }),
    locale: text().notNull(),
    prompt: text().notNull(),
    /** Shown after an attempt: why the answer is what it is. */
    feedback: text().notNull().default(""),
    acceptedAnswers: text().array().notNull().default(sql`'{}'::text[]`),
    status: text({ enum: translationStatuses }).notNull().default("ready"),
  },
  (t) => [
    primaryKey({ columns: [t.questionId, t.locale] }),
    check("quiz_question_translations_status_check", sql`${t.status} in ('missing', 'draft', 'ready')`),
  ],
);

export const quizOptions = pgTable(
  "quiz_options",
  {
    id: uuid().primaryKey().defaultRandom(),
    questionId: uuid()
      .notNull()
      .references(() => quizQuestions.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    correct: boolean().notNull().default(false),
    originId: uuid(),
  },
  (t) => [index("quiz_options_question_idx").on(t.questionId, t.position)],
);

export const quizOptionTranslations = pgTable(
  "quiz_option_translations",
  {
    optionId: uuid()
      .notNull()
      .references(() => quizOptions.id, { onDelete: "cascade" }),
    locale: text().notNull(),
    text: text().notNull(),
    status: text({ enum: translationStatuses }).notNull().default("ready"),
  },
  (t) => [
    primaryKey({ columns: [t.optionId, t.locale] }),
    check("quiz_option_translations_status_check", sql`${t.status} in ('missing', 'draft', 'ready')`),
  ],
);

/** The quality rubric for online and blended teaching: data the secretariat edits. */
export const rubricCriteria = pgTable(
  "rubric_criteria",
  {
    id: uuid().primaryKey().defaultRandom(),
    position: integer().notNull(),
    maxScore: integer().notNull().default(3),
    /** A criterion every approved course must meet (scored above zero). */
    essential: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("rubric_criteria_max_score_check", sql`${t.maxScore} between 1 and 10`)],
);

export const rubricCriterionTranslations = pgTable(
  "rubric_criterion_translations",
  {
    criterionId: uuid()
      .notNull()
      .references(() => rubricCriteria.id, { onDelete: "cascade" }),
    locale: text().notNull(),
    title: text().notNull(),
    description: text().notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.criterionId, t.locale] })],
);

/** A reviewer's verdict on one version of a course. */
export const courseReviews = pgTable(
  "course_reviews",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    courseVersion: integer().notNull(),
    reviewerId: uuid().references(() => users.id, { onDelete: "set null" }),
    decision: text({ enum: reviewDecisions }).notNull(),
    comment: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("course_reviews_decision_check", sql`${t.decision} in ('approved', 'returned')`),
    index("course_reviews_course_idx").on(t.courseId, t.createdAt),
  ],
);

export const courseReviewScores = pgTable(
  "course_review_scores",
  {
    reviewId: uuid()
      .notNull()
      .references(() => courseReviews.id, { onDelete: "cascade" }),
    criterionId: uuid()
      .notNull()
      .references(() => rubricCriteria.id),
    score: integer().notNull(),
    comment: text().notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.criterionId] })],
);

/** Each published version's full content, kept as it was published: the record of what learners saw. */
export const courseVersions = pgTable(
  "course_versions",
  {
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    snapshot: jsonb().notNull(),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.version] })],
);

/** Something an owner's authors should know about a course, e.g. its source published a new version. */
export const courseNotices = pgTable(
  "course_notices",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    kind: text({ enum: noticeKinds }).notNull(),
    data: jsonb().notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    dismissedAt: timestamp({ withTimezone: true }),
  },
  (t) => [check("course_notices_kind_check", sql`${t.kind} in ('source_updated')`), index("course_notices_course_idx").on(t.courseId)],
);
