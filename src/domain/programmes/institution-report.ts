import { and, eq, gte, inArray, lte, or, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { attendance, registrationsInNameOf } from "../events/queries.ts";
import { peopleByIds } from "../identity/queries.ts";
import type { OrganisationRef } from "../network/dto.ts";
import { organisationIdBySlug, organisationRefs, organisationRefsInNameOrder } from "../network/queries.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { notFound } from "../shared/errors.ts";
import { isUuid } from "../shared/ids.ts";
import { slugSchema } from "../shared/slugs.ts";
import { parseInput } from "../shared/validation.ts";
import type { ProgrammesContext } from "./context.ts";
import type {
  InstitutionCohortStatus,
  InstitutionPersonCohortDto,
  InstitutionPersonDto,
  InstitutionReportDto,
  InstitutionReportTotals,
  ProgrammeRef,
} from "./dto.ts";
import { toProgrammeRef } from "./mapping.ts";
import { organisationsWith, requireAccess } from "./permissions.ts";
import { courseProgress } from "./progress.ts";
import { type CohortRow, type ProgrammeRow, programmeTexts } from "./rows.ts";
import { cohortParticipants, cohortSessions, cohorts, nominations, programmeCourses, programmes } from "./schema.ts";
import { institutionReportFiltersInOrder } from "./validation.ts";

/**
 * "Our staff in Orbis": everyone linked to one institution (nominated by it, taking part in a
 * cohort for it, or registered for an event in its name) with their cohorts and events.
 *
 * Only the parts done for the institution are shown: a person's own enrolments, or events they
 * attended for another organisation, are not their employer's business.
 *
 * Who may read it: the institution's own administrators, and the secretariat and platform
 * administrators for any institution. Not a centre's team: a centre already has a report for each
 * cohort and event it runs, and this one follows people across every centre; cutting it down to
 * one centre's share would give each centre a partial picture under the same title while adding
 * little to the reports they have.
 */

type NominationRow = typeof nominations.$inferSelect;
type CohortEntry = { nomination?: NominationRow; enrolled: boolean };
type MonthRow = InstitutionReportDto["byMonth"][number];
type ProgrammeTally = InstitutionReportDto["byProgramme"][number];

const monthOf = (day: string) => day.slice(0, 7);
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 60 * 60 * 1000);

async function findInstitution(db: Executor, ref: string, reader: Locale): Promise<OrganisationRef> {
  const id = isUuid(ref) ? ref : slugSchema.safeParse(ref).success ? await organisationIdBySlug(db, ref) : null;
  const institution = id ? (await organisationRefs(db, [id], reader)).get(id) : undefined;
  if (!institution) throw notFound("organisation");
  return institution;
}

/** The institutions whose report the actor may read as their own (global staff read any, from the registry). */
export async function reportInstitutions(ctx: ProgrammesContext, actor: Actor | null, reader: Locale): Promise<OrganisationRef[]> {
  return organisationRefsInNameOrder(ctx.db, organisationsWith(actor, "institution.report"), reader);
}

/** The institution's nominations and places in the cohorts in scope, and the programmes it has anyone in (for the filter). */
async function cohortActivity(db: Executor, institutionId: string, cohortScope: SQL | undefined) {
  const cohortColumns = { cohort: cohorts, programme: programmes };
  const [nominationRows, participantRows, programmeOptions] = await Promise.all([
    db
      .select({ ...cohortColumns, nomination: nominations })
      .from(nominations)
      .innerJoin(cohorts, eq(cohorts.id, nominations.cohortId))
      .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
      .where(and(eq(nominations.institutionId, institutionId), cohortScope)),
    db
      .select({ ...cohortColumns, userId: cohortParticipants.userId })
      .from(cohortParticipants)
      .innerJoin(cohorts, eq(cohorts.id, cohortParticipants.cohortId))
      .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
      .where(and(eq(cohortParticipants.institutionId, institutionId), cohortScope)),
    db
      .select()
      .from(programmes)
      .where(
        or(
          inArray(
            programmes.id,
            db
              .select({ id: cohorts.programmeId })
              .from(nominations)
              .innerJoin(cohorts, eq(cohorts.id, nominations.cohortId))
              .where(eq(nominations.institutionId, institutionId)),
          ),
          inArray(
            programmes.id,
            db
              .select({ id: cohorts.programmeId })
              .from(cohortParticipants)
              .innerJoin(cohorts, eq(cohorts.id, cohortParticipants.cohortId))
              .where(eq(cohortParticipants.institutionId, institutionId)),
          ),
        ),
      ),
  ]);
  return { nominationRows, participantRows, programmeOptions };
}

