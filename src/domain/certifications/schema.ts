import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { competencyItems } from "../competencies/schema.ts";
import { users } from "../identity/schema.ts";
import { organisations } from "../network/schema.ts";
import { cohorts } from "../programmes/schema.ts";
import { awardSources, awardStatuses, certificationStatuses, evidenceStatuses, type Rule, textStatuses } from "./dto.ts";

/** A certification an organisation (the institute, a centre, an institution) awards when its rules are met. */
export const certifications = pgTable(
  "certifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    ownerOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    status: text({ enum: certificationStatuses }).notNull().default("draft"),
    defaultLocale: text().notNull(),
    /** The rule tree (dto.ts `ruleSchema`), validated on write. */
    rules: jsonb().$type<Rule>().notNull(),
    /** Months an award is valid; null: it does not expire. */
    validityMonths: integer(),
    /** Days before expiry the holder is reminded and may renew. */
    reminderDays: integer().notNull().default(30),
    /** Demo data standing in for a real programme whose modules are not public. */
    example: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("certifications_owner_idx").on(t.ownerOrganisationId),
    check("certifications_validity_check", sql`${t.validityMonths} is null or ${t.validityMonths} >= 1`),
    check("certifications_reminder_check", sql`${t.reminderDays} >= 0`),
  ],
);

export const certificationTexts = pgTable(
  "certification_texts",
  {
    certificationId: uuid()
      .notNull()
      .references(() => certifications.id, { onDelete: "cascade" }),
    locale: text().notNull(),
    title: text().notNull(),
    summary: text().notNull().default(""),
    criteria: text().notNull().default(""),
    status: text({ enum: textStatuses }).notNull().default("draft"),
  },
  (t) => [primaryKey({ columns: [t.certificationId, t.locale] })],
);

/** Competency items a certification attests (its credential's alignments). */
export const certificationAlignments = pgTable(
  "certification_alignments",
  {
    certificationId: uuid()
      .notNull()
      .references(() => certifications.id, { onDelete: "cascade" }),
    itemId: uuid()
      .notNull()
      .references(() => competencyItems.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.certificationId, t.itemId] })],
);

/**
 * One award cycle of a certification to one person. The unique (certification, person, cycle) is
 * what makes issuance idempotent: two servers that find the rules met at once insert the same
 * cycle, and only one row survives.
 */
export const certificationAwards = pgTable(
  "certification_awards",
  {
    id: uuid().primaryKey().defaultRandom(),
    certificationId: uuid()
      .notNull()
      .references(() => certifications.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    cycle: integer().notNull(),
    status: text({ enum: awardStatuses }).notNull().default("active"),
    source: text({ enum: awardSources }).notNull(),
    issuedById: uuid().references(() => users.id, { onDelete: "set null" }),
    issuedAt: timestamp({ withTimezone: true }).notNull(),
    validUntil: timestamp({ withTimezone: true }),
    statusReason: text(),
    statusChangedAt: timestamp({ withTimezone: true }),
    statusChangedById: uuid().references(() => users.id, { onDelete: "set null" }),
    reminderSentAt: timestamp({ withTimezone: true }),
    /** The signed credential of this award (credentials module). */
    credentialId: text(),
  },
  (t) => [
    unique("certification_awards_cycle_key").on(t.certificationId, t.userId, t.cycle),
    index("certification_awards_user_idx").on(t.userId),
    index("certification_awards_valid_until_idx").on(t.validUntil),
    check("certification_awards_cycle_check", sql`${t.cycle} >= 1`),
  ],
);

/** A file a learner uploaded for an evidence condition, and the assessor's decision on it against the rubric. */
export const certificationEvidence = pgTable(
  "certification_evidence",
  {
    id: uuid().primaryKey().defaultRandom(),
    certificationId: uuid()
      .notNull()
      .references(() => certifications.id, { onDelete: "cascade" }),
    conditionKey: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text({ enum: evidenceStatuses }).notNull().default("submitted"),
    storageKey: text().notNull(),
    fileName: text().notNull(),
    mimeType: text().notNull(),
    byteSize: integer().notNull(),
    sha256: text().notNull(),
    note: text().notNull().default(""),
    submittedAt: timestamp({ withTimezone: true }).notNull(),
    assessorId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Score per rubric criterion key (0 to 4). */
    scores: jsonb().$type<Record<string, number>>(),
    comment: text().notNull().default(""),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("certification_evidence_queue_idx").on(t.status, t.submittedAt),
    index("certification_evidence_user_idx").on(t.userId, t.certificationId),
  ],
);

/** A list of people to award a certification to for a cohort, kept between its preview and its confirmation. */
export const certificationBulkUploads = pgTable("certification_bulk_uploads", {
  id: uuid().primaryKey().defaultRandom(),
  certificationId: uuid()
    .notNull()
    .references(() => certifications.id, { onDelete: "cascade" }),
  cohortId: uuid()
    .notNull()
    .references(() => cohorts.id, { onDelete: "cascade" }),
  uploadedById: uuid()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  emails: jsonb().$type<{ line: number; email: string }[]>().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull(),
  confirmedAt: timestamp({ withTimezone: true }),
});
