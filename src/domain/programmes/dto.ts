import type { OrganisationRef, Page } from "../network/dto.ts";

/**
 * The programmes module's contract. Programme texts exist per language like courses: a reader
 * gets their language when its translation is ready, else the programme's default language, and
 * `shownLocale` says which one they got.
 */
export const programmeStatuses = ["draft", "published", "archived"] as const;
export type ProgrammeStatus = (typeof programmeStatuses)[number];

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

export type ProgrammeSummaryDto = {
  id: string;
  slug: string;
  title: string;
  targetAudience: string;
  shownLocale: string;
  defaultLocale: string;
  /** Languages whose translation is ready, the default first. */
  languages: string[];
  owner: OrganisationRef;
  status: ProgrammeStatus;
  courseCount: number;
  /** The next cohort that has not ended, if any. */
  nextCohort: { id: string; startsOn: string; enrolmentMode: EnrolmentMode; locale: string } | null;
};

export type ProgrammeCourseDto = { id: string; slug: string; title: string; shownLocale: string; position: number; required: boolean };

export type CohortSummaryDto = {
  id: string;
  programmeId: string;
  name: string;
  startsOn: string;
  endsOn: string;
  locale: string;
  capacity: number;
  enrolmentMode: EnrolmentMode;
  institutionQuota: number | null;
  status: CohortStatus;
  participantCount: number;
  seatsLeft: number;
};

export type ProgrammeDto = ProgrammeSummaryDto & {
  description: string;
  translations: { locale: string; status: "missing" | "draft" | "ready" }[];
  courses: ProgrammeCourseDto[];
  cohorts: CohortSummaryDto[];
  /** The reader may edit the programme and run its cohorts. */
  canManage: boolean;
};

export type CourseProgressDto = {
  courseId: string;
  title: string;
  required: boolean;
  lessonsDone: number;
  lessonsTotal: number;
  completed: boolean;
};

export type SessionDto = { eventId: string; slug: string; title: string; startsAt: string; endsAt: string; timeZone: string };

export type ParticipantDto = {
  userId: string;
  name: string;
  email: string;
  institution: OrganisationRef | null;
  source: EnrolmentMode;
  enrolledAt: string;
  coursesCompleted: number;
  coursesTotal: number;
};

export type CohortDto = CohortSummaryDto & {
  programme: { id: string; slug: string; title: string; shownLocale: string; owner: OrganisationRef };
  courses: ProgrammeCourseDto[];
  facilitators: { id: string; name: string }[];
  /** The facilitators' addresses, for the centre's staff only (the form that changes them). */
  facilitatorEmails: string[] | null;
  sessions: SessionDto[];
  viewer: {
    participant: boolean;
    /** The reader may join now (open mode, or invited), and there is room. */
    canEnrol: boolean;
    canManage: boolean;
    /** Institutions the reader may nominate staff from for this cohort. */
    nominatingFor: OrganisationRef[];
  };
  /** The reader's own progress, when they take part. */
  progress: CourseProgressDto[] | null;
  /** Everyone taking part, for the centre's staff only. */
  participants: ParticipantDto[] | null;
};

export type NominationDto = {
  id: string;
  cohortId: string;
  user: { id: string; name: string; email: string };
  institution: OrganisationRef;
  department: string;
  jobTitle: string;
  status: NominationStatus;
  createdAt: string;
  decidedAt: string | null;
};

export type QuotaDto = { limit: number; used: number; left: number };

export type NominationPreviewRowDto = {
  line: number;
  name: string;
  email: string;
  department: string;
  jobTitle: string;
  problems: NominationProblem[];
  /** The address already has an Orbis account (it is linked, not created). */
  hasAccount: boolean;
};

export type NominationPreviewDto = {
  uploadId: string;
  cohortId: string;
  institution: OrganisationRef;
  fileName: string;
  rows: NominationPreviewRowDto[];
  validCount: number;
  problemCount: number;
  quota: QuotaDto | null;
};

export type NominationConfirmationDto = { nominated: number; accountsCreated: number; skipped: number };

export type ReportCounts = {
  nominated: number;
  approved: number;
  enrolled: number;
  /** People who left the cohort or were removed from it (they no longer count as enrolled). */
  withdrawn: number;
  /** Participants who completed every required course. */
  completed: number;
  coursesCompleted: number;
  sessionsAttended: number;
};

export type ReportPersonDto = {
  name: string;
  email: string;
  institution: string;
  country: string | null;
  department: string;
  jobTitle: string;
  nomination: NominationStatus | null;
  enrolled: boolean;
  withdrawn: boolean;
  coursesCompleted: number;
  coursesTotal: number;
  sessionsAttended: number;
  sessionsTotal: number;
};

export type CohortReportDto = {
  cohort: { id: string; name: string; programmeTitle: string; startsOn: string; endsOn: string };
  /** Limited to the reader's institution for institution administrators. */
  scope: "cohort" | "institution";
  coursesTotal: number;
  sessionsTotal: number;
  totals: ReportCounts;
  byInstitution: (ReportCounts & { institution: OrganisationRef | null })[];
  byCountry: (ReportCounts & { country: string | null })[];
  people: ReportPersonDto[];
};

/** Where one person stands in one cohort, as far as the institution is concerned. */
export const institutionCohortStatuses = [...nominationStatuses, "enrolled"] as const;
export type InstitutionCohortStatus = (typeof institutionCohortStatuses)[number];

export type ProgrammeRef = { id: string; slug: string; title: string };

export type InstitutionPersonCohortDto = {
  cohortId: string;
  cohortName: string;
  programme: ProgrammeRef;
  startsOn: string;
  endsOn: string;
  status: InstitutionCohortStatus;
  /** Every required course of the programme completed. */
  completed: boolean;
  coursesCompleted: number;
  coursesTotal: number;
  sessionsAttended: number;
  sessionsTotal: number;
};

export type InstitutionPersonDto = {
  userId: string;
  name: string;
  email: string;
  department: string;
  jobTitle: string;
  cohorts: InstitutionPersonCohortDto[];
  /** Events they registered for on the institution's behalf (cancelled registrations and events left out). */
  events: { registered: number; waitlisted: number; attended: number; lastAttendedAt: string | null };
};

export type InstitutionReportTotals = {
  people: number;
  /** People nominated for at least one cohort. */
  nominated: number;
  /** People taking part in at least one cohort. */
  enrolled: number;
  /** People who completed every required course of at least one cohort. */
  completedProgramme: number;
  eventRegistrations: number;
  eventsAttended: number;
};

export type InstitutionReportDto = {
  institution: OrganisationRef;
  filters: { from: string | null; to: string | null; programme: ProgrammeRef | null };
  /** Programmes the institution's staff were nominated for or take part in, for the filter. */
  programmes: ProgrammeRef[];
  totals: InstitutionReportTotals;
  /** Cohorts counted in the month they start, events in the month they take place. */
  byMonth: { month: string; nominated: number; enrolled: number; eventsAttended: number }[];
  byProgramme: { programme: ProgrammeRef; nominated: number; enrolled: number; completed: number }[];
  people: InstitutionPersonDto[];
};

export type { Page };
