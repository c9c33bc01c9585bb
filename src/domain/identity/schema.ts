import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations } from "../network/schema.ts";
import { roles, tokenScopes } from "../shared/actor.ts";

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    locale: text().notNull().default("en"),
    /** The IANA zone the person reads times in; null until they choose one. */
    timeZone: text(),
    /** When the person last proved the address theirs (a sign-up or reset link); null: not yet, and marked so. */
    emailVerifiedAt: timestamp({ withTimezone: true }),
    /** What the person says of themselves, shown where people appear; all optional. */
    affiliation: text(),
    position: text(),
    /** ISO 3166-1 alpha-2, named in the reader's language on pages. */
    country: text(),
    /** Languages they read or teach in (ISO 639 codes), in their order. */
    languages: text().array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`)],
);

/** A role held globally (organisation_id null) or within one organisation. */
export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text({ enum: roles }).notNull(),
    /** The organisation the role is scoped to; null for a global role. */
    organisationId: uuid().references(() => organisations.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("role_assignments_unique_idx").on(
      t.userId,
      t.role,
      sql`coalesce(${t.organisationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    index("role_assignments_user_idx").on(t.userId),
  ],
);

/** Browser sessions; only a SHA-256 of the cookie value is stored. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Personal API tokens (Bearer); only a SHA-256 of the token is stored. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    tokenHash: text().notNull().unique(),
    /** What the token may do (shared/actor.ts `tokenScopes`); tokens made before scopes existed are `write`. */
    scope: text({ enum: tokenScopes }).notNull().default("write"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    /** Every token ends (at most a year after it was made); tokens from before were given 90 days from the migration. */
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

export const passwordResets = pgTable("password_resets", {
  tokenHash: text().primaryKey(),
  userId: uuid()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
});

export const emailVerificationPurposes = ["sign_up", "change"] as const;

/**
 * A link mailed to prove an address: at sign-up (the account's own address) or for a change (the
 * new address, which replaces the old one only when the link is used). Only a SHA-256 of the token is stored.
 */
export const emailVerifications = pgTable(
  "email_verifications",
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text().notNull(),
    purpose: text({ enum: emailVerificationPurposes }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("email_verifications_user_idx").on(t.userId)],
);

/**
 * Failed sign-ins per key (an email or a client address) and time bucket; in the database so
 * the limit holds across any number of app servers.
 */
export const loginFailures = pgTable(
  "login_failures",
  {
    key: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);
