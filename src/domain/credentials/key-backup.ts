import { z } from "zod";
import { organisationIdsBySlug, organisationRefs } from "../network/queries.ts";
import { notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import type { CredentialsContext } from "./context.ts";
import { decryptSeed } from "./key-encryption.ts";
import { rotateKey } from "./keys.ts";
import { credentialKeys } from "./schema.ts";

/**
 * Backups of the signing keys for the operator (the CLI, no actor): the keys as stored, private
 * halves still encrypted, so a backup is useless without the key secret, which is kept apart.
 */
const backupSchema = z.object({
  format: z.literal("orbis-credential-keys/1"),
  keys: z.array(
    z.object({
      organisation: z.string().min(1).max(200),
      publicKeyMultibase: z.string().regex(/^z[1-9A-HJ-NP-Za-km-z]{40,60}$/),
      encryptedPrivateKey: z.string().min(10).max(500),
      createdAt: z.iso.datetime(),
      retiredAt: z.iso.datetime().nullable(),
    }),
  ),
});
export type KeyBackup = z.infer<typeof backupSchema>;

export async function exportKeys(ctx: CredentialsContext): Promise<KeyBackup> {
  const rows = await ctx.db.select().from(credentialKeys).orderBy(credentialKeys.createdAt);
  const orgs = await organisationRefs(
    ctx.db,
    rows.map((r) => r.organisationId),
    "en",
  );
  return {
    format: "orbis-credential-keys/1",
    keys: rows.map((row) => ({
      organisation: orgs.get(row.organisationId)?.slug ?? row.organisationId,
      publicKeyMultibase: row.publicKeyMultibase,
      encryptedPrivateKey: row.encryptedPrivateKey,
      createdAt: row.createdAt.toISOString(),
      retiredAt: row.retiredAt?.toISOString() ?? null,
    })),
  };
}

/**
 * Restores keys missing here; each must open with this server's secret. A backed-up active key
 * whose organisation already has another active key comes back retired (still in the DID document).
 */
export async function importKeys(ctx: CredentialsContext, raw: unknown): Promise<{ imported: number; skipped: number }> {
  const backup = parseInput(backupSchema, raw);
  if (!ctx.keySecret) throw new Error("importing keys needs the key secret");
  const secret = ctx.keySecret;
  return ctx.db.transaction(async (tx) => {
    const ids = await organisationIdsBySlug(
      tx,
      backup.keys.map((k) => k.organisation),
    );
    let imported = 0;
    for (const key of backup.keys) {
      const organisationId = ids.get(key.organisation);
      if (!organisationId) throw notFound("organisation");
      decryptSeed(secret, key.encryptedPrivateKey, key.publicKeyMultibase);
      const values = {
        ...key,
        organisationId,
        createdAt: new Date(key.createdAt),
        retiredAt: key.retiredAt ? new Date(key.retiredAt) : null,
      };
      let rows = await tx.insert(credentialKeys).values(values).onConflictDoNothing().returning({ id: credentialKeys.id });
      if (!rows.length && !values.retiredAt) {
        rows = await tx
          .insert(credentialKeys)
          .values({ ...values, retiredAt: ctx.now() })
          .onConflictDoNothing()
          .returning({ id: credentialKeys.id });
      }
      imported += rows.length;
    }
    return { imported, skipped: backup.keys.length - imported };
  });
}

/** A new signing key for the organisation; the old one stays listed, so what it signed still verifies. */
export async function rotateOrganisationKey(ctx: CredentialsContext, slug: string): Promise<string> {
  const organisationId = (await organisationIdsBySlug(ctx.db, [slug])).get(slug);
  if (!organisationId) throw notFound("organisation");
  return ctx.db.transaction((tx) => rotateKey(ctx, tx, organisationId));
}
