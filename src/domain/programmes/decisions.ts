import { and, eq, inArray } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { fieldConflict, fieldError, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import type { ProgrammesContext } from "./context.ts";
import type { NominationDto } from "./dto.ts";
import { admit } from "./enrolment.ts";
import { decisionMails } from "./mails.ts";
import { nominationDtos } from "./nominations.ts";
import { requireAccess } from "./permissions.ts";
import { findCohort, isOver, lockCohort } from "./rows.ts";
import { nominations } from "./schema.ts";
import { decisionInputSchema } from "./validation.ts";

/**
 * Approves or declines pending nominations of one cohort, all or none, under the cohort's lock.
 * Approval admits the people into the cohort and its courses, within its capacity, unless the
 * cohort is over or cancelled; declining stays possible. Either way each person is told by mail,
 * queued in the same transaction.
 */
export async function decide(ctx: ProgrammesContext, actor: Actor | null, input: unknown, reader: Locale): Promise<NominationDto[]> {
  const who = requireActor(actor);
  const data = parseInput(decisionInputSchema, input);
  const ids = [...new Set(data.nominationIds)];
  const rows = await ctx.db.select({ cohortId: nominations.cohortId }).from(nominations).where(inArray(nominations.id, ids));
  if (rows.length !== ids.length) throw notFound("nomination");
  const cohortIds = new Set(rows.map((r) => r.cohortId));
  if (cohortIds.size !== 1) throw fieldError("nominationIds", "programmes.field.oneCohort");
  const { programme } = await findCohort(ctx.db, rows[0]!.cohortId);
  requireAccess(who, "nomination.decide", programme.ownerCentreId);
  await ctx.db.transaction(async (tx) => {
    const cohort = await lockCohort(tx, rows[0]!.cohortId);
    if (data.decision === "approved" && isOver(cohort)) throw fieldConflict("cohort", "programmes.error.notOpen");
    const decided = await tx
      .update(nominations)
      .set({ status: data.decision, decidedById: who.userId, decidedAt: ctx.now() })
      .where(and(inArray(nominations.id, ids), eq(nominations.status, "pending")))
      .returning();
    if (decided.length !== ids.length) throw fieldConflict("nominationIds", "programmes.error.alreadyDecided");
    if (data.decision === "approved") {
      const people = decided.map((n) => ({ userId: n.userId, institutionId: n.institutionId }));
      await admit(ctx, tx, cohort, people, "nomination", who.userId);
    }
    await ctx.outbox.enqueueMail(tx, await decisionMails(ctx, tx, cohort, programme, decided, data.decision));
  });
  ctx.outbox.deliverSoon();
  return nominationDtos(ctx.db, inArray(nominations.id, ids), reader);
}