/** The live sessions of every cohort of a programme: with a programme chosen, the only events that count. */
async function programmeSessionIds(db: Executor, programmeMatch: SQL): Promise<string[]> {
  const rows = await db
    .select({ id: cohortSessions.eventId })
    .from(cohortSessions)
    .innerJoin(cohorts, eq(cohorts.id, cohortSessions.cohortId))
    .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
    .where(programmeMatch);
  return rows.map((r) => r.id);
}

export async function institutionReport(
  ctx: ProgrammesContext,
  actor: Actor | null,
  institutionRef: string,
  filters: unknown,
  reader: Locale,
): Promise<InstitutionReportDto> {
  const { db } = ctx;
  const who = requireActor(actor);
  const institution = await findInstitution(db, institutionRef, reader);
  requireAccess(who, "institution.report", institution.id);
  const f = parseInput(institutionReportFiltersInOrder, filters ?? {});

  const programmeMatch = f.programme
    ? isUuid(f.programme)
      ? eq(programmes.id, f.programme)
      : eq(programmes.slug, f.programme)
    : undefined;
  // A cohort is in the period when any of its days is.
  const cohortScope = and(programmeMatch, f.from ? gte(cohorts.endsOn, f.from) : undefined, f.to ? lte(cohorts.startsOn, f.to) : undefined);
  const sessionIds = programmeMatch ? await programmeSessionIds(db, programmeMatch) : undefined;
  const [{ nominationRows, participantRows, programmeOptions }, eventRows] = await Promise.all([
    cohortActivity(db, institution.id, cohortScope),
    registrationsInNameOf(db, institution.id, {
      startsFrom: f.from ? new Date(`${f.from}T00:00:00Z`) : undefined,
      startsBefore: f.to ? nextDay(f.to) : undefined,
      eventIds: sessionIds,
    }),
  ]);

  // The programme asked for, even when the institution has nobody in it (the report is then empty).
  const chosen = programmeMatch
    ? (programmeOptions.find((p) => p.id === f.programme || p.slug === f.programme) ??
      (await db.select().from(programmes).where(programmeMatch))[0])
    : undefined;
  if (f.programme && !chosen) throw notFound("programme");

  const cohortRows = new Map([...nominationRows, ...participantRows].map((r) => [r.cohort.id, r]));
  const entries = new Map<string, Map<string, CohortEntry>>();
  const entryOf = (userId: string, cohortId: string): CohortEntry => {
    const byCohort = entries.get(userId) ?? new Map<string, CohortEntry>();
    entries.set(userId, byCohort);
    const entry = byCohort.get(cohortId) ?? { enrolled: false };
    byCohort.set(cohortId, entry);
    return entry;
  };
  for (const r of nominationRows) entryOf(r.nomination.userId, r.cohort.id).nomination = r.nomination;
  for (const r of participantRows) entryOf(r.userId, r.cohort.id).enrolled = true;
  const userIds = [...new Set([...entries.keys(), ...eventRows.map((r) => r.userId)])];

  const programmeIds = [...new Set([...programmeOptions, ...(chosen ? [chosen] : [])].map((p) => p.id))];
  const [texts, people, facts] = await Promise.all([
    programmeTexts(db, programmeIds),
    peopleByIds(db, userIds),
    cohortFacts(db, [...cohortRows.keys()], programmeIds, entries),
  ]);
  const refOf = (programme: ProgrammeRow): ProgrammeRef => toProgrammeRef(programme, texts.get(programme.id) ?? [], reader);

  const eventsByPerson = Map.groupBy(eventRows, (r) => r.userId);
  const tally = newTally();
  const personRows = userIds.flatMap((userId): InstitutionPersonDto[] => {
    const person = people.get(userId);
    if (!person) return [];
    const cohortsOfPerson = [...(entries.get(userId) ?? new Map<string, CohortEntry>()).entries()].map(([cohortId, entry]) => {
      const { cohort, programme } = cohortRows.get(cohortId)!;
      return personCohort(userId, cohort, refOf(programme), entry, facts, tally);
    });
    const own = eventsByPerson.get(userId) ?? [];
    const events = personEvents(own);
    for (const r of own) if (r.attended) tally.month(r.month).eventsAttended += r.attended;
    const nominationsOfPerson = [...(entries.get(userId)?.values() ?? [])].flatMap((e) => (e.nomination ? [e.nomination] : []));
    const latestNomination = nominationsOfPerson.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    if (nominationsOfPerson.length) tally.totals.nominated++;
    if (cohortsOfPerson.some((c) => c.status === "enrolled")) tally.totals.enrolled++;
    if (cohortsOfPerson.some((c) => c.completed)) tally.totals.completedProgramme++;
    tally.totals.eventRegistrations += events.registered;
    tally.totals.eventsAttended += events.attended;
    return [
      {
        userId,
        name: person.name,
        email: person.email,
        department: latestNomination?.department ?? "",
        jobTitle: latestNomination?.jobTitle ?? "",
        cohorts: cohortsOfPerson.sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.cohortName.localeCompare(b.cohortName, reader)),
        events,
      },
    ];
  });

  return {
    institution,
    filters: { from: f.from ?? null, to: f.to ?? null, programme: chosen ? refOf(chosen) : null },
    programmes: programmeOptions.map(refOf).sort((a, b) => a.title.localeCompare(b.title, reader)),
    totals: { ...tally.totals, people: userIds.length },
    byMonth: [...tally.months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    byProgramme: [...tally.programmes.values()].sort((a, b) => b.enrolled - a.enrolled || b.nominated - a.nominated),
    people: personRows.sort((a, b) => a.name.localeCompare(b.name, reader)),
  };
}

