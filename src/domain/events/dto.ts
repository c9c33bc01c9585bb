import type { OrganisationRef, Page } from "../network/dto.ts";

/**
 * The events module's contract. Times are ISO instants (UTC); `timeZone` is the organiser's IANA
 * zone. Texts exist per language: the reader's when ready, else the event's default language, and
 * `shownLocale` says which one they got.
 */
export const eventKinds = [
  "webinar",
  "workshop",
  "training_session",
  "policy_dialogue",
  "launch_ceremony",
  "partnership_meeting",
  "conference",
] as const;
export type EventKind = (typeof eventKinds)[number];

export const eventModes = ["online", "on_site", "hybrid"] as const;
export type EventMode = (typeof eventModes)[number];

export const eventStatuses = ["scheduled", "cancelled"] as const;
export type EventStatus = (typeof eventStatuses)[number];

export const organiserRoles = ["host", "co_organiser", "partner", "sponsor"] as const;
export type OrganiserRole = (typeof organiserRoles)[number];

export const registrationStatuses = ["registered", "waitlisted", "cancelled"] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

export const eventTranslationStatuses = ["missing", "draft", "ready"] as const;
export type EventTranslationStatus = (typeof eventTranslationStatuses)[number];

export const eventPeriods = ["upcoming", "past"] as const;
export type EventPeriod = (typeof eventPeriods)[number];

export type EventSummaryDto = {
  id: string;
  slug: string;
  kind: EventKind;
  title: string;
  /** The language of `title` (and `description`): the reader's when ready, else `defaultLocale`. */
  shownLocale: string;
  defaultLocale: string;
  centre: OrganisationRef;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  mode: EventMode;
  venue: string | null;
  facility: { id: string; name: string } | null;
  languages: string[];
  interpretationLanguages: string[];
  capacity: number | null;
  registeredCount: number;
  waitlistCount: number;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  status: EventStatus;
};

export type MyRegistrationDto = {
  id: string;
  status: RegistrationStatus;
  /** 1 for the first person waiting; null unless waitlisted. */
  waitlistPosition: number | null;
  attendedAt: string | null;
};

export type EventDto = EventSummaryDto & {
  description: string;
  organisers: { organisation: OrganisationRef; role: OrganiserRole }[];
  translations: { locale: string; status: EventTranslationStatus }[];
  /** Only for registered participants and the event's staff. */
  joinUrl: string | null;
  /** Only for the event's staff: what participants type (or scan) to check in. */
  checkInCode: string | null;
  myRegistration: MyRegistrationDto | null;
  /** Whether registering is possible now (scheduled, within the window, not over). */
  registrationOpen: boolean;
  canManage: boolean;
};

export type RegistrationDto = MyRegistrationDto & { eventId: string };

/** A row of the staff's registration list. */
export type RegistrationRowDto = MyRegistrationDto & {
  eventId: string;
  name: string;
  email: string;
  institution: OrganisationRef | null;
  country: string | null;
  registeredAt: string;
  checkInMethod: "staff" | "code" | null;
};

export type MyEventDto = { event: EventSummaryDto; registration: MyRegistrationDto };

export type ReportBucket = { key: string; label: string; registered: number; waitlisted: number; attended: number };

export type EventReportDto = {
  event: { id: string; slug: string; title: string; startsAt: string; timeZone: string };
  registered: number;
  waitlisted: number;
  attended: number;
  cancelled: number;
  /** Per institution (key "unaffiliated" for participants without one), largest first. */
  byInstitution: ReportBucket[];
  /** Per country code (key "unknown" when none is known), largest first. */
  byCountry: ReportBucket[];
};

export type EventFigures = { eventsHeld: number; educatorsReached: number };

export type EventFilters = {
  centre?: string | undefined;
  kind?: EventKind | undefined;
  language?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  period?: EventPeriod | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
};

export type { Page };
