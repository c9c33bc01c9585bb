import { sql } from "drizzle-orm";
import { bigint, char, check, index, integer, pgSequence, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "../identity/schema.ts";
import { centres, facilities, organisations } from "../network/schema.ts";
import {
  affiliationStatuses,
  checkInMethods,
  eventKinds,
  eventModes,
  eventStatuses,
  eventTranslationStatuses,
  organiserRoles,
  registrationStatuses,
} from "./dto.ts";

/** The mail a registration is owed (see notices.ts); a reminder is tracked by `reminderSentAt` instead. */
/**
 * Mails a registration may be owed: `cancelled` when the event is called off, `updated` when its
 * time or place changes, `withdrawn` when the person gives up their place.
 */
export const eventNotices = ["registered", "waitlisted", "promoted", "cancelled", "updated", "withdrawn"] as const;
export type EventNotice = (typeof eventNotices)[number];

/**
 * A live event run by a centre: a webinar, workshop, training session, policy dialogue... Times are
 * instants (UTC); `timeZone` is the organiser's IANA zone, kept to show their local time and to
 * read the times staff type in. Other modules link to events (a cohort's sessions) by `events.id`.
 */
export const events = pgTable(
  "events",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    kind: text({ enum: eventKinds }).notNull(),
    centreId: uuid()
      .notNull()
      .references(() => centres.organisationId),
    /** The language the event was announced in: its text must exist and is the fallback. */
    defaultLocale: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    timeZone: text().notNull(),
    mode: text({ enum: eventModes }).notNull(),
    /** Revealed only to registered participants and staff. */
    joinUrl: text(),
    facilityId: uuid().references(() => facilities.id, { onDelete: "set null" }),
    venue: text(),
    languages: text().array().notNull().default(sql`'{}'::text[]`),
    interpretationLanguages: text().array().notNull().default(sql`'{}'::text[]`),
    /** Null: no limit. */
    capacity: integer(),
    /**
     * Places taken: the registrations with status 'registered', changed only under the event's row
     * lock, so deciding a registration reads this instead of counting rows.
     */
    registeredCount: integer().notNull().default(0),
    registrationOpensAt: timestamp({ withTimezone: true }),
    registrationClosesAt: timestamp({ withTimezone: true }),
    status: text({ enum: eventStatuses }).notNull().default("scheduled"),
    /** Shown at the event (and in its QR code) so participants check themselves in. */
    checkInCode: text().notNull(),
    /**
     * The iCalendar SEQUENCE: raised when the time or place changes or the event is cancelled, so
     * calendars that imported the event take the mailed change instead of ignoring it.
     */
    sequence: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "events_kind_check",
      sql`${t.kind} in ('webinar', 'workshop', 'training_session', 'policy_dialogue', 'launch_ceremony', 'partnership_meeting', 'conference')`,
    ),
    check("events_mode_check", sql`${t.mode} in ('online', 'on_site', 'hybrid')`),
    check("events_status_check", sql`${t.status} in ('scheduled', 'cancelled')`),
    check("events_times_check", sql`${t.endsAt} > ${t.startsAt}`),
    check("events_capacity_check", sql`${t.capacity} is null or ${t.capacity} >= 1`),
    index("events_starts_at_idx").on(t.startsAt),
    index("events_centre_idx").on(t.centreId, t.startsAt),
  ],
);

/** The event's title and description in one language, with a translation status like courses. */
export const eventTranslations = pgTable(
  "event_translations",
  {
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    locale: text().notNull(),
    title: text().notNull(),
    description: text().notNull().default(""),
    status: text({ enum: eventTranslationStatuses }).notNull().default("ready"),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.locale] }),
    check("event_translations_status_check", sql`${t.status} in ('missing', 'draft', 'ready')`),
  ],
);

/** Organisations that run the event with its centre, each in a role. */
export const eventOrganisers = pgTable(
  "event_organisers",
  {
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    role: text({ enum: organiserRoles }).notNull(),
    position: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.organisationId] }), index("event_organisers_organisation_idx").on(t.organisationId)],
);

/** Orders a waiting list: taken under the event's row lock, so it follows the order of arrival. */
export const registrationQueue = pgSequence("event_registration_queue");

/**
 * One person's place at an event. A cancelled registration keeps its row (one per person and
 * event, enforced by the database); registering again reuses it at the back of the queue.
 */
export const eventRegistrations = pgTable(
  "event_registrations",
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text({ enum: registrationStatuses }).notNull(),
    queue: bigint({ mode: "number" }).notNull().default(sql`nextval('event_registration_queue')`),
    /** The institution the participant comes from, for the reports; null: unaffiliated. */
    organisationId: uuid().references(() => organisations.id, { onDelete: "set null" }),
    /** Whether the organisation confirmed it (dto.ts `affiliationStatuses`); null without an organisation. */
    affiliation: text({ enum: affiliationStatuses }),
    country: char({ length: 2 }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    attendedAt: timestamp({ withTimezone: true }),
    checkInMethod: text({ enum: checkInMethods }),
    /** A message the participant is owed (confirmation, waiting list, promotion); cleared once sent. */
    pendingNotice: text({ enum: eventNotices }),
    reminderSentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique("event_registrations_event_user_key").on(t.eventId, t.userId),
    check("event_registrations_status_check", sql`${t.status} in ('registered', 'waitlisted', 'cancelled')`),
    check(
      "event_registrations_affiliation_check",
      sql`${t.affiliation} is null or ${t.affiliation} in ('confirmed', 'pending', 'declined')`,
    ),
    index("event_registrations_affiliation_idx").on(t.organisationId).where(sql`${t.affiliation} = 'pending'`),
    check("event_registrations_check_in_check", sql`${t.checkInMethod} is null or ${t.checkInMethod} in ('staff', 'code')`),
    index("event_registrations_queue_idx").on(t.eventId, t.status, t.queue),
    index("event_registrations_user_idx").on(t.userId),
    index("event_registrations_pending_idx").on(t.pendingNotice).where(sql`${t.pendingNotice} is not null`),
    // The home page's "educators reached": distinct people who attended, read from this alone, not every registration.
    index("event_registrations_attended_idx").on(t.userId).where(sql`${t.attendedAt} is not null`),
  ],
);

/**
 * The secret of a person's calendar feed URL. Kept readable (not hashed) because the My events page
 * shows the address again; it grants read access to that person's event list only.
 */
export const eventCalendarFeeds = pgTable("event_calendar_feeds", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  token: text().notNull().unique(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Check-in code attempts per key (a person at an event, or a client address) and time bucket, in
 * the database so the limit holds across app servers. A right code gives its attempt back, so
 * only wrong guesses use up the allowance.
 */
export const eventCheckInAttempts = pgTable(
  "event_check_in_attempts",
  {
    key: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);
