import { z } from "zod";

import { slugSchema } from "../shared/slugs.ts";
import { displayName, multiLine } from "../shared/text.ts";
import { contentLocaleSchema, emailSchema, nameSchema } from "../shared/validation.ts";
import { cohortStatuses, enrolmentModes, nominationStatuses, programmeStatuses } from "./dto.ts";

const title = displayName(z.string().trim().min(2).max(200));
const description = multiLine(z.string().trim().max(10_000));
const audience = multiLine(z.string().trim().max(1000));
const isoDate = z.iso.date();

export const programmeCoursesSchema = z
  .array(z.object({ courseId: z.uuid(), required: z.boolean().default(true) }).strict())
  .max(40)
  .refine((list) => new Set(list.map((c) => c.courseId)).size === list.length, "programmes.field.courseTwice");

export const programmeInputSchema = z
  .object({
    slug: slugSchema.optional(),
    ownerCentreId: z.uuid(),
    defaultLocale: contentLocaleSchema,
    status: z.enum(programmeStatuses).default("draft"),
    title,
    description: description.default(""),
    targetAudience: audience.default(""),
    courses: programmeCoursesSchema.default([]),
  })
  .strict();
export type ProgrammeInput = z.input<typeof programmeInputSchema>;

/** Changes what it names; texts in the default language, others through translations. */
export const programmePatchSchema = z
  .object({
    slug: slugSchema,
    status: z.enum(programmeStatuses),
    title,
    description,
    targetAudience: audience,
    courses: programmeCoursesSchema,
  })
  .partial()
  .strict();
export type ProgrammePatch = z.input<typeof programmePatchSchema>;

export const programmeTranslationSchema = z
  .object({ title, description: description.default(""), targetAudience: audience.default(""), status: z.enum(["draft", "ready"]) })
  .strict();
export type ProgrammeTranslationInput = z.input<typeof programmeTranslationSchema>;

export const programmeFiltersSchema = z
  .object({
    centre: slugSchema.optional(),
    q: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();
export type ProgrammeFilters = z.input<typeof programmeFiltersSchema>;

const cohortFields = z
  .object({
    name: displayName(z.string().trim().min(2).max(120)),
    startsOn: isoDate,
    endsOn: isoDate,
    locale: contentLocaleSchema,
    capacity: z.number().int().min(1).max(100_000),
    enrolmentMode: z.enum(enrolmentModes),
    institutionQuota: z.number().int().min(1).max(100_000).nullable(),
    status: z.enum(cohortStatuses),
    facilitatorEmails: z.array(emailSchema).max(20),
  })
  .strict();
const datesInOrder = (c: { startsOn?: string | undefined; endsOn?: string | undefined }) =>
  !c.startsOn || !c.endsOn || c.endsOn >= c.startsOn;
export const cohortInputSchema = cohortFields
  .extend({
    institutionQuota: cohortFields.shape.institutionQuota.default(null),
    status: cohortFields.shape.status.default("open"),
    facilitatorEmails: cohortFields.shape.facilitatorEmails.default([]),
  })
  .refine(datesInOrder, { path: ["endsOn"], message: "programmes.field.endsBeforeStart" });
export type CohortInput = z.input<typeof cohortInputSchema>;
/** A change names only what changes: no defaults here, or a partial change would reset the fields it leaves out. */
export const cohortPatchSchema = cohortFields
  .partial()
  .strict()
  .refine(datesInOrder, { path: ["endsOn"], message: "programmes.field.endsBeforeStart" });
export type CohortPatch = z.input<typeof cohortPatchSchema>;

export const nominationInputSchema = z
  .object({
    institutionId: z.uuid().optional(),
    name: nameSchema,
    email: emailSchema,
    department: z.string().trim().max(200).default(""),
    jobTitle: z.string().trim().max(200).default(""),
  })
  .strict();
export type NominationInput = z.input<typeof nominationInputSchema>;

export const decisionInputSchema = z
  .object({ nominationIds: z.array(z.uuid()).min(1).max(5000), decision: z.enum(["approved", "declined"]) })
  .strict();
export type DecisionInput = z.input<typeof decisionInputSchema>;

export const nominationFiltersSchema = z
  .object({ status: z.enum(nominationStatuses).optional(), institutionId: z.uuid().optional() })
  .strict();

export const invitationInputSchema = z.object({ emails: z.array(emailSchema).min(1).max(500) }).strict();

/** The query string of the institution report: all optional; dates are days, both ends included. */
export const institutionReportFiltersSchema = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    programme: z.union([z.uuid(), slugSchema]).optional().describe("A programme's id or slug"),
  })
  .strict();
export type InstitutionReportFilters = z.input<typeof institutionReportFiltersSchema>;

export const institutionReportFiltersInOrder = institutionReportFiltersSchema.refine((f) => !f.from || !f.to || f.from <= f.to, {
  path: ["to"],
  message: "programmes.institutionReport.toBeforeFrom",
});
