import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { courses, lessons, quizQuestions } from "../catalogue/schema.ts";
import { events } from "../events/schema.ts";
import { organisations } from "../network/schema.ts";
import { programmes } from "../programmes/schema.ts";
import { alignmentTargets, frameworkStatuses, itemKinds, textStatuses } from "./dto.ts";

/**
 * One version of a competency framework. Versions of the same framework share its slug; a
 * published version is immutable (its texts' translations aside) and is superseded when the
 * next version is published. `identifier` is the CASE identifier of this version: kept on import
 * so a framework re-imported from its publisher is recognised.
 */
export const competencyFrameworks = pgTable(
  "competency_frameworks",
  {
    id: uuid().primaryKey().defaultRandom(),
    identifier: text().notNull().unique(),
    slug: text().notNull(),
    version: integer().notNull().default(1),
    status: text({ enum: frameworkStatuses }).notNull().default("draft"),
    /** The institute, a centre, or an outside body registered in the network (UNESCO, a ministry). */
    ownerOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    /** Who wrote it, as the framework names itself (CASE `creator`). */
    creator: text().notNull(),
    publisher: text(),
    licence: text(),
    licenceUri: text(),
    officialSourceUrl: text(),
    defaultLocale: text().notNull(),
    /** The version this one replaced, kept when the next one is published. */
    previousVersionId: uuid().references((): AnyPgColumn => competencyFrameworks.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique("competency_frameworks_slug_version_key").on(t.slug, t.version),
    // One draft at a time per framework: the next version is prepared in one place.
    uniqueIndex("competency_frameworks_one_draft_idx").on(t.slug).where(sql`${t.status} = 'draft'`),
    index("competency_frameworks_owner_idx").on(t.ownerOrganisationId),
    check("competency_frameworks_version_check", sql`${t.version} >= 1`),
  ],
);

export const competencyFrameworkTexts = pgTable(
  "competency_framework_texts",
  {
    frameworkId: uuid()
      .notNull()
      .references(() => competencyFrameworks.id, { onDelete: "cascade" }),
    locale: text().notNull(),
    title: text().notNull(),
    description: text().notNull().default(""),
    status: text({ enum: textStatuses }).notNull().default("draft"),
  },
  (t) => [primaryKey({ columns: [t.frameworkId, t.locale] })],
);

/** A framework's proficiency levels, in order (A1 to C2; acquisition, deepening, creation). */
export const competencyLevels = pgTable(
  "competency_levels",
  {
    id: uuid().primaryKey().defaultRandom(),
    frameworkId: uuid()
      .notNull()
      .references(() => competencyFrameworks.id, { onDelete: "cascade" }),
    identifier: text().notNull(),
    code: text().notNull(),
    position: integer().notNull(),
    /** Names and descriptions per language; the framework's own language is required. */
    names: jsonb().$type<Record<string, string>>().notNull().default({}),
    descriptions: jsonb().$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [
    unique("competency_levels_code_key").on(t.frameworkId, t.code),
    unique("competency_levels_identifier_key").on(t.frameworkId, t.identifier),
  ],
);

/** An area, competency or indicator: a tree per framework (`parentId` null at the top). */
export const competencyItems = pgTable(
  "competency_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    frameworkId: uuid()
      .notNull()
      .references(() => competencyFrameworks.id, { onDelete: "cascade" }),
    identifier: text().notNull(),
    parentId: uuid().references((): AnyPgColumn => competencyItems.id, { onDelete: "cascade" }),
    kind: text({ enum: itemKinds }).notNull(),
    code: text(),
    position: integer().notNull(),
    levelId: uuid().references(() => competencyLevels.id, { onDelete: "set null" }),
  },
  (t) => [
    // A new version keeps its items' CASE identifiers: unique within a version, not across them.
    unique("competency_items_identifier_key").on(t.frameworkId, t.identifier),
    index("competency_items_framework_idx").on(t.frameworkId, t.parentId, t.position),
  ],
);

export const competencyItemTexts = pgTable(
  "competency_item_texts",
  {
    itemId: uuid()
      .notNull()
      .references(() => competencyItems.id, { onDelete: "cascade" }),
    locale: text().notNull(),
    title: text().notNull(),
    description: text().notNull().default(""),
    status: text({ enum: textStatuses }).notNull().default("draft"),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.locale] })],
);

/**
 * Associations between items that are not the tree: crosswalks to another framework's items
 * (both ends stored) and, from imported packages, links to items we do not hold (destination
 * kept as CASE wrote it). `type` is the CASE association type.
 */
export const competencyAssociations = pgTable(
  "competency_associations",
  {
    id: uuid().primaryKey().defaultRandom(),
    identifier: text().notNull(),
    frameworkId: uuid()
      .notNull()
      .references(() => competencyFrameworks.id, { onDelete: "cascade" }),
    type: text().notNull(),
    originItemId: uuid()
      .notNull()
      .references(() => competencyItems.id, { onDelete: "cascade" }),
    destinationItemId: uuid().references(() => competencyItems.id, { onDelete: "cascade" }),
    destinationIdentifier: text(),
    destinationUri: text(),
    destinationTitle: text(),
    sequenceNumber: integer(),
  },
  (t) => [
    unique("competency_associations_identifier_key").on(t.frameworkId, t.identifier),
    index("competency_associations_destination_idx").on(t.destinationItemId),
    check("competency_associations_destination_check", sql`${t.destinationItemId} is not null or ${t.destinationIdentifier} is not null`),
  ],
);

/**
 * A course, lesson, quiz question, programme or event aligned to a competency at a level. One
 * column per target kind so each is a real foreign key; exactly one is set.
 */
export const competencyAlignments = pgTable(
  "competency_alignments",
  {
    id: uuid().primaryKey().defaultRandom(),
    itemId: uuid()
      .notNull()
      .references(() => competencyItems.id, { onDelete: "cascade" }),
    levelId: uuid().references(() => competencyLevels.id, { onDelete: "set null" }),
    target: text({ enum: alignmentTargets }).notNull(),
    courseId: uuid().references(() => courses.id, { onDelete: "cascade" }),
    lessonId: uuid().references(() => lessons.id, { onDelete: "cascade" }),
    questionId: uuid().references(() => quizQuestions.id, { onDelete: "cascade" }),
    programmeId: uuid().references(() => programmes.id, { onDelete: "cascade" }),
    eventId: uuid().references(() => events.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "competency_alignments_one_target_check",
      sql`num_nonnulls(${t.courseId}, ${t.lessonId}, ${t.questionId}, ${t.programmeId}, ${t.eventId}) = 1`,
    ),
    uniqueIndex("competency_alignments_target_key").on(
      t.itemId,
      t.target,
      sql`coalesce(${t.courseId}, ${t.lessonId}, ${t.questionId}, ${t.programmeId}, ${t.eventId})`,
    ),
    index("competency_alignments_course_idx").on(t.courseId),
    index("competency_alignments_programme_idx").on(t.programmeId),
  ],
);
