import { and, eq, inArray } from "drizzle-orm";
import type { Transaction } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { coursesAlignedAtLevel } from "../competencies/queries.ts";
import { attendeesOf } from "../events/queries.ts";
import { completersOf } from "../learning/queries.ts";
import { cohortParticipantIds } from "../programmes/queries.ts";
import type { CertificationsContext } from "./context.ts";
import { credentialInput } from "./credential.ts";
import { judge } from "./facts.ts";
import { awardMails } from "./mail.ts";
import { type AwardRow, type CertificationRow, latestAward, renewable } from "./rows.ts";
import { addMonths, isMet, ofKind } from "./rules.ts";
import { certificationAwards, certificationEvidence, certifications } from "./schema.ts";

export type IssueReason = { source: AwardRow["source"]; issuedById: string | null };

/**
 * Awards the next cycle of a certification to a person in the caller's transaction, unless their
 * current cycle still runs. Idempotent under concurrency: two writers who both find the rules met
 * insert the same (certification, person, cycle) and the unique constraint keeps one; the other
 * gets the existing award back with `created: false`. The award's signed credential is issued
 * and its mail queued in the same transaction.
 */
export async function awardInTransaction(
  ctx: CertificationsContext,
  tx: Transaction,
  certification: CertificationRow,
  userId: string,
  reason: IssueReason,
): Promise<{ award: AwardRow; created: boolean }> {
  const at = ctx.now();
  const last = await latestAward(tx, certification.id, userId);
  if (last && !renewable(certification, last, at)) return { award: last, created: false };
  const cycle = (last?.cycle ?? 0) + 1;
  // A renewal runs on from the end of the cycle before when that is still ahead.
  const startsAt = last?.validUntil && last.validUntil > at ? last.validUntil : at;
  const [inserted] = await tx
    .insert(certificationAwards)
    .values({
      certificationId: certification.id,
      userId,
      cycle,
      source: reason.source,
      issuedById: reason.issuedById,
      issuedAt: at,
      validUntil: certification.validityMonths ? addMonths(startsAt, certification.validityMonths) : null,
    })
    .onConflictDoNothing({ target: [certificationAwards.certificationId, certificationAwards.userId, certificationAwards.cycle] })
    .returning();
  if (!inserted) return { award: (await latestAward(tx, certification.id, userId)) as AwardRow, created: false };
  const { credentialId } = await ctx.credentials.issueInTransaction(tx, await credentialInput(tx, ctx.publicUrl, certification, inserted));
  const [award] = await tx.update(certificationAwards).set({ credentialId }).where(eq(certificationAwards.id, inserted.id)).returning();
  await ctx.outbox.enqueueMail(tx, await awardMails(tx, ctx.publicUrl, "awarded", [{ award: inserted, certification }]));
  return { award: award as AwardRow, created: true };
}

/** Judges one person against an active certification's rules and awards it when they are met. */
export async function issueIfMet(
  ctx: CertificationsContext,
  certification: CertificationRow,
  userId: string,
  reader: Locale,
): Promise<{ award: AwardRow | null; created: boolean }> {
  if (certification.status !== "active") return { award: null, created: false };
  const last = await latestAward(ctx.db, certification.id, userId);
  if (last && !renewable(certification, last, ctx.now())) return { award: last, created: false };
  const { evaluated } = await judge(ctx.db, certification.id, certification.rules, userId, last?.issuedAt ?? null, reader);
  if (!isMet(evaluated)) return { award: null, created: false };
  const result = await ctx.db.transaction((tx) =>
    awardInTransaction(ctx, tx, certification, userId, { source: "rules", issuedById: null }),
  );
  if (result.created) ctx.outbox.deliverSoon();
  return result;
}

/** Who might newly meet a certification's rules: people with a completion, a cohort place, attendance or approved evidence it counts. */
async function candidates(ctx: CertificationsContext, certification: CertificationRow): Promise<string[]> {
  const rule = certification.rules;
  const alignedCourses = await Promise.all(ofKind(rule, "competency").map((c) => coursesAlignedAtLevel(ctx.db, c.itemId, c.levelId)));
  const [completers, participants, attendees, assessed, holders] = await Promise.all([
    completersOf(ctx.db, [...ofKind(rule, "course").map((c) => c.courseId), ...alignedCourses.flat()]),
    Promise.all(ofKind(rule, "cohort").map(async (c) => [...(await cohortParticipantIds(ctx.db, c.cohortId))])),
    attendeesOf(
      ctx.db,
      ofKind(rule, "events").flatMap((c) => c.eventIds),
    ),
    ctx.db
      .selectDistinct({ userId: certificationEvidence.userId })
      .from(certificationEvidence)
      .where(and(eq(certificationEvidence.certificationId, certification.id), eq(certificationEvidence.status, "approved"))),
    ctx.db.select().from(certificationAwards).where(eq(certificationAwards.certificationId, certification.id)),
  ]);
  const latest = new Map<string, AwardRow>();
  for (const a of holders) if ((latest.get(a.userId)?.cycle ?? 0) < a.cycle) latest.set(a.userId, a);
  const at = ctx.now();
  const people = new Set([...completers, ...participants.flat(), ...attendees, ...assessed.map((a) => a.userId)]);
  return [...people].filter((id) => renewable(certification, latest.get(id) ?? null, at));
}

/**
 * The minute job's issuance round: every active certification, every candidate judged, awards
 * written for those who meet the rules. Any number of servers may run it at once: the award's
 * unique cycle makes a second writer a no-op. Returns how many awards were made.
 */
export async function issueDue(ctx: CertificationsContext): Promise<number> {
  const active = await ctx.db.select().from(certifications).where(eq(certifications.status, "active"));
  let made = 0;
  for (const certification of active) {
    for (const userId of await candidates(ctx, certification)) {
      const { created } = await issueIfMet(ctx, certification, userId, "en");
      if (created) made++;
    }
  }
  return made;
}

/** Awards of these certifications, for listing. */
export async function awardsOf(ctx: CertificationsContext, certificationIds: readonly string[]): Promise<AwardRow[]> {
  if (!certificationIds.length) return [];
  return ctx.db
    .select()
    .from(certificationAwards)
    .where(inArray(certificationAwards.certificationId, [...certificationIds]));
}
