import { eq } from "drizzle-orm";
import type { Actor } from "../shared/actor.ts";
import { notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import type { CredentialsContext } from "./context.ts";
import { requireAccess } from "./permissions.ts";
import { credentials } from "./schema.ts";
import { setStatusInTransaction } from "./status.ts";
import { staffStatusSchema } from "./validation.ts";

/** Staff of the issuing organisation revoke, suspend or reinstate a credential, with a reason. */
export async function changeStatus(ctx: CredentialsContext, actor: Actor | null, credentialId: string, raw: unknown): Promise<void> {
  const [found] = /^[0-9a-f-]{36}$/.test(credentialId)
    ? await ctx.db.select({ issuer: credentials.issuerOrganisationId }).from(credentials).where(eq(credentials.id, credentialId))
    : [];
  if (!found) throw notFound("credential");
  requireAccess(actor, "credential.manage", found.issuer);
  const { action, reason } = parseInput(staffStatusSchema, raw);
  const change = action === "revoke" ? { revoked: true, reason } : { suspended: action === "suspend", reason };
  await ctx.db.transaction((tx) => setStatusInTransaction(ctx, tx, credentialId, change));
}
