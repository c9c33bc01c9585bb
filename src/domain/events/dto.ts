import { z } from "zod";
import { organisationRef } from "../network/dto.ts";
import { page } from "../shared/dto.ts";

/**
 * The events module's contract. Times are ISO instants (UTC); `timeZone` is the organiser's IANA
 * zone. Texts exist per language: the reader's when ready, else the event's default language, and
 * `shownLocale` says which one they got. The HTTP routes answer with these schemas.
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

/** How attendance was recorded: by the event's staff, or by the participant with the code shown at the event. */
/**
 * Whether an organisation stands behind a registration made in its name: `confirmed` when the
 * person holds a role there or its administrators said so, `pending` until they decide,
 * `declined` when they said no. Only confirmed ones count in the institution's report.
 */
export const affiliationStatuses = ["confirmed", "pending", "declined"] as const;
export type AffiliationStatus = (typeof affiliationStatuses)[number];

export const checkInMethods = ["staff", "code"] as const;
export type CheckInMethod = (typeof checkInMethods)[number];

export const eventSummaryDto = z.object({
  id: z.uuid(),
  slug: z.string(),
  kind: z.enum(eventKinds),
  title: z.string(),
  shownLocale: z.string().describe("Language of title and description: the reader's when ready, else defaultLocale"),
  defaultLocale: z.string(),
  centre: organisationRef,
  startsAt: z.string().describe("UTC instant"),
  endsAt: z.string().describe("UTC instant"),
  timeZone: z.string().describe("The organiser's IANA time zone"),
  mode: z.enum(eventModes),
  venue: z.string().nullable(),
  facility: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  languages: z.array(z.string()),
  interpretationLanguages: z.array(z.string()),
  capacity: z.number().int().nullable(),
  registeredCount: z.number().int(),
  waitlistCount: z.number().int(),
  registrationOpensAt: z.string().nullable(),
  registrationClosesAt: z.string().nullable(),
  status: z.enum(eventStatuses),
});
export type EventSummaryDto = z.infer<typeof eventSummaryDto>;

/** The signed-in person's own registration; `waitlistPosition` is 1 for the first person waiting, null unless waitlisted. */
export const myRegistration = z.object({
  id: z.uuid(),
  status: z.enum(registrationStatuses),
  waitlistPosition: z.number().int().nullable(),
  attendedAt: z.string().nullable(),
});
export type MyRegistrationDto = z.infer<typeof myRegistration>;

export const registrationDto = myRegistration.extend({ eventId: z.uuid() });
export type RegistrationDto = z.infer<typeof registrationDto>;

export const eventDto = eventSummaryDto.extend({
  description: z.string(),
  organisers: z.array(z.object({ organisation: organisationRef, role: z.enum(organiserRoles) })),
  translations: z.array(z.object({ locale: z.string(), status: z.enum(eventTranslationStatuses) })),
  joinUrl: z.string().nullable().describe("Only for registered participants and the event's staff"),
  checkInCode: z.string().nullable().describe("Only for the event's staff"),
  myRegistration: myRegistration.nullable(),
  registrationOpen: z.boolean(),
  canManage: z.boolean(),
});
export type EventDto = z.infer<typeof eventDto>;

export const eventPage = page(eventSummaryDto);

/** A row of the staff's registration list (and of the participant files). */
export const registrationRow = registrationDto.extend({
  name: z.string(),
  email: z.string(),
  institution: organisationRef.nullable(),
  country: z.string().nullable(),
  registeredAt: z.string(),
  checkInMethod: z.enum(checkInMethods).nullable(),
});
export type RegistrationRowDto = z.infer<typeof registrationRow>;

export const registrationPage = page(registrationRow);
export type RegistrationPage = z.infer<typeof registrationPage>;

/** Participants per institution (key "unaffiliated" for those without one) or per country code (key "unknown"). */
export const bucket = z.object({
  key: z.string(),
  label: z.string(),
  registered: z.number().int(),
  waitlisted: z.number().int(),
  attended: z.number().int(),
});
export type ReportBucket = z.infer<typeof bucket>;

/** Counts by status, and by institution and by country, largest first. */
export const reportDto = z.object({
  event: z.object({ id: z.uuid(), slug: z.string(), title: z.string(), startsAt: z.string(), timeZone: z.string() }),
  registered: z.number().int(),
  waitlisted: z.number().int(),
  attended: z.number().int(),
  cancelled: z.number().int(),
  byInstitution: z.array(bucket),
  byCountry: z.array(bucket),
});
export type EventReportDto = z.infer<typeof reportDto>;

export const myEventDto = z.object({ event: eventSummaryDto, registration: myRegistration });
export type MyEventDto = z.infer<typeof myEventDto>;

export const myEventsDto = z.object({ items: z.array(myEventDto) });

export const calendarDto = z.object({ url: z.string().describe("The secret address of the person's calendar feed (text/calendar)") });

/** An event as its staff edit it: every text, the join link and the facility, with the event as anyone sees it. */
export const eventForEditingDto = z.object({
  event: eventDto,
  texts: z.array(z.object({ locale: z.string(), title: z.string(), description: z.string(), status: z.enum(eventTranslationStatuses) })),
  joinUrl: z.string().nullable(),
  facilityId: z.uuid().nullable(),
});
export type EventForEditingDto = z.infer<typeof eventForEditingDto>;

/** The home page's figures: scheduled events that have ended, and the distinct people who attended one. */
export const eventFiguresDto = z.object({ eventsHeld: z.number().int(), educatorsReached: z.number().int() });
export type EventFigures = z.infer<typeof eventFiguresDto>;

/** A registration made in an organisation's name that waits for the organisation's answer. */
export const pendingAffiliationDto = z.object({
  id: z.uuid().describe("The registration"),
  name: z.string(),
  email: z.string(),
  event: eventSummaryDto,
  status: z.enum(registrationStatuses),
  registeredAt: z.string(),
});
export type PendingAffiliationDto = z.infer<typeof pendingAffiliationDto>;
export const affiliationDecisionDto = z.object({ id: z.uuid(), affiliation: z.enum(affiliationStatuses) });
