import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { Executor, Transaction } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { sessionSummaries } from "../events/queries.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { notFound } from "../shared/errors.ts";
import { isUuid } from "../shared/ids.ts";
import { slugSchema } from "../shared/slugs.ts";
import type { SessionDto } from "./dto.ts";
import { can, requireAccess } from "./permissions.ts";
import { cohortInvitations, cohortParticipants, cohortSessions, cohorts, programmes, programmeTranslations } from "./schema.ts";

/** The module's finders and its one lock, shared by the use cases. */

export type ProgrammeRow = typeof programmes.$inferSelect;
export type ProgrammeTextRow = typeof programmeTranslations.$inferSelect;
export type CohortRow = typeof cohorts.$inferSelect;

declare const lockedBrand: unique symbol;
/** A cohort row read under its row lock, in the transaction that holds it: the one to decide seats, quota and status on. */
export type LockedCohort = CohortRow & { readonly [lockedBrand]: true };

export async function findProgramme(db: Executor, ref: string): Promise<ProgrammeRow> {
  if (!isUuid(ref) && !slugSchema.safeParse(ref).success) throw notFound("programme");
  const [row] = await db
    .select()
    .from(programmes)
    .where(isUuid(ref) ? eq(programmes.id, ref) : eq(programmes.slug, ref));
  if (!row) throw notFound("programme");
  return row;
}

export async function findCohort(db: Executor, id: string): Promise<{ cohort: CohortRow; programme: ProgrammeRow }> {
  if (!isUuid(id)) throw notFound("cohort");
  const [row] = await db
    .select({ cohort: cohorts, programme: programmes })
    .from(cohorts)
    .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
    .where(eq(cohorts.id, id));
  if (!row) throw notFound("cohort");
  return row;
}

/**
 * Locks the cohort's row for the rest of the transaction and returns it as it is now: whatever
 * another transaction changed while this one waited (capacity, quota, status) is what counts.
 * Every change to who takes part in a cohort or is nominated for it takes this lock first.
 */
export async function lockCohort(tx: Transaction, id: string): Promise<LockedCohort> {
  const [row] = await tx.select().from(cohorts).where(eq(cohorts.id, id)).for("update");
  if (!row) throw notFound("cohort");
  return row as LockedCohort;
}

/** A programme the actor runs (its centre's team, or global staff); signing in is asked for before anything else. */
export async function managedProgramme(db: Executor, actor: Actor | null, ref: string): Promise<ProgrammeRow> {
  requireActor(actor);
  const programme = await findProgramme(db, ref);
  requireAccess(actor, "programme.manage", programme.ownerCentreId);
  return programme;
}

/** A cohort the reader may see: of a published programme, or of one they run. */
export async function visibleCohort(db: Executor, actor: Actor | null, id: string) {
  const found = await findCohort(db, id);
  if (found.programme.status !== "published" && !can(actor, "programme.manage", found.programme.ownerCentreId)) {
    throw notFound("cohort");
  }
  return found;
}

/** A cohort the actor runs; signing in is asked for before anything else. */
export async function managedCohort(db: Executor, actor: Actor | null, id: string) {
  requireActor(actor);
  const found = await findCohort(db, id);
  requireAccess(actor, "cohort.manage", found.programme.ownerCentreId);
  return found;
}

/** The texts of each programme, in every language it has. */
export async function programmeTexts(db: Executor, programmeIds: string[]): Promise<Map<string, ProgrammeTextRow[]>> {
  const byProgramme = new Map<string, ProgrammeTextRow[]>(programmeIds.map((id) => [id, []]));
  if (!programmeIds.length) return byProgramme;
  const rows = await db.select().from(programmeTranslations).where(inArray(programmeTranslations.programmeId, programmeIds));
  for (const row of rows) byProgramme.get(row.programmeId)?.push(row);
  return byProgramme;
}

/** SQL for the number of people taking part in the cohort of the row being selected. */
export const participantCount =
  sql<number>`(select count(*) from ${cohortParticipants} where ${cohortParticipants.cohortId} = ${cohorts.id})`.mapWith(Number);

export async function participantsIn(db: Executor, cohortId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(cohortParticipants).where(eq(cohortParticipants.cohortId, cohortId));
  return row?.n ?? 0;
}

export async function takesPart(db: Executor, cohortId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: cohortParticipants.userId })
    .from(cohortParticipants)
    .where(and(eq(cohortParticipants.cohortId, cohortId), eq(cohortParticipants.userId, userId)));
  return !!row;
}

export async function isInvited(db: Executor, cohortId: string, email: string): Promise<boolean> {
  const [row] = await db
    .select({ email: cohortInvitations.email })
    .from(cohortInvitations)
    .where(and(eq(cohortInvitations.cohortId, cohortId), eq(cohortInvitations.email, email.toLowerCase())));
  return !!row;
}

/** The events linked to a cohort as its live sessions. */
export async function sessionEventIds(db: Executor, cohortId: string): Promise<string[]> {
  const rows = await db.select({ eventId: cohortSessions.eventId }).from(cohortSessions).where(eq(cohortSessions.cohortId, cohortId));
  return rows.map((r) => r.eventId);
}

/** The cohort's live sessions in order, titled for the reader. */
export async function sessionsOf(db: Executor, cohortId: string, reader: Locale): Promise<SessionDto[]> {
  return sessionSummaries(db, await sessionEventIds(db, cohortId), reader);
}

/** A cohort nobody joins or leaves any more. */
export const isOver = (cohort: CohortRow) => cohort.status === "completed" || cohort.status === "cancelled";
