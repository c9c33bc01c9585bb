import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { attendance } from "../events/queries.ts";
import { peopleByIds } from "../identity/queries.ts";
import type { OrganisationRef } from "../network/dto.ts";
import { organisationRefs } from "../network/queries.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { forbidden } from "../shared/errors.ts";
import type { ProgrammesContext } from "./context.ts";
import type { CohortReportDto, NominationStatus, ReportCounts, ReportPersonDto } from "./dto.ts";
import { programmeTitle } from "./mapping.ts";
import { can, organisationsWith } from "./permissions.ts";
import { courseProgress, programmeCourseList } from "./progress.ts";
import { findCohort, programmeTexts, sessionEventIds } from "./rows.ts";
import { cohortParticipants, cohortWithdrawals, nominations } from "./schema.ts";

/**
 * A cohort's report: who was nominated, who takes part and how far they got, by institution and
 * by country. An institution's administrators get the same report limited to their own staff.
 */

type Person = {
  userId: string;
  institutionId: string | null;
  department: string;
  jobTitle: string;
  nomination: NominationStatus | null;
  enrolled: boolean;
  withdrawn: boolean;
};

const emptyCounts = (): ReportCounts => ({
  nominated: 0,
  approved: 0,
  enrolled: 0,
  completed: 0,
  withdrawn: 0,
  coursesCompleted: 0,
  sessionsAttended: 0,
});

/** Everyone the report is about: nominated, taking part, or out of the cohort (within the institutions in scope, if any). */
async function peopleOf(db: Executor, cohortId: string, institutions: string[] | null): Promise<Map<string, Person>> {
  const within = (
    column: typeof nominations.institutionId | typeof cohortParticipants.institutionId | typeof cohortWithdrawals.institutionId,
  ) => (institutions ? inArray(column, institutions) : undefined);
  const [nominationRows, participantRows, withdrawalRows] = await Promise.all([
    db
      .select()
      .from(nominations)
      .where(and(eq(nominations.cohortId, cohortId), within(nominations.institutionId))),
    db
      .select()
      .from(cohortParticipants)
      .where(and(eq(cohortParticipants.cohortId, cohortId), within(cohortParticipants.institutionId))),
    db
      .select()
      .from(cohortWithdrawals)
      .where(and(eq(cohortWithdrawals.cohortId, cohortId), within(cohortWithdrawals.institutionId))),
  ]);
  const people = new Map<string, Person>();
  for (const n of nominationRows) {
    people.set(n.userId, {
      userId: n.userId,
      institutionId: n.institutionId,
      department: n.department,
      jobTitle: n.jobTitle,
      nomination: n.status,
      enrolled: false,
      withdrawn: false,
    });
  }
  /** Someone taking part, or out of the cohort (a withdrawal row exists only while they are: joining again removes it). */
  const add = (row: { userId: string; institutionId: string | null }, state: "enrolled" | "withdrawn") => {
    const known = people.get(row.userId);
    if (known) known[state] = true;
    else {
      const { userId, institutionId } = row;
      people.set(userId, {
        userId,
        institutionId,
        department: "",
        jobTitle: "",
        nomination: null,
        enrolled: false,
        withdrawn: false,
        [state]: true,
      });
    }
  };
  for (const row of participantRows) add(row, "enrolled");
  for (const row of withdrawalRows) add(row, "withdrawn");
  return people;
}

export async function cohortReport(
  ctx: ProgrammesContext,
  actor: Actor | null,
  cohortId: string,
  reader: Locale,
): Promise<CohortReportDto> {
  const { db } = ctx;
  const who = requireActor(actor);
  const { cohort, programme } = await findCohort(db, cohortId);
  const manager = can(who, "cohort.manage", programme.ownerCentreId);
  const own = organisationsWith(who, "nomination.submit");
  if (!manager && own.length === 0) throw forbidden();
  const [people, courseList, eventIds, texts] = await Promise.all([
    peopleOf(db, cohort.id, manager ? null : own),
    programmeCourseList(db, programme.id, reader),
    sessionEventIds(db, cohort.id),
    programmeTexts(db, [programme.id]),
  ]);
  const userIds = [...people.keys()];
  const courseIds = courseList.map((c) => c.id);
  const requiredIds = courseList.filter((c) => c.required).map((c) => c.id);
  const [accounts, progress, attended, refs] = await Promise.all([
    peopleByIds(db, userIds),
    courseProgress(db, userIds, courseIds),
    attendance(db, userIds, eventIds),
    organisationRefs(
      db,
      [...people.values()].map((p) => p.institutionId),
      reader,
    ),
  ]);
  const sessionsAttended = new Map<string, number>();
  for (const a of attended) sessionsAttended.set(a.userId, (sessionsAttended.get(a.userId) ?? 0) + 1);

  const totals = emptyCounts();
  const byInstitution = new Map<string, ReportCounts & { institution: OrganisationRef | null }>();
  const byCountry = new Map<string, ReportCounts & { country: string | null }>();
  const rows = [...people.values()].map((p): ReportPersonDto => {
    const institution = p.institutionId ? (refs.get(p.institutionId) ?? null) : null;
    const coursesCompleted = courseIds.filter((id) => progress.completed(p.userId, id)).length;
    const finished = p.enrolled && requiredIds.every((id) => progress.completed(p.userId, id));
    const attendedCount = sessionsAttended.get(p.userId) ?? 0;
    const add = (counts: ReportCounts) => {
      if (p.nomination) counts.nominated++;
      if (p.nomination === "approved") counts.approved++;
      if (p.enrolled) counts.enrolled++;
      if (p.withdrawn) counts.withdrawn++;
      if (finished) counts.completed++;
      counts.coursesCompleted += coursesCompleted;
      counts.sessionsAttended += attendedCount;
    };
    add(totals);
    const institutionKey = institution?.id ?? "";
    if (!byInstitution.has(institutionKey)) byInstitution.set(institutionKey, { institution, ...emptyCounts() });
    add(byInstitution.get(institutionKey)!);
    const country = institution?.country ?? null;
    if (!byCountry.has(country ?? "")) byCountry.set(country ?? "", { country, ...emptyCounts() });
    add(byCountry.get(country ?? "")!);
    const account = accounts.get(p.userId);
    return {
      name: account?.name ?? "",
      email: account?.email ?? "",
      institution: institution?.name ?? "",
      country,
      department: p.department,
      jobTitle: p.jobTitle,
      nomination: p.nomination,
      enrolled: p.enrolled,
      withdrawn: p.withdrawn,
      coursesCompleted,
      coursesTotal: courseIds.length,
      sessionsAttended: attendedCount,
      sessionsTotal: eventIds.length,
    };
  });
  const byEnrolled = <T extends ReportCounts>(a: T, b: T) => b.enrolled - a.enrolled || b.nominated - a.nominated;
  return {
    cohort: {
      id: cohort.id,
      name: cohort.name,
      programmeTitle: programmeTitle(programme, texts.get(programme.id) ?? [], reader),
      startsOn: cohort.startsOn,
      endsOn: cohort.endsOn,
    },
    scope: manager ? "cohort" : "institution",
    coursesTotal: courseIds.length,
    sessionsTotal: eventIds.length,
    totals,
    byInstitution: [...byInstitution.values()].sort(byEnrolled),
    byCountry: [...byCountry.values()].sort(byEnrolled),
    people: rows.sort((a, b) => a.institution.localeCompare(b.institution, reader) || a.name.localeCompare(b.name, reader)),
  };
}
