import { eq } from "drizzle-orm";
import type { Transaction } from "../../db/client.ts";
import { notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import type { CredentialsContext } from "./context.ts";
import type { CredentialStatusChange } from "./dto.ts";
import { signerOf } from "./issuer.ts";
import { credentialStatusLists, credentials } from "./schema.ts";
import { resignLists } from "./status-lists.ts";
import { statusChangeSchema } from "./validation.ts";

/**
 * Revokes, suspends or reinstates a credential in the caller's transaction and re-signs its
 * status lists. The list row is locked first, so concurrent changes to one list are applied one
 * after the other and the last signature covers them all. Revocation is final.
 */
export async function setStatusInTransaction(
  ctx: CredentialsContext,
  tx: Transaction,
  credentialId: string,
  raw: CredentialStatusChange,
): Promise<void> {
  const change = parseInput(statusChangeSchema, raw);
  const [row] = await tx
    .select({ listId: credentials.statusListId, organisationId: credentials.issuerOrganisationId, revoked: credentials.revoked })
    .from(credentials)
    .where(eq(credentials.id, credentialId));
  if (!row) throw notFound("credential");
  await tx
    .select({ id: credentialStatusLists.id })
    .from(credentialStatusLists)
    .where(eq(credentialStatusLists.id, row.listId))
    .for("update");
  await tx
    .update(credentials)
    .set({
      revoked: row.revoked || (change.revoked ?? false),
      ...(change.suspended === undefined ? {} : { suspended: change.suspended }),
      statusReason: change.reason,
      statusChangedAt: ctx.now(),
    })
    .where(eq(credentials.id, credentialId));
  const signer = await signerOf(ctx, tx, row.organisationId);
  await resignLists(ctx, tx, row.listId, signer);
}
