import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { courses, lessons } from "../catalogue/schema.ts";
import { users } from "../identity/schema.ts";
import { enrolmentStatuses } from "./dto.ts";

/**
 * A learner in a course. It names the course, not a version: a revision merged into the course
 * keeps lesson ids, so progress carries over to the new version.
 */
export const enrolments = pgTable(
  "enrolments",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    /** Staff who enrolled the learner; null for self-enrolment. */
    enrolledById: uuid().references(() => users.id, { onDelete: "set null" }),
    status: text({ enum: enrolmentStatuses }).notNull().default("active"),
    /** Where to resume. */
    lastLessonId: uuid().references(() => lessons.id, { onDelete: "set null" }),
    enrolledAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp({ withTimezone: true }),
    /** The course version the learner completed. */
    completedVersion: integer(),
  },
  (t) => [
    unique("enrolments_user_course_unique").on(t.userId, t.courseId),
    check("enrolments_status_check", sql`${t.status} in ('active', 'completed', 'withdrawn')`),
    index("enrolments_course_idx").on(t.courseId),
  ],
);

/** A lesson a learner has done. */
export const lessonProgress = pgTable(
  "lesson_progress",
  {
    enrolmentId: uuid()
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    completedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enrolmentId, t.lessonId] })],
);

/** One submitted attempt at a quiz, graded on submission. */
export const quizAttempts = pgTable(
  "quiz_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    enrolmentId: uuid()
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    attemptNumber: integer().notNull(),
    score: integer().notNull(),
    maxScore: integer().notNull(),
    /** Rounded down percentage of maxScore. */
    percent: integer().notNull(),
    passed: boolean().notNull(),
    /** What was answered, by question id, as submitted. */
    answers: jsonb().notNull(),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("quiz_attempts_number_unique").on(t.enrolmentId, t.lessonId, t.attemptNumber)],
);