/** The programmes' courses, the cohorts' live sessions, and what the people who started in them did there. */
async function cohortFacts(db: Executor, cohortIds: string[], programmeIds: string[], entries: Map<string, Map<string, CohortEntry>>) {
  const [courseRows, sessionRows] = await Promise.all([
    programmeIds.length ? db.select().from(programmeCourses).where(inArray(programmeCourses.programmeId, programmeIds)) : [],
    cohortIds.length ? db.select().from(cohortSessions).where(inArray(cohortSessions.cohortId, cohortIds)) : [],
  ]);
  // Someone who left keeps the progress they made; a pending nominee's own courses are not counted.
  const startedIds = [...entries].flatMap(([userId, byCohort]) =>
    [...byCohort.values()].some((e) => e.enrolled || e.nomination?.status === "withdrawn") ? [userId] : [],
  );
  const sessionEventIds = [...new Set(sessionRows.map((s) => s.eventId))];
  const [progress, attended] = await Promise.all([
    courseProgress(db, startedIds, [...new Set(courseRows.map((c) => c.courseId))]),
    attendance(db, startedIds, sessionEventIds),
  ]);
  const attendedPairs = new Set(attended.map((a) => `${a.userId}/${a.eventId}`));
  const sessionsByCohort = Map.groupBy(sessionRows, (s) => s.cohortId);
  const coursesByProgramme = Map.groupBy(courseRows, (c) => c.programmeId);
  return {
    coursesOf: (programmeId: string) => coursesByProgramme.get(programmeId) ?? [],
    sessionsOf: (cohortId: string) => (sessionsByCohort.get(cohortId) ?? []).map((s) => s.eventId),
    completed: progress.completed,
    attended: (userId: string, eventId: string) => attendedPairs.has(`${userId}/${eventId}`),
  };
}
type CohortFacts = Awaited<ReturnType<typeof cohortFacts>>;

