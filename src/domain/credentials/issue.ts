import { eq } from "drizzle-orm";
import type { Transaction } from "../../db/client.ts";
import { peopleByIds } from "../identity/queries.ts";
import { notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import type { CredentialsContext } from "./context.ts";
import { signDocument } from "./data-integrity.ts";
import { verificationMethodId } from "./did.ts";
import type { IssueCredentialInput } from "./dto.ts";
import { signerOf } from "./issuer.ts";
import { buildOpenBadgeCredential } from "./ob-credential.ts";
import { credentials } from "./schema.ts";
import { statusListUrl, takeStatusSlot } from "./status-lists.ts";
import { issueCredentialSchema } from "./validation.ts";

async function existing(tx: Transaction, sourceKey: string): Promise<string | undefined> {
  const [row] = await tx.select({ id: credentials.id }).from(credentials).where(eq(credentials.sourceKey, sourceKey));
  return row?.id;
}

/**
 * Issues a signed Open Badges 3.0 credential in the caller's transaction (another module's
 * write: a course completed, a certification awarded). The caller has decided the person earned
 * it, so there is no access check here. The same `sourceKey` always answers the same credential:
 * a concurrent issue of one key waits on the unique index and then finds the first one's row.
 */
export async function issueInTransaction(
  ctx: CredentialsContext,
  tx: Transaction,
  raw: IssueCredentialInput,
): Promise<{ credentialId: string; created: boolean }> {
  const input = parseInput(issueCredentialSchema, raw) as IssueCredentialInput;
  const found = await existing(tx, input.sourceKey);
  if (found) return { credentialId: found, created: false };
  const recipient = (await peopleByIds(tx, [input.recipientUserId])).get(input.recipientUserId);
  if (!recipient) throw notFound("user");
  const signer = await signerOf(ctx, tx, input.issuerOrganisationId, input.achievement.language);
  const slot = await takeStatusSlot(ctx, tx, input.issuerOrganisationId, signer);
  const credentialId = crypto.randomUUID();
  const unsigned = buildOpenBadgeCredential({
    publicUrl: ctx.publicUrl,
    credentialId,
    input,
    issuer: signer,
    recipientEmail: recipient.email,
    holderDid: null,
    status: { ...slot, urlOf: (purpose) => statusListUrl(ctx.publicUrl, slot.listId, purpose) },
  });
  const now = ctx.now();
  const document = await signDocument(unsigned, {
    verificationMethod: verificationMethodId(signer.did, signer.key.publicKeyMultibase),
    pair: signer.key.pair,
    created: now,
  });
  const [inserted] = await tx
    .insert(credentials)
    .values({
      id: credentialId,
      sourceKey: input.sourceKey,
      issuerOrganisationId: input.issuerOrganisationId,
      recipientUserId: input.recipientUserId,
      achievementKey: input.achievement.key,
      achievementType: input.achievement.achievementType,
      name: input.achievement.name,
      document,
      statusListId: slot.listId,
      statusIndex: slot.index,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      issuedAt: now,
    })
    .onConflictDoNothing({ target: credentials.sourceKey })
    .returning({ id: credentials.id });
  if (inserted) return { credentialId: inserted.id, created: true };
  // Lost the race on the source key; the slot taken stays unused (a clear bit in the list).
  const winner = await existing(tx, input.sourceKey);
  if (!winner) throw new Error(`credential for ${input.sourceKey} vanished`);
  return { credentialId: winner, created: false };
}
