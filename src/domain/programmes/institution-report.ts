import { and, asc, eq, gte, inArray, isNotNull, lt, lte, max, ne, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { eventRegistrations, events } from "../events/schema.ts";
import { users } from "../identity/schema.ts";
import { toOrganisationRef } from "../network/mapping.ts";
import { organisations } from "../network/schema.ts";
import { type Actor, isGlobalStaff, requireActor } from "../shared/actor.ts";
import { forbidden, notFound } from "../shared/errors.ts";
import { slugSchema } from "../shared/slugs.ts";
import { parseInput } from "../shared/validation.ts";
import type {
  InstitutionCohortStatus,
  InstitutionPersonCohortDto,
  InstitutionPersonDto,
  InstitutionReportDto,
  InstitutionReportTotals,
  ProgrammeRef,
} from "./dto.ts";
import {
  cohortParticipants,
  cohortSessions,
  cohorts,
  nominations,
  programmeCourses,
  programmes,
  type programmeTranslations,
} from "./schema.ts";

type ProgrammeRow = typeof programmes.$inferSelect;
type ProgrammeTextRow = typeof programmeTranslations.$inferSelect;

/** What the programmes service lends the report: course progress and programme titles, computed as everywhere else. */
export type InstitutionReportDeps = {
  db: Database;
  progressOf: (userIds: string[], courseIds: string[]) => Promise<{ done: Map<string, { completed: boolean }> }>;
  textsOf: (programmeIds: string[]) => Promise<Map<string, ProgrammeTextRow[]>>;
  shownText: (programme: ProgrammeRow, texts: ProgrammeTextRow[], reader: Locale) => ProgrammeTextRow | undefined;
};

/** The query string of the report: all optional; dates are days, both ends included. */
export const institutionReportFiltersSchema = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    programme: z.union([z.uuid(), slugSchema]).optional().describe("A programme's id or slug"),
  })
  .strict();
export type InstitutionReportFilters = z.input<typeof institutionReportFiltersSchema>;

const filtersInOrder = institutionReportFiltersSchema.refine((f) => !f.from || !f.to || f.from <= f.to, {
  path: ["to"],
  message: "programmes.institutionReport.toBeforeFrom",
});

