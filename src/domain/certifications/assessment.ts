import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.ts";
import { peopleByIds } from "../identity/queries.ts";
import { type Actor, isGlobalStaff, requireActor } from "../shared/actor.ts";
import { DomainError, fieldConflict, fieldError, notFound } from "../shared/errors.ts";
import { isUuid } from "../shared/ids.ts";
import { shownText } from "../shared/reader-language.ts";
import { parseInput } from "../shared/validation.ts";
import type { CertificationsContext } from "./context.ts";
import type { EvidenceDto } from "./dto.ts";
import { assessedCondition, type EvidenceRow } from "./facts.ts";
import { issueIfMet } from "./issuance.ts";
import { can, requireAccess } from "./permissions.ts";
import { type CertificationRow, textsOf } from "./rows.ts";
import { rubricOf } from "./rubric.ts";
import { certificationEvidence, certifications } from "./schema.ts";
import { type DecisionInput, decisionInputSchema } from "./validation.ts";

async function toEvidenceDtos(
  ctx: CertificationsContext,
  rows: readonly { evidence: EvidenceRow; certification: CertificationRow }[],
  reader: Locale,
): Promise<EvidenceDto[]> {
  const [people, texts] = await Promise.all([
    peopleByIds(
      ctx.db,
      rows.map((r) => r.evidence.userId),
    ),
    textsOf(
      ctx.db,
      rows.map((r) => r.certification.id),
    ),
  ]);
  return rows.flatMap(({ evidence, certification }) => {
    const condition = assessedCondition(certification.rules, evidence.conditionKey);
    if (!condition) return [];
    const own = certification.defaultLocale;
    const rubric = rubricOf(condition, reader, own);
    const title = condition.kind === "evidence" ? (condition.title[reader] ?? condition.title[own] ?? "") : "";
    return [
      {
        id: evidence.id,
        certificationId: certification.id,
        certificationTitle: shownText(texts.get(certification.id) ?? [], reader, own)?.title ?? certification.slug,
        conditionKey: evidence.conditionKey,
        conditionTitle: title,
        learner: { id: evidence.userId, name: people.get(evidence.userId)?.name ?? "" },
        status: evidence.status,
        fileName: evidence.fileName,
        mimeType: evidence.mimeType,
        byteSize: evidence.byteSize,
        note: evidence.note,
        submittedAt: evidence.submittedAt.toISOString(),
        rubric: rubric.criteria.map((c) => ({ ...c, score: evidence.scores?.[c.key] ?? null })),
        passMark: rubric.passMark,
        comment: evidence.comment,
        decidedAt: evidence.decidedAt?.toISOString() ?? null,
      },
    ];
  });
}

/** Evidence waiting for a decision at the organisations the actor assesses for, oldest first. */
export async function evidenceQueue(ctx: CertificationsContext, actor: Actor | null, reader: Locale): Promise<EvidenceDto[]> {
  const who = requireActor(actor);
  const orgs = who.roles.flatMap((g) => (g.organisationId && can(who, "certification.assess", g.organisationId) ? [g.organisationId] : []));
  if (!isGlobalStaff(who) && !orgs.length) throw new DomainError("forbidden", 403);
  const scope: SQL | undefined = isGlobalStaff(who) ? undefined : inArray(certifications.ownerOrganisationId, orgs);
  const rows = await ctx.db
    .select({ evidence: certificationEvidence, certification: certifications })
    .from(certificationEvidence)
    .innerJoin(certifications, eq(certifications.id, certificationEvidence.certificationId))
    .where(and(eq(certificationEvidence.status, "submitted"), scope))
    .orderBy(asc(certificationEvidence.submittedAt))
    .limit(200);
  return toEvidenceDtos(ctx, rows, reader);
}

async function findEvidence(ctx: CertificationsContext, id: string) {
  if (!isUuid(id)) throw notFound("evidence");
  const [row] = await ctx.db
    .select({ evidence: certificationEvidence, certification: certifications })
    .from(certificationEvidence)
    .innerJoin(certifications, eq(certifications.id, certificationEvidence.certificationId))
    .where(eq(certificationEvidence.id, id));
  if (!row) throw notFound("evidence");
  return row;
}

/** One piece of evidence with its rubric, for the organisation's assessors or the learner who sent it. */
export async function getEvidence(ctx: CertificationsContext, actor: Actor | null, id: string, reader: Locale): Promise<EvidenceDto> {
  const who = requireActor(actor);
  const row = await findEvidence(ctx, id);
  if (row.evidence.userId !== who.userId && !can(who, "certification.assess", row.certification.ownerOrganisationId))
    throw notFound("evidence");
  return (await toEvidenceDtos(ctx, [row], reader))[0] as EvidenceDto;
}

/**
 * An assessor scores the evidence on every criterion and approves or rejects it. Approving needs
 * the pass mark; nobody assesses their own evidence. An approval may complete the rules: the
 * award is then made at once (idempotently, as the minute job would).
 */
export async function decideEvidence(
  ctx: CertificationsContext,
  actor: Actor | null,
  id: string,
  input: DecisionInput,
  reader: Locale,
): Promise<EvidenceDto> {
  const data = parseInput(decisionInputSchema, input);
  const row = await findEvidence(ctx, id);
  const who = requireAccess(actor, "certification.assess", row.certification.ownerOrganisationId);
  if (row.evidence.userId === who.userId) throw new DomainError("own_work", 403);
  const condition = assessedCondition(row.certification.rules, row.evidence.conditionKey);
  if (!condition) throw notFound("evidence");
  const rubric = rubricOf(condition, reader, row.certification.defaultLocale);
  const scores: Record<string, number> = {};
  for (const { key } of rubric.criteria) {
    const score = data.scores[key];
    if (score === undefined) throw fieldError(`scores.${key}`, "certifications.field.scoreMissing");
    scores[key] = score;
  }
  const total = Object.values(scores).reduce((a, b) => a + b, 0);
  if (data.decision === "approve" && total < rubric.passMark)
    throw fieldError("decision", "certifications.field.belowPassMark", { total, passMark: rubric.passMark });
  const [updated] = await ctx.db
    .update(certificationEvidence)
    .set({
      status: data.decision === "approve" ? "approved" : "rejected",
      scores,
      comment: data.comment ?? "",
      assessorId: who.userId,
      decidedAt: ctx.now(),
    })
    .where(and(eq(certificationEvidence.id, row.evidence.id), eq(certificationEvidence.status, "submitted")))
    .returning();
  // Another assessor decided first: theirs stands.
  if (!updated) throw fieldConflict("decision", "certifications.field.alreadyDecided");
  if (data.decision === "approve") await issueIfMet(ctx, row.certification, row.evidence.userId, reader);
  return (await toEvidenceDtos(ctx, [{ evidence: updated, certification: row.certification }], reader))[0] as EvidenceDto;
}
