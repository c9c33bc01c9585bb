import { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { newStorageKey } from "../../infra/storage.ts";
import type { ServedFile } from "../catalogue/dto.ts";
import { acceptedMimeType, acceptsExtension, cleanFileName, isPlainText } from "../catalogue/queries.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { DomainError, fieldError, notFound } from "../shared/errors.ts";
import { isUuid } from "../shared/ids.ts";
import { parseInput } from "../shared/validation.ts";
import type { CertificationsContext } from "./context.ts";
import { assessedCondition } from "./facts.ts";
import { can } from "./permissions.ts";
import { findCertification } from "./rows.ts";
import { certificationEvidence, certifications } from "./schema.ts";
import { evidenceNoteSchema } from "./validation.ts";

const MiB = 1024 * 1024;

/**
 * A learner's file for an assessed condition (a practicum report, a recording, a portfolio),
 * under the upload rules of decision 9: the same accepted types as course downloads, the type
 * sniffed from the bytes and checked against the name, the size capped. A file still waiting
 * for its decision is replaced by the new one.
 */
export async function submitEvidence(
  ctx: CertificationsContext,
  actor: Actor | null,
  ref: string,
  input: { conditionKey: string; note?: string | undefined; fileName: string; bytes: Uint8Array },
): Promise<{ id: string }> {
  const who = requireActor(actor);
  const row = await findCertification(ctx.db, ref);
  if (row.status !== "active") throw notFound("certification");
  const condition = assessedCondition(row.rules, input.conditionKey);
  if (!condition) throw fieldError("conditionKey", "certifications.field.notAssessed");
  const note = parseInput(evidenceNoteSchema, input.note) ?? "";
  if (input.bytes.byteLength > ctx.maxEvidenceBytes)
    throw new DomainError("payload_too_large", 413, {}, [
      {
        path: "file",
        code: "tooLarge",
        messageId: "authoring.upload.tooLarge",
        params: { megabytes: Math.floor(ctx.maxEvidenceBytes / MiB) },
      },
    ]);
  const fileName = cleanFileName(input.fileName);
  const sniffed = input.bytes.byteLength ? await fileTypeFromBuffer(input.bytes) : undefined;
  const mimeType =
    input.bytes.byteLength && acceptsExtension("download", fileName)
      ? acceptedMimeType("download", fileName, sniffed?.mime, isPlainText(input.bytes.subarray(0, 4096)))
      : null;
  if (!mimeType)
    throw new DomainError("unsupported_media_type", 415, {}, [{ path: "file", code: "type", messageId: "authoring.upload.type" }]);
  const key = newStorageKey(ctx.now());
  const stored = await ctx.storage.put(key, Readable.from([Buffer.from(input.bytes)]), { maxBytes: ctx.maxEvidenceBytes });
  try {
    const { id, replaced } = await ctx.db.transaction(async (tx) => {
      const pending = await tx
        .delete(certificationEvidence)
        .where(
          and(
            eq(certificationEvidence.certificationId, row.id),
            eq(certificationEvidence.userId, who.userId),
            eq(certificationEvidence.conditionKey, condition.key),
            eq(certificationEvidence.status, "submitted"),
          ),
        )
        .returning({ storageKey: certificationEvidence.storageKey });
      const [inserted] = await tx
        .insert(certificationEvidence)
        .values({
          certificationId: row.id,
          conditionKey: condition.key,
          userId: who.userId,
          storageKey: key,
          fileName,
          mimeType,
          byteSize: stored.byteSize,
          sha256: stored.sha256,
          note,
          submittedAt: ctx.now(),
        })
        .returning({ id: certificationEvidence.id });
      return { id: (inserted as { id: string }).id, replaced: pending.map((p) => p.storageKey) };
    });
    await Promise.all(replaced.map((k) => ctx.storage.delete(k)));
    return { id };
  } catch (error) {
    await ctx.storage.delete(key);
    throw error;
  }
}

/** An evidence file, for the learner who sent it and the organisation's assessors; 404 for anyone else. Always a download, never cached by others. */
export async function openEvidenceFile(ctx: CertificationsContext, actor: Actor | null, evidenceId: string): Promise<ServedFile> {
  const who = requireActor(actor);
  if (!isUuid(evidenceId)) throw notFound("evidence");
  const [row] = await ctx.db
    .select({ evidence: certificationEvidence, ownerId: certifications.ownerOrganisationId })
    .from(certificationEvidence)
    .innerJoin(certifications, eq(certifications.id, certificationEvidence.certificationId))
    .where(eq(certificationEvidence.id, evidenceId));
  if (!row || (row.evidence.userId !== who.userId && !can(actor, "certification.assess", row.ownerId))) throw notFound("evidence");
  const { evidence } = row;
  return {
    id: evidence.id,
    name: evidence.fileName,
    mimeType: evidence.mimeType,
    byteSize: evidence.byteSize,
    sha256: evidence.sha256,
    disposition: "attachment",
    public: false,
    read: (range) => ctx.storage.read(evidence.storageKey, range),
  };
}