const isUuid = (value: string) => z.uuid().safeParse(value).success;
const monthOf = (day: string) => day.slice(0, 7);
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 60 * 60 * 1000);

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
export function createInstitutionReport(deps: InstitutionReportDeps) {
  const { db, progressOf, textsOf, shownText } = deps;

  async function findInstitution(ref: string) {
    if (!isUuid(ref) && !slugSchema.safeParse(ref).success) throw notFound("organisation");
    const [row] = await db
      .select()
      .from(organisations)
      .where(isUuid(ref) ? eq(organisations.id, ref) : eq(organisations.slug, ref));
    if (!row) throw notFound("organisation");
    return row;
  }

  function mayRead(actor: Actor, institutionId: string): boolean {
    return isGlobalStaff(actor) || actor.roles.some((g) => g.role === "institution_admin" && g.organisationId === institutionId);
  }

  /** The institutions whose report the actor may read as their own (global staff read any, from the registry). */
  async function reportInstitutions(actor: Actor | null, reader: Locale) {
    const ids = (actor?.roles ?? []).flatMap((g) => (g.role === "institution_admin" && g.organisationId ? [g.organisationId] : []));
    if (!ids.length) return [];
    const rows = await db.select().from(organisations).where(inArray(organisations.id, ids)).orderBy(asc(organisations.name));
    return rows.map((row) => toOrganisationRef(row, reader));
  }

  async function institutionReport(
    actor: Actor | null,
    institutionRef: string,
    filters: unknown = {},
    reader: Locale,
  ): Promise<InstitutionReportDto> {
    const who = requireActor(actor);
    const institution = await findInstitution(institutionRef);
    if (!mayRead(who, institution.id)) throw forbidden();
    const f = parseInput(filtersInOrder, filters ?? {});

    const programmeMatch = f.programme
      ? isUuid(f.programme)
        ? eq(programmes.id, f.programme)
        : eq(programmes.slug, f.programme)
      : undefined;
    // A cohort is in the period when any of its days is.
    const cohortScope = and(
      programmeMatch,
      f.from ? gte(cohorts.endsOn, f.from) : undefined,
      f.to ? lte(cohorts.startsOn, f.to) : undefined,
    );
    // With a programme chosen, the events that count are its cohorts' live sessions.
    const programmeSessions = programmeMatch
      ? inArray(
          events.id,
          db
            .select({ id: cohortSessions.eventId })
            .from(cohortSessions)
            .innerJoin(cohorts, eq(cohorts.id, cohortSessions.cohortId))
            .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
            .where(programmeMatch),
        )
      : undefined;
    const eventScope = and(
      eq(eventRegistrations.organisationId, institution.id),
      ne(eventRegistrations.status, "cancelled"),
      ne(events.status, "cancelled"),
      f.from ? gte(events.startsAt, new Date(`${f.from}T00:00:00Z`)) : undefined,
      f.to ? lt(events.startsAt, nextDay(f.to)) : undefined,
      programmeSessions,
    );
    const cohortColumns = { cohort: cohorts, programme: programmes };
    const month = sql<string>`to_char(${events.startsAt} at time zone 'UTC', 'YYYY-MM')`;
    const [nominationRows, participantRows, eventRows, programmeOptions] = await Promise.all([
      db
        .select({ ...cohortColumns, nomination: nominations })
        .from(nominations)
        .innerJoin(cohorts, eq(cohorts.id, nominations.cohortId))
        .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
        .where(and(eq(nominations.institutionId, institution.id), cohortScope)),
      db
        .select({ ...cohortColumns, userId: cohortParticipants.userId })
        .from(cohortParticipants)
        .innerJoin(cohorts, eq(cohorts.id, cohortParticipants.cohortId))
        .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
        .where(and(eq(cohortParticipants.institutionId, institution.id), cohortScope)),
      db
        .select({
          userId: eventRegistrations.userId,
          month,
          registered: sql<number>`count(*) filter (where ${eventRegistrations.status} = 'registered')`.mapWith(Number),
          waitlisted: sql<number>`count(*) filter (where ${eventRegistrations.status} = 'waitlisted')`.mapWith(Number),
          attended:
            sql<number>`count(*) filter (where ${eventRegistrations.status} = 'registered' and ${eventRegistrations.attendedAt} is not null)`.mapWith(
              Number,
            ),
          lastAttendedAt: max(eventRegistrations.attendedAt),
        })
        .from(eventRegistrations)
        .innerJoin(events, eq(events.id, eventRegistrations.eventId))
        .where(eventScope)
        .groupBy(eventRegistrations.userId, month),
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
                .where(eq(nominations.institutionId, institution.id)),
            ),
            inArray(
              programmes.id,
              db
                .select({ id: cohorts.programmeId })
                .from(cohortParticipants)
                .innerJoin(cohorts, eq(cohorts.id, cohortParticipants.cohortId))
                .where(eq(cohortParticipants.institutionId, institution.id)),
            ),
          ),
        ),
    ]);

    const cohortRows = new Map([...nominationRows, ...participantRows].map((r) => [r.cohort.id, r]));
    // The programme asked for, even when the institution has nobody in it (the report is then empty).
    const chosen = programmeMatch
      ? (programmeOptions.find((p) => p.id === f.programme || p.slug === f.programme) ??
        (await db.select().from(programmes).where(programmeMatch))[0])
      : undefined;
    if (f.programme && !chosen) throw notFound("programme");
    const programmeIds = [...new Set([...programmeOptions, ...(chosen ? [chosen] : [])].map((p) => p.id))];
    const cohortIds = [...cohortRows.keys()];
    const userIds = [
      ...new Set([
        ...nominationRows.map((r) => r.nomination.userId),
        ...participantRows.map((r) => r.userId),
        ...eventRows.map((r) => r.userId),
      ]),
    ];
    const [texts, courseRows, sessionRows, people] = await Promise.all([
      textsOf(programmeIds),
      programmeIds.length
        ? db.select().from(programmeCourses).where(inArray(programmeCourses.programmeId, programmeIds))
        : Promise.resolve([]),
      cohortIds.length ? db.select().from(cohortSessions).where(inArray(cohortSessions.cohortId, cohortIds)) : Promise.resolve([]),
      userIds.length
        ? db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, userIds))
        : Promise.resolve([]),
    ]);
    const enrolledIds = [
      ...new Set([
        ...participantRows.map((r) => r.userId),
        ...nominationRows.filter((r) => r.nomination.status === "withdrawn").map((r) => r.nomination.userId),
      ]),
    ];
    const sessionEventIds = [...new Set(sessionRows.map((s) => s.eventId))];
    const [{ done }, attendance] = await Promise.all([
      progressOf(enrolledIds, [...new Set(courseRows.map((c) => c.courseId))]),
      enrolledIds.length && sessionEventIds.length
        ? db
            .select({ userId: eventRegistrations.userId, eventId: eventRegistrations.eventId })
            .from(eventRegistrations)
            .where(
              and(
                inArray(eventRegistrations.userId, enrolledIds),
                inArray(eventRegistrations.eventId, sessionEventIds),
                isNotNull(eventRegistrations.attendedAt),
              ),
            )
        : Promise.resolve([]),
    ]);

    const refOf = (programme: ProgrammeRow): ProgrammeRef => ({
      id: programme.id,
      slug: programme.slug,
      title: shownText(programme, texts.get(programme.id) ?? [], reader)?.title ?? programme.slug,
    });
    const attendedPairs = new Set(attendance.map((a) => `${a.userId}/${a.eventId}`));
    const sessionsByCohort = Map.groupBy(sessionRows, (s) => s.cohortId);
    const coursesByProgramme = Map.groupBy(courseRows, (c) => c.programmeId);
    const eventsByPerson = Map.groupBy(eventRows, (r) => r.userId);
    const sessionsOf = (cohortId: string) => (sessionsByCohort.get(cohortId) ?? []).map((s) => s.eventId);
    const coursesOf = (programmeId: string) => coursesByProgramme.get(programmeId) ?? [];

    type Entry = { nomination?: typeof nominations.$inferSelect; enrolled: boolean };
    const entries = new Map<string, Map<string, Entry>>();
    const entryOf = (userId: string, cohortId: string): Entry => {
      const byCohort = entries.get(userId) ?? new Map<string, Entry>();
      entries.set(userId, byCohort);
      const entry = byCohort.get(cohortId) ?? { enrolled: false };
      byCohort.set(cohortId, entry);
      return entry;
    };
    for (const r of nominationRows) entryOf(r.nomination.userId, r.cohort.id).nomination = r.nomination;
    for (const r of participantRows) entryOf(r.userId, r.cohort.id).enrolled = true;

    const totals: InstitutionReportTotals = {
      people: userIds.length,
      nominated: 0,
      enrolled: 0,
      completedProgramme: 0,
      eventRegistrations: 0,
      eventsAttended: 0,
    };
    const months = new Map<string, { month: string; nominated: number; enrolled: number; eventsAttended: number }>();
    const monthRow = (key: string) => {
      const row = months.get(key) ?? { month: key, nominated: 0, enrolled: 0, eventsAttended: 0 };
      months.set(key, row);
      return row;
    };
    const byProgramme = new Map<string, InstitutionReportDto["byProgramme"][number]>();

    const personRows = people.map((user): InstitutionPersonDto => {
      const cohortsOfPerson = [...(entries.get(user.id) ?? new Map<string, Entry>()).entries()].map(
        ([cohortId, entry]): InstitutionPersonCohortDto => {
          const { cohort, programme } = cohortRows.get(cohortId)!;
          const courses = coursesOf(programme.id);
          // Someone who left keeps the progress they made; a pending nominee's own courses are not counted.
          const started = entry.enrolled || entry.nomination?.status === "withdrawn";
          const completedCourse = (courseId: string) => started && !!done.get(`${user.id}/${courseId}`)?.completed;
          const sessions = sessionsOf(cohortId);
          const status: InstitutionCohortStatus = entry.enrolled
            ? "enrolled"
            : ((entry.nomination?.status ?? "pending") as InstitutionCohortStatus);
          const completed = entry.enrolled && courses.filter((c) => c.required).every((c) => completedCourse(c.courseId));
          const ref = refOf(programme);
          const perProgramme = byProgramme.get(programme.id) ?? { programme: ref, nominated: 0, enrolled: 0, completed: 0 };
          byProgramme.set(programme.id, perProgramme);
          const perMonth = monthRow(monthOf(cohort.startsOn));
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
            cohortId,
            cohortName: cohort.name,
            programme: ref,
            startsOn: cohort.startsOn,
            endsOn: cohort.endsOn,
            status,
            completed,
            coursesCompleted: courses.filter((c) => completedCourse(c.courseId)).length,
            coursesTotal: courses.length,
            sessionsAttended: started ? sessions.filter((id) => attendedPairs.has(`${user.id}/${id}`)).length : 0,
            sessionsTotal: sessions.length,
          };
        },
      );
      const own = eventsByPerson.get(user.id) ?? [];
      const lastAttended = own.reduce<Date | null>(
        (last, r) => (r.lastAttendedAt && (!last || r.lastAttendedAt > last) ? r.lastAttendedAt : last),
        null,
      );
      const eventsOfPerson = {
        registered: own.reduce((n, r) => n + r.registered, 0),
        waitlisted: own.reduce((n, r) => n + r.waitlisted, 0),
        attended: own.reduce((n, r) => n + r.attended, 0),
        lastAttendedAt: lastAttended ? new Date(lastAttended).toISOString() : null,
      };
      for (const r of own) if (r.attended) monthRow(r.month).eventsAttended += r.attended;
      const latestNomination = cohortsOfPerson
        .map((c) => entries.get(user.id)?.get(c.cohortId)?.nomination)
        .filter((n) => !!n)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
      if (cohortsOfPerson.some((c) => entries.get(user.id)?.get(c.cohortId)?.nomination)) totals.nominated++;
      if (cohortsOfPerson.some((c) => c.status === "enrolled")) totals.enrolled++;
      if (cohortsOfPerson.some((c) => c.completed)) totals.completedProgramme++;
      totals.eventRegistrations += eventsOfPerson.registered;
      totals.eventsAttended += eventsOfPerson.attended;
      return {
        userId: user.id,
        name: user.name,
        email: user.email,
        department: latestNomination?.department ?? "",
        jobTitle: latestNomination?.jobTitle ?? "",
        cohorts: cohortsOfPerson.sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.cohortName.localeCompare(b.cohortName, reader)),
        events: eventsOfPerson,
      };
    });

    return {
      institution: toOrganisationRef(institution, reader),
      filters: { from: f.from ?? null, to: f.to ?? null, programme: chosen ? refOf(chosen) : null },
      programmes: programmeOptions.map(refOf).sort((a, b) => a.title.localeCompare(b.title, reader)),
      totals,
      byMonth: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
      byProgramme: [...byProgramme.values()].sort((a, b) => b.enrolled - a.enrolled || b.nominated - a.nominated),
      people: personRows.sort((a, b) => a.name.localeCompare(b.name, reader)),
    };
  }

  return { institutionReport, reportInstitutions };
}
