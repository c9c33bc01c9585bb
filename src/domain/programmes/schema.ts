import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { courses } from "../catalogue/schema.ts";
import { events } from "../events/schema.ts";
import { users } from "../identity/schema.ts";
import { centres, organisations } from "../network/schema.ts";
import { cohortStatuses, enrolmentModes, nominationStatuses, programmeStatuses, translationStatuses } from "./dto.ts";
import type { NominationFileRow } from "./nomination-file.ts";

/**
 * A capacity-building programme a centre runs: a set of courses taken in order, run as cohorts.
 * Its texts are per language like courses; `defaultLocale` is the one that must exist.
 */
export const programmes = pgTable(
  "programmes",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    ownerCentreId: uuid()
      .notNull()
      .references(() => centres.organisationId),
    defaultLocale: text().notNull(),
    status: text({ enum: programmeStatuses }).notNull().default("draft"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("programmes_status_check", sql`${t.status} in ('draft', 'published', 'archived')`),
    index("programmes_owner_idx").on(t.ownerCentreId),
  ],
);

export const programmeTranslations = pgTable(
  "programme_translations",
  {
    programmeId: uuid()
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    locale: text().notNull(),
    title: text().notNull(),
    description: text().notNull().default(""),
    /** Who the programme is for, in the same language. */
    targetAudience: text().notNull().default(""),
    status: text({ enum: translationStatuses }).notNull().default("draft"),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.locale] }),
    check("programme_translations_status_check", sql`${t.status} in ('missing', 'draft', 'ready')`),
  ],
);

/** The programme's courses in the order they are taken. */
export const programmeCourses = pgTable(
  "programme_courses",
  {
    programmeId: uuid()
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    courseId: uuid()
      .notNull()
      .references(() => courses.id),
    position: integer().notNull(),
    required: boolean().notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.courseId] }), index("programme_courses_course_idx").on(t.courseId)],
);

/**
 * One run of a programme. How people join depends on `enrolmentMode`: `open` (anyone signs up),
 * `nomination` (institutions nominate their staff, the centre approves), `invitation` (people the
 * centre invited). `institutionQuota` caps nominations per institution; `capacity` caps participants.
 */
export const cohorts = pgTable(
  "cohorts",
  {
    id: uuid().primaryKey().defaultRandom(),
    programmeId: uuid()
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    name: text().notNull(),
    startsOn: date({ mode: "string" }).notNull(),
    endsOn: date({ mode: "string" }).notNull(),
    /** The language the cohort is taught in. */
    locale: text().notNull(),
    capacity: integer().notNull(),
    enrolmentMode: text({ enum: enrolmentModes }).notNull(),
    institutionQuota: integer(),
    status: text({ enum: cohortStatuses }).notNull().default("open"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("cohorts_mode_check", sql`${t.enrolmentMode} in ('open', 'nomination', 'invitation')`),
    check("cohorts_status_check", sql`${t.status} in ('planned', 'open', 'closed', 'completed', 'cancelled')`),
    check("cohorts_dates_check", sql`${t.endsOn} >= ${t.startsOn}`),
    check("cohorts_capacity_check", sql`${t.capacity} >= 1`),
    check("cohorts_quota_check", sql`${t.institutionQuota} is null or ${t.institutionQuota} >= 1`),
    index("cohorts_programme_idx").on(t.programmeId, t.startsOn),
  ],
);

export const cohortFacilitators = pgTable(
  "cohort_facilitators",
  {
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] })],
);

/** A person in a cohort, and the institution they take part for (null: on their own account). */
export const cohortParticipants = pgTable(
  "cohort_participants",
  {
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    institutionId: uuid().references(() => organisations.id, { onDelete: "set null" }),
    source: text({ enum: enrolmentModes }).notNull(),
    enrolledById: uuid().references(() => users.id, { onDelete: "set null" }),
    enrolledAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.cohortId, t.userId] }),
    check("cohort_participants_source_check", sql`${t.source} in ('open', 'nomination', 'invitation')`),
    index("cohort_participants_user_idx").on(t.userId),
    // The institution report finds an institution's participants across every cohort.
    index("cohort_participants_institution_idx").on(t.institutionId),
  ],
);

/**
 * Someone who left a cohort, or whom its centre removed: kept for the report (and for their
 * institution), while their participant row goes so the seat is free again. Their enrolments and
 * progress in the courses stay. Joining the cohort again removes this row.
 */
export const cohortWithdrawals = pgTable(
  "cohort_withdrawals",
  {
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    institutionId: uuid().references(() => organisations.id, { onDelete: "set null" }),
    /** The person themselves, or the staff member who removed them. */
    withdrawnById: uuid().references(() => users.id, { onDelete: "set null" }),
    withdrawnAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] }), index("cohort_withdrawals_user_idx").on(t.userId)],
);

/** Someone the centre invited to an invitation-mode cohort, by email (they may not have an account yet). */
export const cohortInvitations = pgTable(
  "cohort_invitations",
  {
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    /** Lower case. */
    email: text().notNull(),
    invitedById: uuid().references(() => users.id, { onDelete: "set null" }),
    invitedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.email] })],
);

/** An institution's proposal of one of its staff for a nomination-mode cohort. */
export const nominations = pgTable(
  "nominations",
  {
    id: uuid().primaryKey().defaultRandom(),
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    institutionId: uuid()
      .notNull()
      .references(() => organisations.id),
    department: text().notNull().default(""),
    jobTitle: text().notNull().default(""),
    status: text({ enum: nominationStatuses }).notNull().default("pending"),
    nominatedById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedById: uuid().references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique("nominations_cohort_user_key").on(t.cohortId, t.userId),
    check("nominations_status_check", sql`${t.status} in ('pending', 'approved', 'declined', 'withdrawn')`),
    index("nominations_cohort_institution_idx").on(t.cohortId, t.institutionId, t.status),
    // The institution report finds an institution's nominations across every cohort (the index above starts with the cohort).
    index("nominations_institution_idx").on(t.institutionId),
  ],
);

/**
 * An uploaded nomination file between its preview and its confirmation: the parsed rows, so any
 * app server can confirm what another one previewed. Removed on confirmation, and after a day.
 */
export const nominationUploads = pgTable(
  "nomination_uploads",
  {
    id: uuid().primaryKey().defaultRandom(),
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    institutionId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    uploadedById: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    fileName: text().notNull(),
    rows: jsonb().$type<NominationFileRow[]>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("nomination_uploads_created_idx").on(t.createdAt)],
);

/** The cohort's live sessions: events of the events module, in the cohort's schedule. */
export const cohortSessions = pgTable(
  "cohort_sessions",
  {
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.eventId] }), index("cohort_sessions_event_idx").on(t.eventId)],
);
