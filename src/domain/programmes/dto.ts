import { z } from "zod";
import { organisationRef } from "../network/dto.ts";
import { page } from "../shared/dto.ts";

/**
 * The programmes module's contract: the answers of its service, as the API documents them (the
 * HTTP routes use these schemas as response schemas). Programme texts exist per language like
 * courses: a reader gets their language when its translation is ready, else the programme's
 * default language, and `shownLocale` says which one they got.
 */
export const programmeStatuses = ["draft", "published", "archived"] as const;
export type ProgrammeStatus = (typeof programmeStatuses)[number];

export const translationStatuses = ["missing", "draft", "ready"] as const;

export const enrolmentModes = ["open", "nomination", "invitation"] as const;
export type EnrolmentMode = (typeof enrolmentModes)[number];

export const cohortStatuses = ["planned", "open", "closed", "completed", "cancelled"] as const;
export type CohortStatus = (typeof cohortStatuses)[number];

/** `withdrawn`: approved, then the person left the cohort or the centre removed them. */
export const nominationStatuses = ["pending", "approved", "declined", "withdrawn"] as const;
export type NominationStatus = (typeof nominationStatuses)[number];

/** What can be wrong with one row of a nomination list. */
export const nominationProblems = [
  "missing_name",
  "name_too_long",
  "invalid_email",
  "duplicate_in_file",
  "already_nominated",
  "already_enrolled",
  "over_quota",
] as const;
export type NominationProblem = (typeof nominationProblems)[number];

/** Where one person stands in one cohort, as far as the institution is concerned. */
export const institutionCohortStatuses = [...nominationStatuses, "enrolled"] as const;
export type InstitutionCohortStatus = (typeof institutionCohortStatuses)[number];

export const programmeSummaryDto = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  targetAudience: z.string(),
  shownLocale: z.string().describe("Language of the texts: the reader's when ready, else defaultLocale"),
  defaultLocale: z.string(),
  languages: z.array(z.string()),
  owner: organisationRef,
  status: z.enum(programmeStatuses),
  courseCount: z.number().int(),
  nextCohort: z.object({ id: z.uuid(), startsOn: z.string(), enrolmentMode: z.enum(enrolmentModes), locale: z.string() }).nullable(),
});
export type ProgrammeSummaryDto = z.infer<typeof programmeSummaryDto>;

export const programmePageDto = page(programmeSummaryDto);

export const programmeCourseDto = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  shownLocale: z.string(),
  position: z.number().int(),
  required: z.boolean(),
});
export type ProgrammeCourseDto = z.infer<typeof programmeCourseDto>;

export const cohortSummaryDto = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  locale: z.string(),
  capacity: z.number().int(),
  enrolmentMode: z.enum(enrolmentModes),
  institutionQuota: z.number().int().nullable(),
  status: z.enum(cohortStatuses),
  participantCount: z.number().int(),
  seatsLeft: z.number().int(),
});
export type CohortSummaryDto = z.infer<typeof cohortSummaryDto>;

export const programmeDto = programmeSummaryDto.extend({
  description: z.string(),
  translations: z.array(z.object({ locale: z.string(), status: z.enum(translationStatuses) })),
  courses: z.array(programmeCourseDto),
  cohorts: z.array(cohortSummaryDto),
  canManage: z.boolean(),
});
export type ProgrammeDto = z.infer<typeof programmeDto>;

export const sessionDto = z.object({
  eventId: z.uuid(),
  slug: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
});
export type SessionDto = z.infer<typeof sessionDto>;

export const courseProgressDto = z.object({
  courseId: z.uuid(),
  title: z.string(),
  required: z.boolean(),
  lessonsDone: z.number().int(),
  lessonsTotal: z.number().int(),
  completed: z.boolean(),
});
export type CourseProgressDto = z.infer<typeof courseProgressDto>;

export const participantDto = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  institution: organisationRef.nullable(),
  source: z.enum(enrolmentModes),
  enrolledAt: z.string(),
  coursesCompleted: z.number().int(),
  coursesTotal: z.number().int(),
});
export type ParticipantDto = z.infer<typeof participantDto>;

export const cohortDto = cohortSummaryDto.extend({
  programme: z.object({ id: z.uuid(), slug: z.string(), title: z.string(), shownLocale: z.string(), owner: organisationRef }),
  courses: z.array(programmeCourseDto),
  facilitators: z.array(z.object({ id: z.uuid(), name: z.string() })),
  facilitatorEmails: z.array(z.string()).nullable().describe("For the centre's staff only"),
  sessions: z.array(sessionDto),
  viewer: z.object({
    participant: z.boolean(),
    /** The reader may join now (open mode, or invited), and there is room. */
    canEnrol: z.boolean(),
    canManage: z.boolean(),
    /** Institutions the reader may nominate staff from for this cohort. */
    nominatingFor: z.array(organisationRef),
  }),
  progress: z.array(courseProgressDto).nullable().describe("The reader's own progress, when they take part"),
  participants: z.array(participantDto).nullable().describe("For the centre's staff only"),
});
export type CohortDto = z.infer<typeof cohortDto>;

/** A cohort an institution may nominate for, with its programme, for the institution administrators' page. */
export const nominationCohortDto = cohortSummaryDto.extend({ programmeTitle: z.string(), programmeSlug: z.string() });
export type NominationCohortDto = z.infer<typeof nominationCohortDto>;

export const invitationResultDto = z.object({ invited: z.number().int() });
export type InvitationResultDto = z.infer<typeof invitationResultDto>;

