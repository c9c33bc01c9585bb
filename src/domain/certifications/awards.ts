import { desc, eq } from "drizzle-orm";
import { peopleByIds } from "../identity/queries.ts";
import type { Actor } from "../shared/actor.ts";
import { fieldConflict, notFound } from "../shared/errors.ts";
import { isUuid } from "../shared/ids.ts";
import { parseInput } from "../shared/validation.ts";
import type { CertificationsContext } from "./context.ts";
import type { ManagedAwardDto } from "./dto.ts";
import { requireAccess } from "./permissions.ts";
import { type AwardRow, findCertification, toAwardDto } from "./rows.ts";
import { certificationAwards, certifications } from "./schema.ts";
import { type StatusChangeInput, statusChangeSchema } from "./validation.ts";

async function withHolders(ctx: CertificationsContext, rows: readonly AwardRow[]): Promise<ManagedAwardDto[]> {
  const people = await peopleByIds(
    ctx.db,
    rows.map((r) => r.userId),
  );
  const at = ctx.now();
  return rows.map((r) => {
    const person = people.get(r.userId);
    return { ...toAwardDto(r, at), holder: { id: r.userId, name: person?.name ?? "", email: person?.email ?? "" } };
  });
}

/** Every award of a certification, newest first, for the organisation's managers. */
export async function listAwards(ctx: CertificationsContext, actor: Actor | null, ref: string): Promise<ManagedAwardDto[]> {
  const row = await findCertification(ctx.db, ref);
  requireAccess(actor, "certification.manage", row.ownerOrganisationId);
  const rows = await ctx.db
    .select()
    .from(certificationAwards)
    .where(eq(certificationAwards.certificationId, row.id))
    .orderBy(desc(certificationAwards.issuedAt))
    .limit(1000);
  return withHolders(ctx, rows);
}

/** Which status each action leads from: a revocation is final; only a suspension is lifted. */
const transitions = {
  revoke: { from: ["active", "suspended"], to: "revoked" },
  suspend: { from: ["active"], to: "suspended" },
  reinstate: { from: ["suspended"], to: "active" },
} as const;

const credentialStatus = {
  revoke: (reason: string) => ({ revoked: true, reason }),
  suspend: (reason: string) => ({ suspended: true, reason }),
  reinstate: (reason: string) => ({ suspended: false, reason }),
};

/** Revokes, suspends or reinstates an award, with the reason kept and shown to the holder. */
export async function changeAwardStatus(
  ctx: CertificationsContext,
  actor: Actor | null,
  awardId: string,
  input: StatusChangeInput,
): Promise<ManagedAwardDto> {
  const data = parseInput(statusChangeSchema, input);
  if (!isUuid(awardId)) throw notFound("award");
  const [found] = await ctx.db
    .select({ award: certificationAwards, ownerId: certifications.ownerOrganisationId })
    .from(certificationAwards)
    .innerJoin(certifications, eq(certifications.id, certificationAwards.certificationId))
    .where(eq(certificationAwards.id, awardId));
  if (!found) throw notFound("award");
  const who = requireAccess(actor, "certification.manage", found.ownerId);
  const step = transitions[data.action];
  const updated = await ctx.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(certificationAwards).where(eq(certificationAwards.id, awardId)).for("update");
    if (!locked || !(step.from as readonly string[]).includes(locked.status))
      throw fieldConflict("action", "certifications.field.wrongAwardStatus", { status: locked?.status ?? "" });
    const [row] = await tx
      .update(certificationAwards)
      .set({ status: step.to, statusReason: data.reason, statusChangedAt: ctx.now(), statusChangedById: who.userId })
      .where(eq(certificationAwards.id, awardId))
      .returning();
    // The credential's status list says the same as the award, from the same commit.
    if (locked.credentialId)
      await ctx.credentials.setStatusInTransaction(tx, locked.credentialId, credentialStatus[data.action](data.reason));
    return row as AwardRow;
  });
  return (await withHolders(ctx, [updated]))[0] as ManagedAwardDto;
}
