import { and, eq, isNull } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.ts";
import { peopleByEmail } from "../identity/queries.ts";
import { cohortParticipantIds, cohortsOfOwner, cohortWithCourses, parsePeopleFile } from "../programmes/queries.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { fieldConflict, fieldError, notFound } from "../shared/errors.ts";
import { isUuid } from "../shared/ids.ts";
import { emailSchema } from "../shared/validation.ts";
import type { CertificationsContext } from "./context.ts";
import type { BulkPreviewDto } from "./dto.ts";
import { awardInTransaction } from "./issuance.ts";
import { requireAccess } from "./permissions.ts";
import { type CertificationRow, findCertification, latestAward, renewable } from "./rows.ts";
import { certificationBulkUploads, certifications } from "./schema.ts";

type Upload = typeof certificationBulkUploads.$inferSelect;

/** Judges each row of a stored list: an account, a participant of the cohort, not already holding a running award. */
async function judgeRows(ctx: CertificationsContext, certification: CertificationRow, upload: Upload): Promise<BulkPreviewDto["rows"]> {
  const valid = upload.emails.filter((r) => emailSchema.safeParse(r.email).success);
  const people = await peopleByEmail(
    ctx.db,
    valid.map((r) => r.email.toLowerCase()),
  );
  const ids = [...people.values()].map((p) => p.id);
  const participants = await cohortParticipantIds(ctx.db, upload.cohortId, ids);
  const seen = new Set<string>();
  const at = ctx.now();
  const rows: BulkPreviewDto["rows"] = [];
  for (const { line, email } of upload.emails) {
    const person = people.get(email.toLowerCase());
    const key = email.toLowerCase();
    let problem: BulkPreviewDto["rows"][number]["problem"] = null;
    if (!emailSchema.safeParse(email).success) problem = "invalidEmail";
    else if (seen.has(key)) problem = "duplicate";
    else if (!person) problem = "noAccount";
    else if (!participants.has(person.id)) problem = "notInCohort";
    else if (!renewable(certification, await latestAward(ctx.db, certification.id, person.id), at)) problem = "alreadyHolds";
    seen.add(key);
    rows.push({ line, email, name: person?.name ?? null, problem });
  }
  return rows;
}

async function toPreview(ctx: CertificationsContext, certification: CertificationRow, upload: Upload): Promise<BulkPreviewDto> {
  const rows = await judgeRows(ctx, certification, upload);
  return {
    uploadId: upload.id,
    certificationId: certification.id,
    cohortId: upload.cohortId,
    rows,
    validCount: rows.filter((r) => !r.problem).length,
    confirmed: !!upload.confirmedAt,
  };
}

/**
 * A cohort's people to award the certification to, from a CSV or XLSX file (the nomination list's
 * template: name, email): read and kept, judged row by row; nothing is awarded until confirmed.
 */
export async function previewBulkAwards(
  ctx: CertificationsContext,
  actor: Actor | null,
  ref: string,
  input: { cohortId: string; fileName: string; bytes: Uint8Array },
  reader: Locale,
): Promise<BulkPreviewDto> {
  const certification = await findCertification(ctx.db, ref);
  const who = requireAccess(actor, "certification.manage", certification.ownerOrganisationId);
  if (!isUuid(input.cohortId) || !(await cohortWithCourses(ctx.db, input.cohortId, reader)))
    throw fieldError("cohortId", "certifications.field.unknownCohort");
  const rows = await parsePeopleFile(input.bytes);
  const [upload] = await ctx.db
    .insert(certificationBulkUploads)
    .values({
      certificationId: certification.id,
      cohortId: input.cohortId,
      uploadedById: who.userId,
      emails: rows.map((r) => ({ line: r.line, email: r.email })),
      createdAt: ctx.now(),
    })
    .returning();
  return toPreview(ctx, certification, upload as Upload);
}

async function findUpload(ctx: CertificationsContext, actor: Actor | null, uploadId: string) {
  const who = requireActor(actor);
  if (!isUuid(uploadId)) throw notFound("upload");
  const [row] = await ctx.db
    .select({ upload: certificationBulkUploads, certification: certifications })
    .from(certificationBulkUploads)
    .innerJoin(certifications, eq(certifications.id, certificationBulkUploads.certificationId))
    .where(and(eq(certificationBulkUploads.id, uploadId), eq(certificationBulkUploads.uploadedById, who.userId)));
  if (!row) throw notFound("upload");
  requireAccess(actor, "certification.manage", row.certification.ownerOrganisationId);
  return { ...row, who };
}

/** The preview of a list the actor uploaded, judged again as things stand now. */
export async function getBulkPreview(ctx: CertificationsContext, actor: Actor | null, uploadId: string): Promise<BulkPreviewDto> {
  const { upload, certification } = await findUpload(ctx, actor, uploadId);
  return toPreview(ctx, certification, upload);
}

/** Awards the rows that are still valid, in one transaction; a list is confirmed once. */
export async function confirmBulkAwards(
  ctx: CertificationsContext,
  actor: Actor | null,
  uploadId: string,
): Promise<{ awarded: number; preview: BulkPreviewDto }> {
  const { upload, certification, who } = await findUpload(ctx, actor, uploadId);
  const rows = await judgeRows(ctx, certification, upload);
  const people = await peopleByEmail(
    ctx.db,
    rows.flatMap((r) => (r.problem ? [] : [r.email.toLowerCase()])),
  );
  const awarded = await ctx.db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(certificationBulkUploads)
      .set({ confirmedAt: ctx.now() })
      .where(and(eq(certificationBulkUploads.id, upload.id), isNull(certificationBulkUploads.confirmedAt)))
      .returning();
    if (!claimed) throw fieldConflict("uploadId", "certifications.field.alreadyConfirmed");
    let made = 0;
    for (const person of people.values()) {
      const { created } = await awardInTransaction(ctx, tx, certification, person.id, { source: "bulk", issuedById: who.userId });
      if (created) made++;
    }
    return made;
  });
  ctx.outbox.deliverSoon();
  return { awarded, preview: await getBulkPreview(ctx, actor, upload.id) };
}

/** The cohorts a certification may be awarded to in bulk: those of its owner's programmes. */
export async function bulkCohortOptions(
  ctx: CertificationsContext,
  actor: Actor | null,
  ref: string,
  reader: Locale,
): Promise<{ id: string; name: string; programmeTitle: string }[]> {
  const certification = await findCertification(ctx.db, ref);
  requireAccess(actor, "certification.manage", certification.ownerOrganisationId);
  return cohortsOfOwner(ctx.db, certification.ownerOrganisationId, reader);
}
