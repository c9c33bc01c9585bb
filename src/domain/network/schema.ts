import { sql } from "drizzle-orm";
import {
  char,
  check,
  doublePrecision,
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
import type { LocalisedText } from "../../i18n/locales.ts";
import { centreStatuses, facilityKinds, governanceRoles, organisationKinds, sitePageSlugs } from "./dto.ts";

/** Every institution in the network: the institute, centres, universities, ministries, partners. */
export const organisations = pgTable(
  "organisations",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    kind: text({ enum: organisationKinds }).notNull(),
    /** The canonical name: unique regardless of case, and the fallback for missing translations. */
    name: text().notNull(),
    names: jsonb().$type<LocalisedText>().notNull().default({}),
    country: char({ length: 2 }),
    city: text(),
    website: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("organisations_name_lower_idx").on(sql`lower(${t.name})`), index("organisations_kind_idx").on(t.kind)],
);

/**
 * The centre details of an organisation of kind national_centre or training_centre. References to
 * other organisations restrict their deletion: an institution still named here is in use.
 */
export const centres = pgTable(
  "centres",
  {
    organisationId: uuid()
      .primaryKey()
      .references(() => organisations.id, { onDelete: "cascade" }),
    ordinal: integer().unique(),
    hostOrganisationId: uuid().references(() => organisations.id),
    operatorOrganisationId: uuid().references(() => organisations.id),
    languages: text().array().notNull().default(sql`'{}'::text[]`),
    establishedOn: text(),
    focusAreas: text().array().notNull().default(sql`'{}'::text[]`),
    status: text({ enum: centreStatuses }).notNull().default("active"),
    /** Derived from the country on every write, stored so the directory can filter on it. */
    subregion: text().notNull(),
    /** The host city's position when known; null means the country's position is shown. */
    latitude: doublePrecision(),
    longitude: doublePrecision(),
  },
  (t) => [index("centres_subregion_idx").on(t.subregion)],
);

export const centreFoundingPartners = pgTable(
  "centre_founding_partners",
  {
    centreId: uuid()
      .notNull()
      .references(() => centres.organisationId, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    position: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.centreId, t.organisationId] })],
);

/** An institution in a centre's national network. */
export const memberships = pgTable(
  "memberships",
  {
    id: uuid().primaryKey().defaultRandom(),
    centreId: uuid()
      .notNull()
      .references(() => centres.organisationId, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    joinedOn: text(),
    agreement: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("memberships_centre_organisation_key").on(t.centreId, t.organisationId),
    index("memberships_organisation_idx").on(t.organisationId),
  ],
);

/** Smart classrooms and other facilities at a centre. */
export const facilities = pgTable(
  "facilities",
  {
    id: uuid().primaryKey().defaultRandom(),
    centreId: uuid()
      .notNull()
      .references(() => centres.organisationId, { onDelete: "cascade" }),
    kind: text({ enum: facilityKinds }).notNull().default("smart_classroom"),
    name: text().notNull(),
    inauguratedOn: text(),
    partners: text().array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("facilities_centre_idx").on(t.centreId)],
);

/** Who held a network role in a year: an organisation (rotating presidency) or a named person. */
export const governanceTerms = pgTable(
  "governance_terms",
  {
    id: uuid().primaryKey().defaultRandom(),
    year: integer().notNull(),
    role: text({ enum: governanceRoles }).notNull(),
    holderOrganisationId: uuid().references(() => organisations.id),
    holderName: text(),
  },
  (t) => [
    check("governance_terms_holder_check", sql`${t.holderOrganisationId} is not null or ${t.holderName} is not null`),
    index("governance_terms_year_idx").on(t.year),
    // One president a year; secretariat posts may be shared (several regional coordinators).
    uniqueIndex("governance_terms_presidency_year_key").on(t.year).where(sql`${t.role} = 'rotating_presidency'`),
  ],
);

/** The footer's pages (privacy, terms, accessibility, contact), one row per language written. */
export const sitePages = pgTable(
  "site_pages",
  {
    slug: text({ enum: sitePageSlugs }).notNull(),
    locale: text().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.slug, t.locale] })],
);
