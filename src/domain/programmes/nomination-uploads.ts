import { and, count, eq, gt, lt, min } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { organisationRefs } from "../network/queries.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { DomainError, fieldError, notFound } from "../shared/errors.ts";
import { isUuid } from "../shared/ids.ts";
import type { ProgrammesContext } from "./context.ts";
import type { NominationConfirmationDto, NominationPreviewDto } from "./dto.ts";
import { parseNominationFile } from "./nomination-file.ts";
import { type CheckedRows, checkRows, nominatingFor, nominationCohort, saveNominations } from "./nomination-rows.ts";
import { findCohort } from "./rows.ts";
import { nominationUploads } from "./schema.ts";

/**
 * A list of staff uploaded as CSV or XLSX: previewed row by row and kept until it is confirmed, so
 * any app server can confirm what another one previewed.
 */

/** Uploads left unconfirmed this long are dropped when the next one arrives. */
const UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000;
/**
 * A preview tells the uploader which addresses have accounts: at most 10 unconfirmed previews per
 * person in 15 minutes (counted from the stored uploads, so every server counts the same), enough
 * to correct a file, too few to probe a directory.
 */
const MAX_PREVIEWS = 10;
const PREVIEW_WINDOW_MS = 15 * 60 * 1000;

async function requirePreviewAllowance(ctx: ProgrammesContext, userId: string) {
  const since = new Date(ctx.now().getTime() - PREVIEW_WINDOW_MS);
  const [row] = await ctx.db
    .select({ n: count(), first: min(nominationUploads.createdAt) })
    .from(nominationUploads)
    .where(and(eq(nominationUploads.uploadedById, userId), gt(nominationUploads.createdAt, since)));
  if ((row?.n ?? 0) < MAX_PREVIEWS) return;
  const freeAt = (row?.first?.getTime() ?? ctx.now().getTime()) + PREVIEW_WINDOW_MS;
  throw new DomainError("rate_limited", 429, { minutes: Math.max(1, Math.ceil((freeAt - ctx.now().getTime()) / 60_000)) });
}

async function institutionRef(db: Executor, id: string, reader: Locale) {
  const ref = (await organisationRefs(db, [id], reader)).get(id);
  if (!ref) throw fieldError("institutionId", "programmes.field.institutionRequired");
  return ref;
}

function toPreview(
  upload: { id: string; cohortId: string; fileName: string },
  institution: NominationPreviewDto["institution"],
  checked: CheckedRows,
): NominationPreviewDto {
  const valid = checked.rows.filter((r) => r.problems.length === 0).length;
  return {
    uploadId: upload.id,
    cohortId: upload.cohortId,
    institution,
    fileName: upload.fileName,
    rows: checked.rows,
    validCount: valid,
    problemCount: checked.rows.length - valid,
    quota: checked.quota,
  };
}

/** Reads the file and judges every row; nothing is nominated yet. A file that cannot be read is refused before anything is stored. */
export async function previewNominations(
  ctx: ProgrammesContext,
  actor: Actor | null,
  cohortId: string,
  upload: { institutionId?: string | undefined; fileName: string; bytes: Uint8Array },
  reader: Locale,
): Promise<NominationPreviewDto> {
  const { db } = ctx;
  const who = requireActor(actor);
  const { cohort } = await nominationCohort(db, actor, cohortId);
  const institutionId = nominatingFor(who, upload.institutionId);
  await requirePreviewAllowance(ctx, who.userId);
  const institution = await institutionRef(db, institutionId, reader);
  const rows = await parseNominationFile(upload.bytes);
  const checked = await checkRows(db, cohort, institutionId, rows);
  const fileName = upload.fileName.slice(0, 200) || "upload";
  const [stored] = await db
    .insert(nominationUploads)
    .values({ cohortId: cohort.id, institutionId, uploadedById: who.userId, fileName, rows, createdAt: ctx.now() })
    .returning({ id: nominationUploads.id });
  await db.delete(nominationUploads).where(lt(nominationUploads.createdAt, new Date(ctx.now().getTime() - UPLOAD_LIFETIME_MS)));
  return toPreview({ id: stored!.id, cohortId: cohort.id, fileName }, institution, checked);
}

async function findUpload(db: Executor, actor: Actor | null, uploadId: string) {
  const who = requireActor(actor);
  if (!isUuid(uploadId)) throw notFound("upload");
  const [upload] = await db.select().from(nominationUploads).where(eq(nominationUploads.id, uploadId));
  // Only the person who uploaded a file sees its preview: it lists their colleagues' addresses.
  if (!upload || upload.uploadedById !== who.userId) throw notFound("upload");
  return upload;
}

/** The preview again (state may have changed since the upload: it is judged anew). */
export async function getNominationPreview(
  ctx: ProgrammesContext,
  actor: Actor | null,
  uploadId: string,
  reader: Locale,
): Promise<NominationPreviewDto> {
  const upload = await findUpload(ctx.db, actor, uploadId);
  const { cohort } = await findCohort(ctx.db, upload.cohortId);
  const checked = await checkRows(ctx.db, cohort, upload.institutionId, upload.rows);
  return toPreview(upload, await institutionRef(ctx.db, upload.institutionId, reader), checked);
}

/**
 * Nominates the valid rows of an uploaded list, judged again as they are now; rows with problems
 * are left out. New addresses get accounts, mailed in `locale`. The upload is used once.
 */
export async function confirmNominations(
  ctx: ProgrammesContext,
  actor: Actor | null,
  uploadId: string,
  locale: Locale,
): Promise<NominationConfirmationDto> {
  const upload = await findUpload(ctx.db, actor, uploadId);
  const who = requireActor(actor);
  const { cohort, programme } = await nominationCohort(ctx.db, actor, upload.cohortId);
  nominatingFor(who, upload.institutionId);
  const target = { cohortId: cohort.id, programme, institutionId: upload.institutionId };
  const { nominated, accountsCreated, skipped } = await saveNominations(ctx, who, target, upload.rows, locale);
  await ctx.db.delete(nominationUploads).where(eq(nominationUploads.id, upload.id));
  return { nominated, accountsCreated, skipped };
}
