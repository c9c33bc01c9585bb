import { and, asc, count, eq, gte, inArray, isNotNull, lt, ne, notInArray, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "../../db/client.ts";
import { defaultLocale, isLocale, type Locale } from "../../i18n/locales.ts";
import type { MessageId } from "../../i18n/messages/index.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import type { MailMessage } from "../../infra/mailer.ts";
import { courseModules, courses, courseTranslations, lessons } from "../catalogue/schema.ts";
import { eventRegistrations, events, eventTranslations } from "../events/schema.ts";
import type { EventsService } from "../events/service.ts";
import { accountsByEmail, createInvitedAccounts, type InvitedAccount } from "../identity/invitations.ts";
import { users } from "../identity/schema.ts";

import { enrolInTransaction } from "../learning/enrol.ts";
import { enrolments, lessonProgress } from "../learning/schema.ts";
import type { OrganisationRef } from "../network/dto.ts";
import { localName, toOrganisationRef } from "../network/mapping.ts";
import { centres, organisations } from "../network/schema.ts";
import type { Outbox } from "../notifications/service.ts";
import { type Actor, hasRole, isGlobalStaff, type Role, requireActor, requireRole } from "../shared/actor.ts";
import { pgErrorOf } from "../shared/db-errors.ts";
import { fieldConflict, fieldError, forbidden, notFound } from "../shared/errors.ts";
import { slugify } from "../shared/slugs.ts";
import { rowsOf } from "../shared/sql.ts";
import { emailSchema, parseInput } from "../shared/validation.ts";
import type {
  CohortDto,
  CohortReportDto,
  CohortStatus,
  CohortSummaryDto,
  CourseProgressDto,
  EnrolmentMode,
  NominationConfirmationDto,
  NominationDto,
  NominationPreviewDto,
  NominationPreviewRowDto,
  NominationProblem,
  NominationStatus,
  Page,
  ProgrammeCourseDto,
  ProgrammeDto,
  ProgrammeStatus,
  ProgrammeSummaryDto,
  QuotaDto,
  ReportCounts,
  SessionDto,
} from "./dto.ts";
import { createInstitutionReport } from "./institution-report.ts";
import { type NominationFileRow, parseNominationFile } from "./nomination-file.ts";
import {
  cohortFacilitators,
  cohortInvitations,
  cohortParticipants,
  cohortSessions,
  cohorts,
  cohortWithdrawals,
  nominations,
  nominationUploads,
  programmeCourses,
  programmes,
  programmeTranslations,
} from "./schema.ts";
import {
  cohortInputSchema,
  cohortPatchSchema,
  decisionInputSchema,
  invitationInputSchema,
  nominationFiltersSchema,
  nominationInputSchema,
  programmeFiltersSchema,
  programmeInputSchema,
  programmePatchSchema,
  programmeTranslationSchema,
} from "./validation.ts";

export type ProgrammesServiceDeps = {
  db: Database;
  /** Mail is queued in the transaction of the change it tells about. */
  outbox: Outbox;
  publicUrl: string;
  /** Someone leaving a cohort gives up their places at its live sessions, in the same transaction. */
  events: Pick<EventsService, "cancelUpcomingRegistrations" | "deliverNoticesSoon">;
  now?: () => Date;
};

/** A transaction or the database itself. */
type ProgrammeRow = typeof programmes.$inferSelect;
type ProgrammeTextRow = typeof programmeTranslations.$inferSelect;
type CohortRow = typeof cohorts.$inferSelect;
type Row = Omit<NominationFileRow, "line"> & { line: number };

/** Who runs a centre's programmes and cohorts; the secretariat runs any. */
const centreTeam: readonly Role[] = ["centre_admin", "centre_staff"];
/** Uploads left unconfirmed this long are dropped when the next one arrives. */
const UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000;
const NAME_MAX = 120;

const isUuid = (value: string) => z.uuid().safeParse(value).success;
const isEmail = (value: string) => emailSchema.safeParse(value).success;

/** The reader's language when ready, else the programme's own. */
function shownText(programme: ProgrammeRow, texts: ProgrammeTextRow[], reader: Locale): ProgrammeTextRow | undefined {
  return (
    texts.find((t) => t.locale === reader && t.status === "ready") ?? texts.find((t) => t.locale === programme.defaultLocale) ?? texts[0]
  );
}

function readyLanguages(programme: ProgrammeRow, texts: ProgrammeTextRow[]): string[] {
  const ready = texts.filter((t) => t.status === "ready").map((t) => t.locale);
  return ready.sort((a, b) => (a === programme.defaultLocale ? -1 : b === programme.defaultLocale ? 1 : a.localeCompare(b)));
}

const emptyCounts = (): ReportCounts => ({
  nominated: 0,
  approved: 0,
  enrolled: 0,
  completed: 0,
  withdrawn: 0,
  coursesCompleted: 0,
  sessionsAttended: 0,
});

export function createProgrammesService(deps: ProgrammesServiceDeps) {
  const { db, outbox, publicUrl, events: eventsService } = deps;
  const now = deps.now ?? (() => new Date());

  function canManage(actor: Actor | null, centreId: string): boolean {
    return isGlobalStaff(actor) || hasRole(actor, centreTeam, centreId);
  }

  /** Institutions whose staff the actor may nominate; global staff nominate for any (as a named institution). */
  function nominatingInstitutions(actor: Actor | null): string[] {
    return (actor?.roles ?? []).filter((g) => g.role === "institution_admin" && g.organisationId).map((g) => g.organisationId!);
  }

  async function findProgramme(ref: string): Promise<ProgrammeRow> {
    if (!isUuid(ref) && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(ref)) throw notFound("programme");
    const [row] = await db
      .select()
      .from(programmes)
      .where(isUuid(ref) ? eq(programmes.id, ref) : eq(programmes.slug, ref));
    if (!row) throw notFound("programme");
    return row;
  }

  async function findCohort(id: string): Promise<{ cohort: CohortRow; programme: ProgrammeRow }> {
    if (!isUuid(id)) throw notFound("cohort");
    const [row] = await db
      .select({ cohort: cohorts, programme: programmes })
      .from(cohorts)
      .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
      .where(eq(cohorts.id, id));
    if (!row) throw notFound("cohort");
    return row;
  }

  /** A cohort the reader may see: of a published programme, or of one they run. */
  async function visibleCohort(actor: Actor | null, id: string) {
    const found = await findCohort(id);
    if (found.programme.status !== "published" && !canManage(actor, found.programme.ownerCentreId)) throw notFound("cohort");
    return found;
  }

  async function organisationRefs(ids: (string | null)[], locale: Locale): Promise<Map<string, OrganisationRef>> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    if (!wanted.length) return new Map();
    const rows = await db.select().from(organisations).where(inArray(organisations.id, wanted));
    return new Map(rows.map((row) => [row.id, toOrganisationRef(row, locale)]));
  }

  async function textsOf(programmeIds: string[]): Promise<Map<string, ProgrammeTextRow[]>> {
    const byProgramme = new Map<string, ProgrammeTextRow[]>(programmeIds.map((id) => [id, []]));
    if (!programmeIds.length) return byProgramme;
    const rows = await db.select().from(programmeTranslations).where(inArray(programmeTranslations.programmeId, programmeIds));
    for (const row of rows) byProgramme.get(row.programmeId)?.push(row);
    return byProgramme;
  }

  const participantCount =
    sql<number>`(select count(*) from ${cohortParticipants} where ${cohortParticipants.cohortId} = ${cohorts.id})`.mapWith(Number);

  function toCohortSummary(cohort: CohortRow, participants: number): CohortSummaryDto {
    return {
      id: cohort.id,
      programmeId: cohort.programmeId,
      name: cohort.name,
      startsOn: cohort.startsOn,
      endsOn: cohort.endsOn,
      locale: cohort.locale,
      capacity: cohort.capacity,
      enrolmentMode: cohort.enrolmentMode as EnrolmentMode,
      institutionQuota: cohort.institutionQuota,
      status: cohort.status as CohortStatus,
      participantCount: participants,
      seatsLeft: Math.max(0, cohort.capacity - participants),
    };
  }

  async function summaries(rows: ProgrammeRow[], reader: Locale): Promise<ProgrammeSummaryDto[]> {
    const ids = rows.map((r) => r.id);
    if (!ids.length) return [];
    const today = now().toISOString().slice(0, 10);
    const [texts, owners, courseCounts, upcoming] = await Promise.all([
      textsOf(ids),
      organisationRefs(
        rows.map((r) => r.ownerCentreId),
        reader,
      ),
      db
        .select({ programmeId: programmeCourses.programmeId, n: count() })
        .from(programmeCourses)
        .where(inArray(programmeCourses.programmeId, ids))
        .groupBy(programmeCourses.programmeId),
      db
        .select()
        .from(cohorts)
        .where(and(inArray(cohorts.programmeId, ids), gte(cohorts.endsOn, today), ne(cohorts.status, "cancelled")))
        .orderBy(asc(cohorts.startsOn)),
    ]);
    return rows.map((programme) => {
      const own = texts.get(programme.id) ?? [];
      const shown = shownText(programme, own, reader);
      const next = upcoming.find((c) => c.programmeId === programme.id);
      return {
        id: programme.id,
        slug: programme.slug,
        title: shown?.title ?? programme.slug,
        targetAudience: shown?.targetAudience ?? "",
        shownLocale: shown?.locale ?? programme.defaultLocale,
        defaultLocale: programme.defaultLocale,
        languages: readyLanguages(programme, own),
        owner: owners.get(programme.ownerCentreId)!,
        status: programme.status as ProgrammeStatus,
        courseCount: courseCounts.find((c) => c.programmeId === programme.id)?.n ?? 0,
        nextCohort: next
          ? { id: next.id, startsOn: next.startsOn, enrolmentMode: next.enrolmentMode as EnrolmentMode, locale: next.locale }
          : null,
      };
    });
  }

  /** The programme's courses in order, titled in the reader's language when ready, else the course's own. */
  async function programmeCourseList(programmeId: string, reader: Locale): Promise<ProgrammeCourseDto[]> {
    const rows = await db
      .select({ link: programmeCourses, course: courses })
      .from(programmeCourses)
      .innerJoin(courses, eq(courses.id, programmeCourses.courseId))
      .where(eq(programmeCourses.programmeId, programmeId))
      .orderBy(asc(programmeCourses.position));
    const texts = rows.length
      ? await db
          .select()
          .from(courseTranslations)
          .where(
            inArray(
              courseTranslations.courseId,
              rows.map((r) => r.course.id),
            ),
          )
      : [];
    return rows.map(({ link, course }) => {
      const own = texts.filter((t) => t.courseId === course.id);
      const shown = own.find((t) => t.locale === reader && t.status === "ready") ?? own.find((t) => t.locale === course.defaultLocale);
      return {
        id: course.id,
        slug: course.slug,
        title: shown?.title ?? course.slug,
        shownLocale: shown?.locale ?? course.defaultLocale,
        position: link.position,
        required: link.required,
      };
    });
  }

  async function cohortList(programmeId: string): Promise<CohortSummaryDto[]> {
    const rows = await db
      .select({ cohort: cohorts, participants: participantCount })
      .from(cohorts)
      .where(eq(cohorts.programmeId, programmeId))
      .orderBy(asc(cohorts.startsOn), asc(cohorts.name));
    return rows.map((r) => toCohortSummary(r.cohort, r.participants));
  }

  async function programmeDto(programme: ProgrammeRow, reader: Locale, actor: Actor | null): Promise<ProgrammeDto> {
    const [[summary], texts, courseList, cohortRows] = await Promise.all([
      summaries([programme], reader),
      db.select().from(programmeTranslations).where(eq(programmeTranslations.programmeId, programme.id)),
      programmeCourseList(programme.id, reader),
      cohortList(programme.id),
    ]);
    const shown = shownText(programme, texts, reader);
    return {
      ...summary!,
      description: shown?.description ?? "",
      translations: texts
        .map((t) => ({ locale: t.locale, status: t.status as "missing" | "draft" | "ready" }))
        .sort((a, b) => a.locale.localeCompare(b.locale)),
      courses: courseList,
      cohorts: cohortRows,
      canManage: canManage(actor, programme.ownerCentreId),
    };
  }

  async function listProgrammes(filters: unknown, reader: Locale): Promise<Page<ProgrammeSummaryDto>> {
    const f = parseInput(programmeFiltersSchema, filters ?? {});
    const pattern = f.q ? `%${f.q.replace(/[\\%_]/g, "\\$&")}%` : null;
    const where = and(
      eq(programmes.status, "published"),
      f.centre ? eq(organisations.slug, f.centre) : undefined,
      pattern
        ? sql`exists (select 1 from ${programmeTranslations} where ${programmeTranslations.programmeId} = ${programmes.id} and ${programmeTranslations.title} ilike ${pattern})`
        : undefined,
    );
    const base = () =>
      db.select({ programme: programmes }).from(programmes).innerJoin(organisations, eq(organisations.id, programmes.ownerCentreId));
    const [[total], rows] = await Promise.all([
      db.select({ n: count() }).from(programmes).innerJoin(organisations, eq(organisations.id, programmes.ownerCentreId)).where(where),
      base().where(where).orderBy(asc(organisations.name), asc(programmes.slug)).limit(f.limit).offset(f.offset),
    ]);
    return {
      items: await summaries(
        rows.map((r) => r.programme),
        reader,
      ),
      total: total?.n ?? 0,
      limit: f.limit,
      offset: f.offset,
    };
  }

  /** Programmes of the centres the actor runs, in every status, for the staff pages. */
  async function listManagedProgrammes(actor: Actor | null, reader: Locale): Promise<ProgrammeSummaryDto[]> {
    const who = requireActor(actor);
    const centreIds = who.roles.filter((g) => centreTeam.includes(g.role) && g.organisationId).map((g) => g.organisationId!);
    if (!isGlobalStaff(who) && centreIds.length === 0) throw forbidden();
    const rows = await db
      .select()
      .from(programmes)
      .where(isGlobalStaff(who) ? undefined : inArray(programmes.ownerCentreId, centreIds))
      .orderBy(asc(programmes.slug));
    return summaries(rows, reader);
  }

  async function getProgramme(ref: string, reader: Locale, actor: Actor | null = null): Promise<ProgrammeDto> {
    const programme = await findProgramme(ref);
    if (programme.status !== "published" && !canManage(actor, programme.ownerCentreId)) throw notFound("programme");
    return programmeDto(programme, reader, actor);
  }

  async function requireCentre(centreId: string) {
    const [centre] = await db.select({ id: centres.organisationId }).from(centres).where(eq(centres.organisationId, centreId));
    if (!centre) throw fieldError("ownerCentreId", "programmes.field.unknownCentre");
  }

  /** Courses must exist and be published: learners are enrolled in them. */
  async function requireCourses(list: { courseId: string }[]) {
    if (!list.length) return;
    const found = await db
      .select({ id: courses.id })
      .from(courses)
      .where(
        and(
          inArray(
            courses.id,
            list.map((c) => c.courseId),
          ),
          eq(courses.status, "published"),
        ),
      );
    const ids = new Set(found.map((c) => c.id));
    const missing = list.findIndex((c) => !ids.has(c.courseId));
    if (missing >= 0) throw fieldError(`courses.${missing}.courseId`, "programmes.field.unknownCourse");
  }

  async function writeCourses(tx: Executor, programmeId: string, list: { courseId: string; required: boolean }[]) {
    await tx.delete(programmeCourses).where(eq(programmeCourses.programmeId, programmeId));
    if (list.length) {
      await tx
        .insert(programmeCourses)
        .values(list.map((c, position) => ({ programmeId, courseId: c.courseId, position, required: c.required })));
    }
  }

  function slugTaken(error: unknown): unknown {
    const pg = pgErrorOf(error);
    if (pg?.code === "23505" && pg.constraint === "programmes_slug_unique") {
      return fieldConflict("slug", "error.duplicate_slug", undefined, "duplicate_slug");
    }
    return error;
  }

  async function freeSlugFor(title: string): Promise<string> {
    const base = slugify(title).slice(0, 70).replace(/-+$/, "");
    const suffix = () => crypto.randomUUID().slice(0, 8);
    if (base.length < 2) return `programme-${suffix()}`;
    const [taken] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, base));
    return taken ? `${base}-${suffix()}` : base;
  }

  async function createProgramme(actor: Actor | null, input: unknown, locale: Locale): Promise<ProgrammeDto> {
    requireActor(actor);
    const data = parseInput(programmeInputSchema, input);
    requireRole(actor, centreTeam, data.ownerCentreId);
    await requireCentre(data.ownerCentreId);
    await requireCourses(data.courses);
    const slug = data.slug ?? (await freeSlugFor(data.title));
    try {
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(programmes)
          .values({
            slug,
            ownerCentreId: data.ownerCentreId,
            defaultLocale: data.defaultLocale,
            status: data.status,
            createdAt: now(),
            updatedAt: now(),
          })
          .returning({ id: programmes.id });
        const programmeId = row!.id;
        await tx.insert(programmeTranslations).values({
          programmeId,
          locale: data.defaultLocale,
          title: data.title,
          description: data.description,
          targetAudience: data.targetAudience,
          status: "ready",
        });
        await writeCourses(tx, programmeId, data.courses);
        return programmeId;
      });
      return getProgramme(id, locale, actor);
    } catch (error) {
      throw slugTaken(error);
    }
  }

  async function managedProgramme(actor: Actor | null, ref: string): Promise<ProgrammeRow> {
    requireActor(actor);
    const programme = await findProgramme(ref);
    requireRole(actor, centreTeam, programme.ownerCentreId);
    return programme;
  }

  async function updateProgramme(actor: Actor | null, ref: string, patch: unknown, locale: Locale): Promise<ProgrammeDto> {
    const programme = await managedProgramme(actor, ref);
    const data = parseInput(programmePatchSchema, patch);
    if (data.courses) await requireCourses(data.courses);
    try {
      await db.transaction(async (tx) => {
        await tx.update(programmes).set({ slug: data.slug, status: data.status, updatedAt: now() }).where(eq(programmes.id, programme.id));
        const texts = { title: data.title, description: data.description, targetAudience: data.targetAudience };
        if (Object.values(texts).some((v) => v !== undefined)) {
          await tx
            .update(programmeTranslations)
            .set(texts)
            .where(and(eq(programmeTranslations.programmeId, programme.id), eq(programmeTranslations.locale, programme.defaultLocale)));
        }
        if (data.courses) await writeCourses(tx, programme.id, data.courses);
      });
    } catch (error) {
      throw slugTaken(error);
    }
    return getProgramme(programme.id, locale, actor);
  }

  async function translateProgramme(
    actor: Actor | null,
    ref: string,
    textLocale: string,
    input: unknown,
    locale: Locale,
  ): Promise<ProgrammeDto> {
    const programme = await managedProgramme(actor, ref);
    if (!/^[a-z]{2,3}$/.test(textLocale)) throw fieldError("locale", "validation.languageCode");
    const data = parseInput(programmeTranslationSchema, input);
    if (textLocale === programme.defaultLocale && data.status !== "ready") {
      throw fieldError("status", "programmes.field.defaultMustStayReady");
    }
    await db
      .insert(programmeTranslations)
      .values({ programmeId: programme.id, locale: textLocale, ...data })
      .onConflictDoUpdate({ target: [programmeTranslations.programmeId, programmeTranslations.locale], set: data });
    return getProgramme(programme.id, locale, actor);
  }

  async function facilitatorIds(emails: string[]): Promise<string[]> {
    const found = await accountsByEmail(db, emails);
    const missing = emails.findIndex((e) => !found.has(e));
    if (missing >= 0) {
      // Named in the message: the form shows the addresses in one field, so an index alone would not say which.
      throw fieldError(`facilitatorEmails.${missing}`, "programmes.field.unknownFacilitator", { email: emails[missing]! });
    }
    return [...new Set(emails.map((e) => found.get(e)!.id))];
  }

  async function createCohort(actor: Actor | null, programmeRef: string, input: unknown, locale: Locale): Promise<CohortDto> {
    const programme = await managedProgramme(actor, programmeRef);
    const data = parseInput(cohortInputSchema, input);
    const facilitators = await facilitatorIds(data.facilitatorEmails);
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(cohorts)
        .values({
          programmeId: programme.id,
          name: data.name,
          startsOn: data.startsOn,
          endsOn: data.endsOn,
          locale: data.locale,
          capacity: data.capacity,
          enrolmentMode: data.enrolmentMode,
          institutionQuota: data.institutionQuota,
          status: data.status,
          createdAt: now(),
        })
        .returning({ id: cohorts.id });
      if (facilitators.length) await tx.insert(cohortFacilitators).values(facilitators.map((userId) => ({ cohortId: row!.id, userId })));
      return row!.id;
    });
    return getCohort(actor, id, locale);
  }

  async function managedCohort(actor: Actor | null, cohortId: string) {
    requireActor(actor);
    const found = await findCohort(cohortId);
    requireRole(actor, centreTeam, found.programme.ownerCentreId);
    return found;
  }

  async function updateCohort(actor: Actor | null, cohortId: string, patch: unknown, locale: Locale): Promise<CohortDto> {
    const { cohort } = await managedCohort(actor, cohortId);
    const data = parseInput(cohortPatchSchema, patch);
    const startsOn = data.startsOn ?? cohort.startsOn;
    const endsOn = data.endsOn ?? cohort.endsOn;
    if (endsOn < startsOn) throw fieldError("endsOn", "programmes.field.endsBeforeStart");
    const facilitators = data.facilitatorEmails ? await facilitatorIds(data.facilitatorEmails) : null;
    await db.transaction(async (tx) => {
      const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(cohortParticipants).where(eq(cohortParticipants.cohortId, cohort.id));
      if (data.capacity !== undefined && data.capacity < n) throw fieldError("capacity", "programmes.field.capacityBelowParticipants");
      const { facilitatorEmails: _, ...fields } = data;
      await tx.update(cohorts).set(fields).where(eq(cohorts.id, cohort.id));
      if (facilitators) {
        await tx.delete(cohortFacilitators).where(eq(cohortFacilitators.cohortId, cohort.id));
        if (facilitators.length)
          await tx.insert(cohortFacilitators).values(facilitators.map((userId) => ({ cohortId: cohort.id, userId })));
      }
    });
    return getCohort(actor, cohort.id, locale);
  }

  /** Per user and course: lessons done and whether the course is completed; one query for any number of people. */
  async function progressOf(userIds: string[], courseIds: string[]) {
    const done = new Map<string, { lessonsDone: number; completed: boolean }>();
    const totals = new Map<string, number>();
    if (!userIds.length || !courseIds.length) return { done, totals };
    const [rows, lessonTotals] = await Promise.all([
      db
        .select({
          userId: enrolments.userId,
          courseId: enrolments.courseId,
          completed: sql<boolean>`(${enrolments.status} = 'completed' or ${enrolments.completedAt} is not null)`,
          lessonsDone: sql<number>`count(${lessonProgress.lessonId})`.mapWith(Number),
        })
        .from(enrolments)
        .leftJoin(lessonProgress, eq(lessonProgress.enrolmentId, enrolments.id))
        .where(and(inArray(enrolments.userId, userIds), inArray(enrolments.courseId, courseIds)))
        .groupBy(enrolments.id),
      db
        .select({ courseId: courseModules.courseId, n: count() })
        .from(lessons)
        .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
        .where(inArray(courseModules.courseId, courseIds))
        .groupBy(courseModules.courseId),
    ]);
    for (const r of rows) done.set(`${r.userId}/${r.courseId}`, { lessonsDone: r.lessonsDone, completed: !!r.completed });
    for (const t of lessonTotals) totals.set(t.courseId, t.n);
    return { done, totals };
  }

  async function sessionsOf(cohortId: string, reader: Locale): Promise<SessionDto[]> {
    const rows = await db
      .select({ event: events })
      .from(cohortSessions)
      .innerJoin(events, eq(events.id, cohortSessions.eventId))
      .where(eq(cohortSessions.cohortId, cohortId))
      .orderBy(asc(events.startsAt));
    if (!rows.length) return [];
    const texts = await db
      .select()
      .from(eventTranslations)
      .where(
        inArray(
          eventTranslations.eventId,
          rows.map((r) => r.event.id),
        ),
      );
    return rows.map(({ event }) => {
      const own = texts.filter((t) => t.eventId === event.id);
      const shown =
        own.find((t) => t.locale === reader && t.status === "ready") ?? own.find((t) => t.locale === event.defaultLocale) ?? own[0];
      return {
        eventId: event.id,
        slug: event.slug,
        title: shown?.title ?? event.slug,
        startsAt: event.startsAt.toISOString(),
        endsAt: event.endsAt.toISOString(),
        timeZone: event.timeZone,
      };
    });
  }

  async function isInvited(cohortId: string, email: string): Promise<boolean> {
    const [row] = await db
      .select({ email: cohortInvitations.email })
      .from(cohortInvitations)
      .where(and(eq(cohortInvitations.cohortId, cohortId), eq(cohortInvitations.email, email.toLowerCase())));
    return !!row;
  }

  async function getCohort(actor: Actor | null, cohortId: string, reader: Locale): Promise<CohortDto> {
    const { cohort, programme } = await visibleCohort(actor, cohortId);
    const manager = canManage(actor, programme.ownerCentreId);
    const [[participants], texts, courseList, facilitatorRows, sessions, owners] = await Promise.all([
      db.select({ n: count() }).from(cohortParticipants).where(eq(cohortParticipants.cohortId, cohort.id)),
      db.select().from(programmeTranslations).where(eq(programmeTranslations.programmeId, programme.id)),
      programmeCourseList(programme.id, reader),
      db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(cohortFacilitators)
        .innerJoin(users, eq(users.id, cohortFacilitators.userId))
        .where(eq(cohortFacilitators.cohortId, cohort.id))
        .orderBy(asc(users.name)),
      sessionsOf(cohort.id, reader),
      organisationRefs([programme.ownerCentreId, ...nominatingInstitutions(actor)], reader),
    ]);
    const summary = toCohortSummary(cohort, participants?.n ?? 0);
    const shown = shownText(programme, texts, reader);
    const [mine] = actor
      ? await db
          .select({ userId: cohortParticipants.userId })
          .from(cohortParticipants)
          .where(and(eq(cohortParticipants.cohortId, cohort.id), eq(cohortParticipants.userId, actor.userId)))
      : [];
    const joinable =
      !!actor &&
      !mine &&
      cohort.status === "open" &&
      summary.seatsLeft > 0 &&
      (cohort.enrolmentMode === "open" || (cohort.enrolmentMode === "invitation" && (await isInvited(cohort.id, actor.email))));
    const courseIds = courseList.map((c) => c.id);
    let progress: CourseProgressDto[] | null = null;
    if (mine) {
      const { done, totals } = await progressOf([actor!.userId], courseIds);
      progress = courseList.map((c) => {
        const p = done.get(`${actor!.userId}/${c.id}`);
        return {
          courseId: c.id,
          title: c.title,
          required: c.required,
          lessonsDone: p?.lessonsDone ?? 0,
          lessonsTotal: totals.get(c.id) ?? 0,
          completed: p?.completed ?? false,
        };
      });
    }
    return {
      ...summary,
      programme: {
        id: programme.id,
        slug: programme.slug,
        title: shown?.title ?? programme.slug,
        shownLocale: shown?.locale ?? programme.defaultLocale,
        owner: owners.get(programme.ownerCentreId)!,
      },
      courses: courseList,
      facilitators: facilitatorRows.map(({ id, name }) => ({ id, name })),
      facilitatorEmails: manager ? facilitatorRows.map((f) => f.email) : null,
      sessions,
      viewer: {
        participant: !!mine,
        canEnrol: joinable,
        canManage: manager,
        nominatingFor:
          cohort.enrolmentMode === "nomination"
            ? nominatingInstitutions(actor).flatMap((id) => (owners.has(id) ? [owners.get(id)!] : []))
            : [],
      },
      progress,
      participants: manager ? await participantList(cohort.id, courseIds, reader) : null,
    };
  }

  async function participantList(cohortId: string, courseIds: string[], reader: Locale) {
    const rows = await db
      .select({ participant: cohortParticipants, name: users.name, email: users.email })
      .from(cohortParticipants)
      .innerJoin(users, eq(users.id, cohortParticipants.userId))
      .where(eq(cohortParticipants.cohortId, cohortId))
      .orderBy(asc(users.name));
    const [{ done }, refs] = await Promise.all([
      progressOf(
        rows.map((r) => r.participant.userId),
        courseIds,
      ),
      organisationRefs(
        rows.map((r) => r.participant.institutionId),
        reader,
      ),
    ]);
    return rows.map(({ participant, name, email }) => ({
      userId: participant.userId,
      name,
      email,
      institution: participant.institutionId ? (refs.get(participant.institutionId) ?? null) : null,
      source: participant.source as EnrolmentMode,
      enrolledAt: participant.enrolledAt.toISOString(),
      coursesCompleted: courseIds.filter((id) => done.get(`${participant.userId}/${id}`)?.completed).length,
      coursesTotal: courseIds.length,
    }));
  }

  /**
   * Adds people to the cohort and enrols them in its courses, in the caller's transaction. The
   * cohort row is locked first, so concurrent joins cannot together pass its capacity.
   */
  async function admit(
    tx: Executor,
    cohort: CohortRow,
    people: { userId: string; institutionId: string | null }[],
    source: EnrolmentMode,
    enrolledById: string | null,
  ) {
    await tx.execute(sql`select 1 from ${cohorts} where ${cohorts.id} = ${cohort.id} for update`);
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(cohortParticipants).where(eq(cohortParticipants.cohortId, cohort.id));
    if (n + people.length > cohort.capacity) {
      throw fieldConflict("cohort", "programmes.error.full", { seats: Math.max(0, cohort.capacity - n), wanted: people.length });
    }
    const courseRows = await tx
      .select({ courseId: programmeCourses.courseId })
      .from(programmeCourses)
      .where(eq(programmeCourses.programmeId, cohort.programmeId));
    await tx.insert(cohortParticipants).values(
      people.map((p) => ({
        cohortId: cohort.id,
        userId: p.userId,
        institutionId: p.institutionId,
        source,
        enrolledById,
        enrolledAt: now(),
      })),
    );
    await enrolInTransaction(tx, {
      userIds: people.map((p) => p.userId),
      courseIds: courseRows.map((c) => c.courseId),
      enrolledById,
      at: now(),
    });
    // Someone who had left and joins again takes part as before.
    await tx.delete(cohortWithdrawals).where(
      and(
        eq(cohortWithdrawals.cohortId, cohort.id),
        inArray(
          cohortWithdrawals.userId,
          people.map((p) => p.userId),
        ),
      ),
    );
  }

  /**
   * Takes one person out of a cohort under its row lock, in one transaction: the seat is freed,
   * an approved nomination becomes `withdrawn` (the institution sees it), the withdrawal is kept
   * for the report, and their places at the cohort's sessions that have not started are given up,
   * which moves waiting lists on. Their enrolments and progress in the courses stay.
   */
  async function takeOut(cohort: CohortRow, programme: ProgrammeRow, userId: string, byId: string) {
    if (cohort.status === "completed" || cohort.status === "cancelled") throw fieldConflict("cohort", "programmes.error.cohortOver");
    const promoted = await db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from ${cohorts} where ${cohorts.id} = ${cohort.id} for update`);
      const [left] = await tx
        .delete(cohortParticipants)
        .where(and(eq(cohortParticipants.cohortId, cohort.id), eq(cohortParticipants.userId, userId)))
        .returning();
      if (!left) throw notFound("participant");
      const withdrawal = { institutionId: left.institutionId, withdrawnById: byId, withdrawnAt: now() };
      await tx
        .insert(cohortWithdrawals)
        .values({ cohortId: cohort.id, userId, ...withdrawal })
        .onConflictDoUpdate({ target: [cohortWithdrawals.cohortId, cohortWithdrawals.userId], set: withdrawal });
      await tx
        .update(nominations)
        .set({ status: "withdrawn" })
        .where(and(eq(nominations.cohortId, cohort.id), eq(nominations.userId, userId), eq(nominations.status, "approved")));
      const sessions = await tx
        .select({ eventId: cohortSessions.eventId })
        .from(cohortSessions)
        .where(eq(cohortSessions.cohortId, cohort.id));
      // Someone taken out by the centre hears it from the centre, in their own language.
      if (byId !== userId) await outbox.enqueueMail(tx, await removalMail(tx, cohort, programme, userId));
      return eventsService.cancelUpcomingRegistrations(
        tx,
        userId,
        sessions.map((s) => s.eventId),
      );
    });
    if (promoted.length) eventsService.deliverNoticesSoon();
    if (byId !== userId) outbox.deliverSoon();
  }

  async function removalMail(tx: Executor, cohort: CohortRow, programme: ProgrammeRow, userId: string): Promise<MailMessage> {
    const [[person], title] = await Promise.all([
      tx.select({ email: users.email, name: users.name, locale: users.locale }).from(users).where(eq(users.id, userId)),
      mailTitles(tx, programme),
    ]);
    // The participant row just removed references the user: they exist.
    const personLocale = isLocale(person!.locale) ? person!.locale : defaultLocale;
    const t = translatorFor(personLocale);
    return {
      to: person!.email,
      subject: t("programmes.email.removed.subject", { programme: title(personLocale) }),
      text: t("programmes.email.removed.body", {
        name: person!.name,
        programme: title(personLocale),
        cohort: cohort.name,
        learningLink: `${publicUrl}/${personLocale}/learning`,
        link: `${publicUrl}/${personLocale}/programmes/${programme.slug}`,
      }),
    };
  }

  /** The reader leaves a cohort they take part in. */
  async function withdraw(actor: Actor | null, cohortId: string, locale: Locale): Promise<CohortDto> {
    const who = requireActor(actor);
    const { cohort, programme } = await visibleCohort(actor, cohortId);
    await takeOut(cohort, programme, who.userId, who.userId);
    return getCohort(actor, cohort.id, locale);
  }

  /** The centre's staff take a participant out of one of its cohorts. */
  async function removeParticipant(actor: Actor | null, cohortId: string, userId: string, locale: Locale): Promise<CohortDto> {
    const { cohort, programme } = await managedCohort(actor, cohortId);
    if (!isUuid(userId)) throw notFound("participant");
    await takeOut(cohort, programme, userId, actor!.userId);
    return getCohort(actor, cohort.id, locale);
  }

  function cohortLink(cohort: CohortRow, programme: ProgrammeRow, locale: Locale) {
    return `${publicUrl}/${locale}/programmes/${programme.slug}/cohorts/${cohort.id}`;
  }

  /** The programme's title for each mail's reader, from one read of its texts (inside the mail's transaction). */
  async function mailTitles(tx: Executor, programme: ProgrammeRow): Promise<(locale: Locale) => string> {
    const texts = await tx.select().from(programmeTranslations).where(eq(programmeTranslations.programmeId, programme.id));
    return (locale) => shownText(programme, texts, locale)?.title ?? programme.slug;
  }

  /** Joins an open cohort, or an invitation-mode one the person was invited to. */
  async function enrol(actor: Actor | null, cohortId: string, locale: Locale): Promise<CohortDto> {
    const who = requireActor(actor);
    const { cohort } = await visibleCohort(actor, cohortId);
    if (cohort.status !== "open") throw fieldConflict("cohort", "programmes.error.notOpen");
    if (cohort.enrolmentMode === "nomination") throw fieldConflict("cohort", "programmes.error.byNomination");
    if (cohort.enrolmentMode === "invitation" && !(await isInvited(cohort.id, who.email))) throw forbidden();
    await db.transaction(async (tx) => {
      const [already] = await tx
        .select({ userId: cohortParticipants.userId })
        .from(cohortParticipants)
        .where(and(eq(cohortParticipants.cohortId, cohort.id), eq(cohortParticipants.userId, who.userId)));
      if (already) return;
      await admit(tx, cohort, [{ userId: who.userId, institutionId: null }], cohort.enrolmentMode as EnrolmentMode, null);
    });
    return getCohort(actor, cohort.id, locale);
  }

  /** Invites people by email to an invitation-mode cohort; each gets a mail with the cohort's link. */
  async function invite(actor: Actor | null, cohortId: string, input: unknown, locale: Locale): Promise<{ invited: number }> {
    const { cohort, programme } = await managedCohort(actor, cohortId);
    const data = parseInput(invitationInputSchema, input);
    if (cohort.enrolmentMode !== "invitation") throw fieldConflict("emails", "programmes.error.notInvitation");
    const emails = [...new Set(data.emails)];
    const t = translatorFor(locale);
    const added = await db.transaction(async (tx) => {
      const rows = await tx
        .insert(cohortInvitations)
        .values(emails.map((email) => ({ cohortId: cohort.id, email, invitedById: actor!.userId, invitedAt: now() })))
        .onConflictDoNothing()
        .returning({ email: cohortInvitations.email });
      const title = (await mailTitles(tx, programme))(locale);
      await outbox.enqueueMail(
        tx,
        rows.map(({ email }) => ({
          to: email,
          subject: t("programmes.email.invited.subject", { programme: title }),
          text: t("programmes.email.invited.body", { programme: title, cohort: cohort.name, link: cohortLink(cohort, programme, locale) }),
        })),
      );
      return rows;
    });
    if (added.length) outbox.deliverSoon();
    return { invited: added.length };
  }

  /** The institution a nomination is made for: named, or the nominator's only one. */
  function nominatingFor(actor: Actor, institutionId: string | undefined): string {
    const own = nominatingInstitutions(actor);
    if (!isGlobalStaff(actor) && own.length === 0) throw forbidden();
    const chosen = institutionId ?? (own.length === 1 ? own[0] : undefined);
    if (!chosen) throw fieldError("institutionId", "programmes.field.institutionRequired");
    if (!isGlobalStaff(actor) && !own.includes(chosen)) throw forbidden();
    return chosen;
  }

  async function nominationCohort(actor: Actor | null, cohortId: string) {
    requireActor(actor);
    const found = await visibleCohort(actor, cohortId);
    if (found.cohort.enrolmentMode !== "nomination") throw fieldConflict("cohort", "programmes.error.notNomination");
    if (found.cohort.status !== "open" && found.cohort.status !== "planned") throw fieldConflict("cohort", "programmes.error.notOpen");
    return found;
  }

  async function quotaOf(tx: Executor, cohort: CohortRow, institutionId: string): Promise<QuotaDto | null> {
    if (cohort.institutionQuota === null) return null;
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(nominations)
      .where(
        and(
          eq(nominations.cohortId, cohort.id),
          eq(nominations.institutionId, institutionId),
          // A place given up frees the institution's quota for someone else.
          notInArray(nominations.status, ["declined", "withdrawn"]),
        ),
      );
    return { limit: cohort.institutionQuota, used: n, left: Math.max(0, cohort.institutionQuota - n) };
  }

  /**
   * Judges every row against the file itself and the database, with one query per kind of
   * check whatever the number of rows: accounts, nominations and participants by address.
   */
  async function checkRows(tx: Executor, cohort: CohortRow, institutionId: string, rows: Row[]) {
    const emails = rows.map((r) => r.email.toLowerCase()).filter(isEmail);
    const [accounts, quota] = await Promise.all([accountsByEmail(tx, emails), quotaOf(tx, cohort, institutionId)]);
    const userIds = [...accounts.values()].map((a) => a.id);
    const [nominated, enrolled] = userIds.length
      ? await Promise.all([
          tx
            .select({ userId: nominations.userId })
            .from(nominations)
            .where(and(eq(nominations.cohortId, cohort.id), inArray(nominations.userId, userIds))),
          tx
            .select({ userId: cohortParticipants.userId })
            .from(cohortParticipants)
            .where(and(eq(cohortParticipants.cohortId, cohort.id), inArray(cohortParticipants.userId, userIds))),
        ])
      : [[], []];
    const nominatedIds = new Set(nominated.map((r) => r.userId));
    const enrolledIds = new Set(enrolled.map((r) => r.userId));
    const seen = new Set<string>();
    let room = quota ? quota.left : Number.POSITIVE_INFINITY;
    const checked: NominationPreviewRowDto[] = rows.map((row) => {
      const email = row.email.toLowerCase();
      const problems: NominationProblem[] = [];
      if (!row.name) problems.push("missing_name");
      else if (row.name.length > NAME_MAX) problems.push("name_too_long");
      const validEmail = isEmail(email);
      if (!validEmail) problems.push("invalid_email");
      else if (seen.has(email)) problems.push("duplicate_in_file");
      seen.add(email);
      const account = validEmail ? accounts.get(email) : undefined;
      if (account && enrolledIds.has(account.id)) problems.push("already_enrolled");
      else if (account && nominatedIds.has(account.id)) problems.push("already_nominated");
      if (problems.length === 0) {
        if (room <= 0) problems.push("over_quota");
        else room--;
      }
      return { ...row, email: validEmail ? email : row.email, problems, hasAccount: !!account };
    });
    return { rows: checked, quota, accounts };
  }

  function toPreview(
    uploadId: string,
    cohortId: string,
    institution: OrganisationRef,
    fileName: string,
    checked: Awaited<ReturnType<typeof checkRows>>,
  ): NominationPreviewDto {
    const valid = checked.rows.filter((r) => r.problems.length === 0).length;
    return {
      uploadId,
      cohortId,
      institution,
      fileName,
      rows: checked.rows,
      validCount: valid,
      problemCount: checked.rows.length - valid,
      quota: checked.quota,
    };
  }

  async function institutionRef(id: string, locale: Locale): Promise<OrganisationRef> {
    const ref = (await organisationRefs([id], locale)).get(id);
    if (!ref) throw fieldError("institutionId", "programmes.field.institutionRequired");
    return ref;
  }

  async function previewNominations(
    actor: Actor | null,
    cohortId: string,
    upload: { institutionId?: string | undefined; fileName: string; bytes: Uint8Array },
    locale: Locale,
  ): Promise<NominationPreviewDto> {
    const who = requireActor(actor);
    const { cohort } = await nominationCohort(actor, cohortId);
    const institutionId = nominatingFor(who, upload.institutionId);
    const institution = await institutionRef(institutionId, locale);
    const rows = await parseNominationFile(upload.bytes);
    const checked = await checkRows(db, cohort, institutionId, rows);
    const fileName = upload.fileName.slice(0, 200) || "upload";
    const [stored] = await db
      .insert(nominationUploads)
      .values({
        cohortId: cohort.id,
        institutionId,
        uploadedById: who.userId,
        fileName,
        rows: rows.map(({ line, name, email, department, jobTitle }) => ({ line, name, email, department, jobTitle })),
        createdAt: now(),
      })
      .returning({ id: nominationUploads.id });
    await db.delete(nominationUploads).where(lt(nominationUploads.createdAt, new Date(now().getTime() - UPLOAD_LIFETIME_MS)));
    return toPreview(stored!.id, cohort.id, institution, fileName, checked);
  }

  async function findUpload(actor: Actor | null, uploadId: string) {
    const who = requireActor(actor);
    if (!isUuid(uploadId)) throw notFound("upload");
    const [upload] = await db.select().from(nominationUploads).where(eq(nominationUploads.id, uploadId));
    // Only the person who uploaded a file sees its preview: it lists their colleagues' addresses.
    if (!upload || upload.uploadedById !== who.userId) throw notFound("upload");
    return upload;
  }

  /** The preview again (state may have changed since the upload: it is judged anew). */
  async function getNominationPreview(actor: Actor | null, uploadId: string, locale: Locale): Promise<NominationPreviewDto> {
    const upload = await findUpload(actor, uploadId);
    const { cohort } = await findCohort(upload.cohortId);
    const checked = await checkRows(db, cohort, upload.institutionId, upload.rows as Row[]);
    return toPreview(upload.id, cohort.id, await institutionRef(upload.institutionId, locale), upload.fileName, checked);
  }

  /**
   * Saves the valid rows as pending nominations, making accounts for new addresses (each is sent
   * a link to set a password), all in one transaction with the invitations' mail; the rows with
   * problems are left out.
   */
  async function saveNominations(
    actor: Actor,
    cohort: CohortRow,
    programme: ProgrammeRow,
    institutionId: string,
    rows: Row[],
    locale: Locale,
  ): Promise<NominationConfirmationDto & { ids: string[] }> {
    const result = await db.transaction(async (tx) => {
      // Judged again inside the transaction, under the cohort's lock, so two confirmations at once cannot pass the quota.
      await tx.execute(sql`select 1 from ${cohorts} where ${cohorts.id} = ${cohort.id} for update`);
      const checked = await checkRows(tx, cohort, institutionId, rows);
      const valid = checked.rows.filter((r) => r.problems.length === 0);
      const fresh = valid.filter((r) => !checked.accounts.has(r.email));
      const invited = await createInvitedAccounts(
        tx,
        fresh.map((r) => ({ email: r.email, name: r.name })),
        { locale, now: now() },
      );
      const accounts = new Map(checked.accounts);
      // A concurrent sign-up may have taken an address between the check and the insert.
      const made = new Set(invited.map((a) => a.email.toLowerCase()));
      const late = fresh.filter((r) => !made.has(r.email));
      for (const [email, account] of await accountsByEmail(
        tx,
        late.map((r) => r.email),
      ))
        accounts.set(email, account);
      for (const account of invited) accounts.set(account.email.toLowerCase(), { id: account.userId, name: account.name });
      const values = valid.flatMap((r) => {
        const account = accounts.get(r.email);
        return account ? [{ userId: account.id, department: r.department.slice(0, 200), jobTitle: r.jobTitle.slice(0, 200) }] : [];
      });
      // Columns as array parameters (unnest): thousands of rows about three times faster than VALUES.
      const inserted = values.length
        ? rowsOf<{ id: string }>(
            await tx.execute(sql`
              insert into ${nominations} (cohort_id, user_id, institution_id, department, job_title, nominated_by_id, created_at)
              select ${cohort.id}::uuid, v.user_id, ${institutionId}::uuid, v.department, v.job_title, ${actor.userId}::uuid, ${now()}::timestamptz
              from unnest(
                ${sql.param(values.map((v) => v.userId))}::uuid[],
                ${sql.param(values.map((v) => v.department))}::text[],
                ${sql.param(values.map((v) => v.jobTitle))}::text[]
              ) as v(user_id, department, job_title)
              on conflict do nothing
              returning id`),
          )
        : [];
      if (invited.length) await outbox.enqueueMail(tx, await invitationMails(tx, invited, cohort, programme, locale));
      return {
        nominated: inserted.length,
        accountsCreated: invited.length,
        skipped: rows.length - inserted.length,
        ids: inserted.map((r) => r.id),
      };
    });
    if (result.accountsCreated) outbox.deliverSoon();
    return result;
  }

  /** In the language the accounts were made in: the nominator's, which the people are likely to share. */
  async function invitationMails(
    tx: Executor,
    accounts: InvitedAccount[],
    cohort: CohortRow,
    programme: ProgrammeRow,
    locale: Locale,
  ): Promise<MailMessage[]> {
    const t = translatorFor(locale);
    const title = (await mailTitles(tx, programme))(locale);
    return accounts.map((account) => ({
      to: account.email,
      subject: t("programmes.email.nominated.subject", { programme: title }),
      text: t("programmes.email.nominated.body", {
        name: account.name,
        programme: title,
        cohort: cohort.name,
        link: `${publicUrl}/${locale}/reset-password/${account.token}`,
        cohortLink: cohortLink(cohort, programme, locale),
      }),
    }));
  }

  async function confirmNominations(actor: Actor | null, uploadId: string, locale: Locale): Promise<NominationConfirmationDto> {
    const upload = await findUpload(actor, uploadId);
    const who = requireActor(actor);
    const { cohort, programme } = await nominationCohort(actor, upload.cohortId);
    nominatingFor(who, upload.institutionId);
    const { ids: _, ...result } = await saveNominations(who, cohort, programme, upload.institutionId, upload.rows as Row[], locale);
    await db.delete(nominationUploads).where(eq(nominationUploads.id, upload.id));
    return result;
  }

  /** One person nominated through the form; a row problem is the matching field's error. */
  async function nominate(actor: Actor | null, cohortId: string, input: unknown, locale: Locale): Promise<NominationDto> {
    const who = requireActor(actor);
    const { cohort, programme } = await nominationCohort(actor, cohortId);
    const data = parseInput(nominationInputSchema, input);
    const institutionId = nominatingFor(who, data.institutionId);
    const row: Row = { line: 1, name: data.name, email: data.email, department: data.department, jobTitle: data.jobTitle };
    const [problem] = (await checkRows(db, cohort, institutionId, [row])).rows[0]!.problems;
    if (problem) throw fieldConflict(problem === "over_quota" ? "institutionId" : "email", `programmes.problem.${problem}` as MessageId);
    const saved = await saveNominations(who, cohort, programme, institutionId, [row], locale);
    // Judged again under the cohort's lock: someone else may have nominated the person meanwhile.
    const [id] = saved.ids;
    if (!id) throw fieldConflict("email", "programmes.problem.already_nominated");
    const [nomination] = await nominationDtos(eq(nominations.id, id), locale);
    return nomination!;
  }

  async function nominationDtos(where: SQL | undefined, reader: Locale): Promise<NominationDto[]> {
    const rows = await db
      .select({ nomination: nominations, user: { id: users.id, name: users.name, email: users.email }, institution: organisations })
      .from(nominations)
      .innerJoin(users, eq(users.id, nominations.userId))
      .innerJoin(organisations, eq(organisations.id, nominations.institutionId))
      .where(where)
      .orderBy(asc(organisations.name), asc(users.name));
    return rows.map(({ nomination, user, institution }) => ({
      id: nomination.id,
      cohortId: nomination.cohortId,
      user,
      institution: toOrganisationRef(institution, reader),
      department: nomination.department,
      jobTitle: nomination.jobTitle,
      status: nomination.status as NominationStatus,
      createdAt: nomination.createdAt.toISOString(),
      decidedAt: nomination.decidedAt?.toISOString() ?? null,
    }));
  }

  /** The centre's staff see every nomination; an institution's administrators see their own institution's. */
  async function listNominations(actor: Actor | null, cohortId: string, filters: unknown = {}, reader: Locale): Promise<NominationDto[]> {
    const who = requireActor(actor);
    const { cohort, programme } = await findCohort(cohortId);
    const f = parseInput(nominationFiltersSchema, filters ?? {});
    const own = nominatingInstitutions(who);
    const manager = canManage(who, programme.ownerCentreId);
    if (!manager && own.length === 0) throw forbidden();
    if (!manager && f.institutionId && !own.includes(f.institutionId)) throw forbidden();
    return nominationDtos(
      and(
        eq(nominations.cohortId, cohort.id),
        f.status ? eq(nominations.status, f.status) : undefined,
        f.institutionId ? eq(nominations.institutionId, f.institutionId) : undefined,
        manager ? undefined : inArray(nominations.institutionId, own),
      ),
      reader,
    );
  }

  /**
   * Approves or declines pending nominations of one cohort, all or none. Approval admits the
   * people into the cohort and its courses, within the cohort's capacity; either way each person
   * is told by mail, queued in the same transaction.
   */
  async function decide(actor: Actor | null, input: unknown, locale: Locale): Promise<NominationDto[]> {
    const who = requireActor(actor);
    const data = parseInput(decisionInputSchema, input);
    const ids = [...new Set(data.nominationIds)];
    const rows = await db.select().from(nominations).where(inArray(nominations.id, ids));
    if (rows.length !== ids.length) throw notFound("nomination");
    const cohortIds = new Set(rows.map((r) => r.cohortId));
    if (cohortIds.size !== 1) throw fieldError("nominationIds", "programmes.field.oneCohort");
    const { cohort, programme } = await findCohort(rows[0]!.cohortId);
    requireRole(who, centreTeam, programme.ownerCentreId);
    await db.transaction(async (tx) => {
      const decided = await tx
        .update(nominations)
        .set({ status: data.decision, decidedById: who.userId, decidedAt: now() })
        .where(and(inArray(nominations.id, ids), eq(nominations.status, "pending")))
        .returning();
      if (decided.length !== ids.length) throw fieldConflict("nominationIds", "programmes.error.alreadyDecided");
      if (data.decision === "approved") {
        await admit(
          tx,
          cohort,
          decided.map((n) => ({ userId: n.userId, institutionId: n.institutionId })),
          "nomination",
          who.userId,
        );
      }
      await outbox.enqueueMail(tx, await decisionMails(tx, cohort, programme, decided, data.decision));
    });
    outbox.deliverSoon();
    return nominationDtos(inArray(nominations.id, ids), locale);
  }

  /**
   * Each decided person's mail in their own language: a confirmed place, or a kind refusal that
   * names the cohort and says their institution may put them forward for a later one.
   */
  async function decisionMails(
    tx: Executor,
    cohort: CohortRow,
    programme: ProgrammeRow,
    decided: (typeof nominations.$inferSelect)[],
    decision: "approved" | "declined",
  ): Promise<MailMessage[]> {
    const institutionIds = [...new Set(decided.map((n) => n.institutionId))];
    const [people, institutions, title] = await Promise.all([
      tx
        .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
        .from(users)
        .where(
          inArray(
            users.id,
            decided.map((n) => n.userId),
          ),
        ),
      tx.select().from(organisations).where(inArray(organisations.id, institutionIds)),
      mailTitles(tx, programme),
    ]);
    // A nomination's institution is a foreign key: it is always there.
    const institutionOf = new Map(decided.map((n) => [n.userId, institutions.find((i) => i.id === n.institutionId)!]));
    return people.map((person) => {
      const personLocale = isLocale(person.locale) ? person.locale : defaultLocale;
      const t = translatorFor(personLocale);
      const programmeTitle = title(personLocale);
      if (decision === "approved") {
        return {
          to: person.email,
          subject: t("programmes.email.approved.subject", { programme: programmeTitle }),
          text: t("programmes.email.approved.body", {
            name: person.name,
            programme: programmeTitle,
            cohort: cohort.name,
            startsOn: cohort.startsOn,
            link: cohortLink(cohort, programme, personLocale),
          }),
        };
      }
      return {
        to: person.email,
        subject: t("programmes.email.declined.subject", { programme: programmeTitle }),
        text: t("programmes.email.declined.body", {
          name: person.name,
          programme: programmeTitle,
          cohort: cohort.name,
          institution: localName(institutionOf.get(person.id)!, personLocale),
          link: `${publicUrl}/${personLocale}/programmes/${programme.slug}`,
        }),
      };
    });
  }

  /** Links an event of the cohort's centre as one of its live sessions. */
  async function linkSession(actor: Actor | null, cohortId: string, eventId: string, locale: Locale): Promise<CohortDto> {
    const { cohort, programme } = await managedCohort(actor, cohortId);
    const [event] = isUuid(eventId) ? await db.select({ centreId: events.centreId }).from(events).where(eq(events.id, eventId)) : [];
    if (!event || event.centreId !== programme.ownerCentreId) throw fieldError("eventId", "programmes.field.unknownEvent");
    await db.insert(cohortSessions).values({ cohortId: cohort.id, eventId }).onConflictDoNothing();
    return getCohort(actor, cohort.id, locale);
  }

  async function unlinkSession(actor: Actor | null, cohortId: string, eventId: string, locale: Locale): Promise<CohortDto> {
    const { cohort } = await managedCohort(actor, cohortId);
    if (isUuid(eventId))
      await db.delete(cohortSessions).where(and(eq(cohortSessions.cohortId, cohort.id), eq(cohortSessions.eventId, eventId)));
    return getCohort(actor, cohort.id, locale);
  }

  /**
   * Who was nominated, who takes part and how far they got, by institution and by country. An
   * institution's administrators get the same report limited to their own staff.
   */
  async function cohortReport(actor: Actor | null, cohortId: string, reader: Locale): Promise<CohortReportDto> {
    const who = requireActor(actor);
    const { cohort, programme } = await findCohort(cohortId);
    const manager = canManage(who, programme.ownerCentreId);
    const own = nominatingInstitutions(who);
    if (!manager && own.length === 0) throw forbidden();
    const scopeTo = (
      column: typeof nominations.institutionId | typeof cohortParticipants.institutionId | typeof cohortWithdrawals.institutionId,
    ) => (manager ? undefined : inArray(column, own));
    const [nominationRows, participantRows, withdrawalRows, courseList, sessionRows, texts] = await Promise.all([
      db
        .select({ nomination: nominations, name: users.name, email: users.email })
        .from(nominations)
        .innerJoin(users, eq(users.id, nominations.userId))
        .where(and(eq(nominations.cohortId, cohort.id), scopeTo(nominations.institutionId))),
      db
        .select({ participant: cohortParticipants, name: users.name, email: users.email })
        .from(cohortParticipants)
        .innerJoin(users, eq(users.id, cohortParticipants.userId))
        .where(and(eq(cohortParticipants.cohortId, cohort.id), scopeTo(cohortParticipants.institutionId))),
      db
        .select({ withdrawal: cohortWithdrawals, name: users.name, email: users.email })
        .from(cohortWithdrawals)
        .innerJoin(users, eq(users.id, cohortWithdrawals.userId))
        .where(and(eq(cohortWithdrawals.cohortId, cohort.id), scopeTo(cohortWithdrawals.institutionId))),
      programmeCourseList(programme.id, reader),
      db.select({ eventId: cohortSessions.eventId }).from(cohortSessions).where(eq(cohortSessions.cohortId, cohort.id)),
      db.select().from(programmeTranslations).where(eq(programmeTranslations.programmeId, programme.id)),
    ]);
    type Person = {
      userId: string;
      name: string;
      email: string;
      institutionId: string | null;
      department: string;
      jobTitle: string;
      nomination: NominationStatus | null;
      enrolled: boolean;
      withdrawn: boolean;
    };
    const people = new Map<string, Person>();
    for (const { nomination, name, email } of nominationRows) {
      people.set(nomination.userId, {
        userId: nomination.userId,
        name,
        email,
        institutionId: nomination.institutionId,
        department: nomination.department,
        jobTitle: nomination.jobTitle,
        nomination: nomination.status as NominationStatus,
        enrolled: false,
        withdrawn: false,
      });
    }
    /** Someone taking part, or out of the cohort (a withdrawal row exists only while they are: joining again removes it). */
    const addPerson = (
      row: { userId: string; institutionId: string | null },
      name: string,
      email: string,
      state: "enrolled" | "withdrawn",
    ) => {
      const known = people.get(row.userId);
      if (known) known[state] = true;
      else
        people.set(row.userId, {
          userId: row.userId,
          name,
          email,
          institutionId: row.institutionId,
          department: "",
          jobTitle: "",
          nomination: null,
          enrolled: state === "enrolled",
          withdrawn: state === "withdrawn",
        });
    };
    for (const { participant, name, email } of participantRows) addPerson(participant, name, email, "enrolled");
    for (const { withdrawal, name, email } of withdrawalRows) addPerson(withdrawal, name, email, "withdrawn");
    const userIds = [...people.keys()];
    const courseIds = courseList.map((c) => c.id);
    const requiredIds = courseList.filter((c) => c.required).map((c) => c.id);
    const eventIds = sessionRows.map((s) => s.eventId);
    const [{ done }, attendance, refs] = await Promise.all([
      progressOf(userIds, courseIds),
      userIds.length && eventIds.length
        ? db
            .select({ userId: eventRegistrations.userId, n: count() })
            .from(eventRegistrations)
            .where(
              and(
                inArray(eventRegistrations.eventId, eventIds),
                inArray(eventRegistrations.userId, userIds),
                isNotNull(eventRegistrations.attendedAt),
              ),
            )
            .groupBy(eventRegistrations.userId)
        : [],
      organisationRefs(
        [...people.values()].map((p) => p.institutionId),
        reader,
      ),
    ]);
    const attended = new Map(attendance.map((a) => [a.userId, a.n]));
    const totals = emptyCounts();
    const byInstitution = new Map<string, ReportCounts & { institution: OrganisationRef | null }>();
    const byCountry = new Map<string, ReportCounts & { country: string | null }>();
    const rows = [...people.values()]
      .map((p) => {
        const institution = p.institutionId ? (refs.get(p.institutionId) ?? null) : null;
        const completedCourses = courseIds.filter((id) => done.get(`${p.userId}/${id}`)?.completed).length;
        const finished = p.enrolled && requiredIds.every((id) => done.get(`${p.userId}/${id}`)?.completed);
        const sessionsAttended = attended.get(p.userId) ?? 0;
        const add = (counts: ReportCounts) => {
          if (p.nomination) counts.nominated++;
          if (p.nomination === "approved") counts.approved++;
          if (p.enrolled) counts.enrolled++;
          if (p.withdrawn) counts.withdrawn++;
          if (finished) counts.completed++;
          counts.coursesCompleted += completedCourses;
          counts.sessionsAttended += sessionsAttended;
        };
        add(totals);
        const institutionKey = institution?.id ?? "";
        if (!byInstitution.has(institutionKey)) byInstitution.set(institutionKey, { institution, ...emptyCounts() });
        add(byInstitution.get(institutionKey)!);
        const country = institution?.country ?? null;
        if (!byCountry.has(country ?? "")) byCountry.set(country ?? "", { country, ...emptyCounts() });
        add(byCountry.get(country ?? "")!);
        return {
          name: p.name,
          email: p.email,
          institution: institution?.name ?? "",
          country,
          department: p.department,
          jobTitle: p.jobTitle,
          nomination: p.nomination,
          enrolled: p.enrolled,
          withdrawn: p.withdrawn,
          coursesCompleted: completedCourses,
          coursesTotal: courseIds.length,
          sessionsAttended,
          sessionsTotal: eventIds.length,
        };
      })
      .sort((a, b) => a.institution.localeCompare(b.institution, reader) || a.name.localeCompare(b.name, reader));
    const byEnrolled = <T extends ReportCounts>(a: T, b: T) => b.enrolled - a.enrolled || b.nominated - a.nominated;
    return {
      cohort: {
        id: cohort.id,
        name: cohort.name,
        programmeTitle: shownText(programme, texts, reader)?.title ?? programme.slug,
        startsOn: cohort.startsOn,
        endsOn: cohort.endsOn,
      },
      scope: manager ? "cohort" : "institution",
      coursesTotal: courseIds.length,
      sessionsTotal: eventIds.length,
      totals,
      byInstitution: [...byInstitution.values()].sort(byEnrolled),
      byCountry: [...byCountry.values()].sort(byEnrolled),
      people: rows,
    };
  }

  /** Cohorts the actor's institutions can nominate for, for the institution administrators' page. */
  async function nominationCohorts(
    actor: Actor | null,
    reader: Locale,
  ): Promise<(CohortSummaryDto & { programmeTitle: string; programmeSlug: string })[]> {
    const who = requireActor(actor);
    if (!isGlobalStaff(who) && nominatingInstitutions(who).length === 0) throw forbidden();
    const rows = await db
      .select({ cohort: cohorts, programme: programmes, participants: participantCount })
      .from(cohorts)
      .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
      .where(
        and(
          eq(cohorts.enrolmentMode, "nomination"),
          or(eq(cohorts.status, "open"), eq(cohorts.status, "planned")),
          eq(programmes.status, "published"),
        ),
      )
      .orderBy(asc(cohorts.startsOn));
    const texts = await textsOf([...new Set(rows.map((r) => r.programme.id))]);
    return rows.map((r) => ({
      ...toCohortSummary(r.cohort, r.participants),
      programmeTitle: shownText(r.programme, texts.get(r.programme.id) ?? [], reader)?.title ?? r.programme.slug,
      programmeSlug: r.programme.slug,
    }));
  }

  return {
    canManage,
    listProgrammes,
    listManagedProgrammes,
    getProgramme,
    createProgramme,
    updateProgramme,
    translateProgramme,
    createCohort,
    updateCohort,
    getCohort,
    enrol,
    withdraw,
    removeParticipant,
    invite,
    nominate,
    previewNominations,
    getNominationPreview,
    confirmNominations,
    listNominations,
    decide,
    linkSession,
    unlinkSession,
    cohortReport,
    nominationCohorts,
    ...createInstitutionReport({ db, progressOf, textsOf, shownText }),
  };
}

export type ProgrammesService = ReturnType<typeof createProgrammesService>;
