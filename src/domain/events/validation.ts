import { z } from "zod";
import { slugSchema } from "../shared/slugs.ts";
import { displayName, multiLine, singleLine } from "../shared/text.ts";
import { contentLocaleSchema, countryCodeSchema } from "../shared/validation.ts";
import { eventKinds, eventModes, eventPeriods, eventStatuses, eventTranslationStatuses, organiserRoles } from "./dto.ts";

/** Years an event may fall in: far enough either way for any real plan, near enough for every database and calendar. */
export const EVENT_YEARS = { min: 2000, max: 2100 } as const;

const timePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2}))?$/i;

/**
 * Whether a time names a real moment: a day the month has, an hour of the day, an offset that
 * exists. `Date` would roll 2027-02-31T25:61 over into March rather than refuse it.
 */
function isRealTime(value: string): boolean {
  const m = timePattern.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second = 0, offsetHours = 0, offsetMinutes = 0] = m.slice(1).map((part) => Number(part ?? 0));
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  return (
    month! >= 1 &&
    month! <= 12 &&
    day! >= 1 &&
    day! <= daysInMonth &&
    hour! <= 23 &&
    minute! <= 59 &&
    second <= 59 &&
    offsetHours <= 14 &&
    offsetMinutes <= 59
  );
}

const inEventYears = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= EVENT_YEARS.min && year <= EVENT_YEARS.max;
};
const yearRange = { message: "events.field.yearRange", params: { ...EVENT_YEARS }, abort: true } as const;

/** An ISO instant with Z or an offset, or a wall-clock time in the event's time zone, that exists. */
export const eventTimeSchema = z
  .string()
  .max(40)
  .refine(isRealTime, { message: "events.field.dateTime", abort: true })
  .refine(inEventYears, yearRange);

const title = displayName(singleLine(z.string().trim().min(3).max(200)));
const venue = singleLine(z.string().trim().max(300));
const description = multiLine(z.string().trim().max(5000));

export const eventTextSchema = z
  .object({ title, description: description.optional(), status: z.enum(eventTranslationStatuses).optional() })
  .strict();

const eventFields = z
  .object({
    slug: slugSchema.optional(),
    kind: z.enum(eventKinds),
    centreId: z.uuid(),
    defaultLocale: contentLocaleSchema,
    title,
    description: description.optional(),
    /** Texts in other languages; the default language's are `title` and `description`. */
    translations: z.partialRecord(contentLocaleSchema, eventTextSchema).optional(),
    startsAt: eventTimeSchema,
    endsAt: eventTimeSchema,
    timeZone: z.string().min(1).max(64),
    mode: z.enum(eventModes),
    joinUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional(),
    facilityId: z.uuid().optional(),
    venue: venue.optional(),
    languages: z.array(contentLocaleSchema).max(20).optional(),
    interpretationLanguages: z.array(contentLocaleSchema).max(20).optional(),
    capacity: z.number().int().min(1).max(1_000_000).optional(),
    registrationOpensAt: eventTimeSchema.optional(),
    registrationClosesAt: eventTimeSchema.optional(),
    organisers: z
      .array(z.object({ organisationId: z.uuid(), role: z.enum(organiserRoles) }).strict())
      .max(30)
      .optional(),
  })
  .strict();

export const eventInputSchema = eventFields;
export type EventInput = z.infer<typeof eventInputSchema>;

/** A patch changes only what it names; `null` clears an optional field; status "cancelled" cancels. */
export const eventPatchSchema = eventFields
  .omit({ centreId: true })
  .extend({
    status: z.enum(eventStatuses),
    joinUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .nullable(),
    facilityId: z.uuid().nullable(),
    venue: venue.nullable(),
    capacity: z.number().int().min(1).max(1_000_000).nullable(),
    registrationOpensAt: eventTimeSchema.nullable(),
    registrationClosesAt: eventTimeSchema.nullable(),
  })
  .partial()
  .strict();
export type EventPatch = z.infer<typeof eventPatchSchema>;

/** An event's id, or its slug in page addresses. */
export const eventRefSchema = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9-]+$/i, "validation.slug");

export const eventFiltersSchema = z
  .object({
    centre: slugSchema.optional(),
    kind: z.enum(eventKinds).optional(),
    language: contentLocaleSchema.optional(),
    from: z.iso.datetime({ offset: true }).or(z.iso.date()).refine(inEventYears, yearRange).optional(),
    to: z.iso.datetime({ offset: true }).or(z.iso.date()).refine(inEventYears, yearRange).optional(),
    period: z.enum(eventPeriods).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();
/** The calendar's filters as callers give them (`limit` and `offset` may come as query-string text). */
export type EventFilters = z.input<typeof eventFiltersSchema>;

export const registrationInputSchema = z
  .object({
    /** The institution the participant comes from, for the reports. */
    organisationId: z.uuid().optional(),
    country: countryCodeSchema.optional(),
  })
  .strict();
export type RegistrationInput = z.infer<typeof registrationInputSchema>;

export const checkInInputSchema = z.union([
  z.object({ registrationId: z.uuid() }).strict(),
  z
    .object({
      code: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9]{6}$/, "events.field.checkInCode")
        .transform((c) => c.toUpperCase()),
    })
    .strict(),
]);
export type CheckInInput = z.input<typeof checkInInputSchema>;

export const registrationFiltersSchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

/** An institution's answer to a registration made in its name. */
export const affiliationDecisionSchema = z.object({ decision: z.enum(["confirmed", "declined"]) }).strict();
export type AffiliationDecision = z.input<typeof affiliationDecisionSchema>;