type EventMonthRow = Awaited<ReturnType<typeof registrationsInNameOf>>[number];

/** A person's registrations in the institution's name, summed over the months. */
function personEvents(rows: EventMonthRow[]): InstitutionPersonDto["events"] {
  const lastAttended = rows.reduce<Date | null>(
    (last, r) => (r.lastAttendedAt && (!last || r.lastAttendedAt > last) ? r.lastAttendedAt : last),
    null,
  );
  return {
    registered: rows.reduce((n, r) => n + r.registered, 0),
    waitlisted: rows.reduce((n, r) => n + r.waitlisted, 0),
    attended: rows.reduce((n, r) => n + r.attended, 0),
    lastAttendedAt: lastAttended ? lastAttended.toISOString() : null,
  };
}

function newTally() {
  const totals: Omit<InstitutionReportTotals, "people"> = {
    nominated: 0,
    enrolled: 0,
    completedProgramme: 0,
    eventRegistrations: 0,
    eventsAttended: 0,
  };
  const months = new Map<string, MonthRow>();
  const programmes = new Map<string, ProgrammeTally>();
  return {
    totals,
    months,
    programmes,
    month(key: string): MonthRow {
      const row = months.get(key) ?? { month: key, nominated: 0, enrolled: 0, eventsAttended: 0 };
      months.set(key, row);
      return row;
    },
    programme(ref: ProgrammeRef): ProgrammeTally {
      const row = programmes.get(ref.id) ?? { programme: ref, nominated: 0, enrolled: 0, completed: 0 };
      programmes.set(ref.id, row);
      return row;
    },
  };
}
type Tally = ReturnType<typeof newTally>;

/** One person's standing in one cohort, counted into the tallies by programme and by the month the cohort starts. */
function personCohort(
  userId: string,
  cohort: CohortRow,
  programme: ProgrammeRef,
  entry: CohortEntry,
  facts: CohortFacts,
  tally: Tally,
): InstitutionPersonCohortDto {
  const courses = facts.coursesOf(programme.id);
  // Someone who left keeps the progress they made; a pending nominee's own courses are not counted.
  const started = entry.enrolled || entry.nomination?.status === "withdrawn";
  const completedCourse = (courseId: string) => started && facts.completed(userId, courseId);
  const sessions = facts.sessionsOf(cohort.id);
  const status: InstitutionCohortStatus = entry.enrolled ? "enrolled" : (entry.nomination?.status ?? "pending");
  const completed = entry.enrolled && courses.filter((c) => c.required).every((c) => completedCourse(c.courseId));
  const perProgramme = tally.programme(programme);
  const perMonth = tally.month(monthOf(cohort.startsOn));
  if (entry.nomination) {
    perProgramme.nominated++;
    perMonth.nominated++;
  }
  if (entry.enrolled) {
    perProgramme.enrolled++;
    perMonth.enrolled++;
  }
  if (completed) perProgramme.completed++;
  return {
    cohortId: cohort.id,
    cohortName: cohort.name,
    programme,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    status,
    completed,
    coursesCompleted: courses.filter((c) => completedCourse(c.courseId)).length,
    coursesTotal: courses.length,
    sessionsAttended: started ? sessions.filter((id) => facts.attended(userId, id)).length : 0,
    sessionsTotal: sessions.length,
  };
}
