import { and, eq, inArray } from "drizzle-orm";
import type { Transaction } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { fieldConflict, forbidden, notFound } from "../shared/errors.ts";
import { isUuid } from "../shared/ids.ts";
import { getCohort } from "./cohorts.ts";
import type { ProgrammesContext } from "./context.ts";
import type { CohortDto, EnrolmentMode } from "./dto.ts";
import { removalMail } from "./mails.ts";
import {
  isInvited,
  isOver,
  type LockedCohort,
  lockCohort,
  managedCohort,
  type ProgrammeRow,
  participantsIn,
  sessionEventIds,
  takesPart,
  visibleCohort,
} from "./rows.ts";
import { cohortParticipants, cohortWithdrawals, nominations, programmeCourses } from "./schema.ts";

/** Who takes part in a cohort: joining, leaving, being admitted or removed. */

/**
 * Adds people to the cohort and enrols them in its courses, in the caller's transaction, within
 * the capacity of the cohort's row as read under its lock.
 */
export async function admit(
  ctx: ProgrammesContext,
  tx: Transaction,
  cohort: LockedCohort,
  people: { userId: string; institutionId: string | null }[],
  source: EnrolmentMode,
  enrolledById: string | null,
) {
  const taken = await participantsIn(tx, cohort.id);
  if (taken + people.length > cohort.capacity) {
    throw fieldConflict("cohort", "programmes.error.full", { seats: Math.max(0, cohort.capacity - taken), wanted: people.length });
  }
  const courseRows = await tx
    .select({ courseId: programmeCourses.courseId })
    .from(programmeCourses)
    .where(eq(programmeCourses.programmeId, cohort.programmeId));
  const at = ctx.now();
  await tx
    .insert(cohortParticipants)
    .values(
      people.map((p) => ({ cohortId: cohort.id, userId: p.userId, institutionId: p.institutionId, source, enrolledById, enrolledAt: at })),
    );
  const userIds = people.map((p) => p.userId);
  await ctx.learning.enrolInTransaction(tx, { userIds, courseIds: courseRows.map((c) => c.courseId), enrolledById, at });
  // Someone who had left and joins again takes part as before.
  await tx.delete(cohortWithdrawals).where(and(eq(cohortWithdrawals.cohortId, cohort.id), inArray(cohortWithdrawals.userId, userIds)));
}

/** Joins an open cohort, or an invitation-mode one the person was invited to; joining twice changes nothing. */
export async function enrol(ctx: ProgrammesContext, actor: Actor | null, cohortId: string, reader: Locale): Promise<CohortDto> {
  const who = requireActor(actor);
  const { cohort } = await visibleCohort(ctx.db, actor, cohortId);
  await ctx.db.transaction(async (tx) => {
    const current = await lockCohort(tx, cohort.id);
    if (current.status !== "open") throw fieldConflict("cohort", "programmes.error.notOpen");
    if (current.enrolmentMode === "nomination") throw fieldConflict("cohort", "programmes.error.byNomination");
    if (current.enrolmentMode === "invitation" && !(await isInvited(tx, current.id, who.email))) throw forbidden();
    if (await takesPart(tx, current.id, who.userId)) return;
    await admit(ctx, tx, current, [{ userId: who.userId, institutionId: null }], current.enrolmentMode, null);
  });
  return getCohort(ctx, actor, cohort.id, reader);
}

/**
 * Takes one person out of a cohort under its row lock, in one transaction: the seat is freed,
 * an approved nomination becomes `withdrawn` (the institution sees it), the withdrawal is kept
 * for the report, and their places at the cohort's sessions that have not started are given up,
 * which moves waiting lists on. Their enrolments and progress in the courses stay.
 */
async function takeOut(ctx: ProgrammesContext, cohortId: string, programme: ProgrammeRow, userId: string, byId: string) {
  const removedByStaff = byId !== userId;
  await ctx.db.transaction(async (tx) => {
    const cohort = await lockCohort(tx, cohortId);
    if (isOver(cohort)) throw fieldConflict("cohort", "programmes.error.cohortOver");
    const [left] = await tx
      .delete(cohortParticipants)
      .where(and(eq(cohortParticipants.cohortId, cohort.id), eq(cohortParticipants.userId, userId)))
      .returning();
    if (!left) throw notFound("participant");
    const withdrawal = { institutionId: left.institutionId, withdrawnById: byId, withdrawnAt: ctx.now() };
    await tx
      .insert(cohortWithdrawals)
      .values({ cohortId: cohort.id, userId, ...withdrawal })
      .onConflictDoUpdate({ target: [cohortWithdrawals.cohortId, cohortWithdrawals.userId], set: withdrawal });
    await tx
      .update(nominations)
      .set({ status: "withdrawn" })
      .where(and(eq(nominations.cohortId, cohort.id), eq(nominations.userId, userId), eq(nominations.status, "approved")));
    // Someone taken out by the centre hears it from the centre, in their own language.
    if (removedByStaff) await ctx.outbox.enqueueMail(tx, await removalMail(ctx, tx, cohort, programme, userId));
    return ctx.events.cancelUpcomingRegistrations(tx, userId, await sessionEventIds(tx, cohort.id));
  });
  // Places given up are owed a cancellation for people's calendars, promotions their notice.
  ctx.events.deliverNoticesSoon();
  if (removedByStaff) ctx.outbox.deliverSoon();
}

/** The reader leaves a cohort they take part in. */
export async function withdraw(ctx: ProgrammesContext, actor: Actor | null, cohortId: string, reader: Locale): Promise<CohortDto> {
  const who = requireActor(actor);
  const { cohort, programme } = await visibleCohort(ctx.db, actor, cohortId);
  await takeOut(ctx, cohort.id, programme, who.userId, who.userId);
  return getCohort(ctx, actor, cohort.id, reader);
}

/** The centre's staff take a participant out of one of its cohorts. */
export async function removeParticipant(
  ctx: ProgrammesContext,
  actor: Actor | null,
  cohortId: string,
  userId: string,
  reader: Locale,
): Promise<CohortDto> {
  const { cohort, programme } = await managedCohort(ctx.db, actor, cohortId);
  if (!isUuid(userId)) throw notFound("participant");
  await takeOut(ctx, cohort.id, programme, userId, actor!.userId);
  return getCohort(ctx, actor, cohort.id, reader);
}