export const nominationDto = z.object({
  id: z.uuid(),
  cohortId: z.uuid(),
  user: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
  institution: organisationRef,
  department: z.string(),
  jobTitle: z.string(),
  status: z.enum(nominationStatuses),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type NominationDto = z.infer<typeof nominationDto>;

export const quotaDto = z.object({ limit: z.number().int(), used: z.number().int(), left: z.number().int() });
export type QuotaDto = z.infer<typeof quotaDto>;

export const nominationPreviewRowDto = z.object({
  line: z.number().int(),
  name: z.string(),
  email: z.string(),
  department: z.string(),
  jobTitle: z.string(),
  problems: z.array(z.enum(nominationProblems)),
  /** The address already has an Orbis account (it is linked, not created). */
  hasAccount: z.boolean(),
});
export type NominationPreviewRowDto = z.infer<typeof nominationPreviewRowDto>;

export const nominationPreviewDto = z.object({
  uploadId: z.uuid().describe("Confirm with POST /nomination-uploads/{uploadId}/confirm"),
  cohortId: z.uuid(),
  institution: organisationRef,
  fileName: z.string(),
  rows: z.array(nominationPreviewRowDto),
  validCount: z.number().int(),
  problemCount: z.number().int(),
  quota: quotaDto.nullable(),
});
export type NominationPreviewDto = z.infer<typeof nominationPreviewDto>;

export const nominationConfirmationDto = z.object({
  nominated: z.number().int(),
  accountsCreated: z.number().int(),
  skipped: z.number().int(),
});
export type NominationConfirmationDto = z.infer<typeof nominationConfirmationDto>;

const counts = {
  nominated: z.number().int(),
  approved: z.number().int(),
  enrolled: z.number().int(),
  withdrawn: z.number().int().describe("People who left the cohort or were removed; not counted as enrolled"),
  completed: z.number().int().describe("Participants who completed every required course"),
  coursesCompleted: z.number().int(),
  sessionsAttended: z.number().int(),
};
export const reportCounts = z.object(counts);
export type ReportCounts = z.infer<typeof reportCounts>;

export const reportPersonDto = z.object({
  name: z.string(),
  email: z.string(),
  institution: z.string(),
  country: z.string().nullable(),
  department: z.string(),
  jobTitle: z.string(),
  nomination: z.enum(nominationStatuses).nullable(),
  enrolled: z.boolean(),
  withdrawn: z.boolean(),
  coursesCompleted: z.number().int(),
  coursesTotal: z.number().int(),
  sessionsAttended: z.number().int(),
  sessionsTotal: z.number().int(),
});
export type ReportPersonDto = z.infer<typeof reportPersonDto>;

export const cohortReportDto = z.object({
  cohort: z.object({ id: z.uuid(), name: z.string(), programmeTitle: z.string(), startsOn: z.string(), endsOn: z.string() }),
  /** Limited to the reader's institution for institution administrators. */
  scope: z.enum(["cohort", "institution"]),
  coursesTotal: z.number().int(),
  sessionsTotal: z.number().int(),
  totals: reportCounts,
  byInstitution: z.array(z.object({ institution: organisationRef.nullable(), ...counts })),
  byCountry: z.array(z.object({ country: z.string().nullable(), ...counts })),
  people: z.array(reportPersonDto),
});
export type CohortReportDto = z.infer<typeof cohortReportDto>;

export const programmeRef = z.object({ id: z.uuid(), slug: z.string(), title: z.string() });
export type ProgrammeRef = z.infer<typeof programmeRef>;

export const institutionReportTotals = z.object({
  people: z.number().int(),
  nominated: z.number().int().describe("People nominated for at least one cohort"),
  enrolled: z.number().int().describe("People taking part in at least one cohort"),
  completedProgramme: z.number().int().describe("People who completed every required course of at least one cohort"),
  eventRegistrations: z.number().int(),
  eventsAttended: z.number().int(),
});
export type InstitutionReportTotals = z.infer<typeof institutionReportTotals>;

export const institutionPersonCohortDto = z.object({
  cohortId: z.uuid(),
  cohortName: z.string(),
  programme: programmeRef,
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(institutionCohortStatuses),
  completed: z.boolean().describe("Every required course of the programme completed"),
  coursesCompleted: z.number().int(),
  coursesTotal: z.number().int(),
  sessionsAttended: z.number().int(),
  sessionsTotal: z.number().int(),
});
export type InstitutionPersonCohortDto = z.infer<typeof institutionPersonCohortDto>;

export const institutionPersonDto = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  department: z.string(),
  jobTitle: z.string(),
  cohorts: z.array(institutionPersonCohortDto),
  /** Events they registered for on the institution's behalf (cancelled registrations and events left out). */
  events: z.object({
    registered: z.number().int(),
    waitlisted: z.number().int(),
    attended: z.number().int(),
    lastAttendedAt: z.string().nullable(),
  }),
});
export type InstitutionPersonDto = z.infer<typeof institutionPersonDto>;

export const institutionReportDto = z.object({
  institution: organisationRef,
  filters: z.object({ from: z.string().nullable(), to: z.string().nullable(), programme: programmeRef.nullable() }),
  programmes: z.array(programmeRef).describe("Programmes the institution's staff were nominated for or take part in"),
  totals: institutionReportTotals,
  byMonth: z
    .array(z.object({ month: z.string(), nominated: z.number().int(), enrolled: z.number().int(), eventsAttended: z.number().int() }))
    .describe("Cohorts in the month they start, events in the month they take place"),
  byProgramme: z.array(
    z.object({ programme: programmeRef, nominated: z.number().int(), enrolled: z.number().int(), completed: z.number().int() }),
  ),
  people: z.array(institutionPersonDto),
});
export type InstitutionReportDto = z.infer<typeof institutionReportDto>;
