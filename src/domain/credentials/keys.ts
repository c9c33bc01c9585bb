import { and, asc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { CredentialsContext } from "./context.ts";
import { decryptSeed, encryptSeed } from "./key-encryption.ts";
import { decodePublicKey, type Ed25519Pair, encodePublicKey, generateKeyPair } from "./multikey.ts";
import { credentialKeys } from "./schema.ts";

export type SigningKey = { id: string; publicKeyMultibase: string; pair: Ed25519Pair };

function secretOf(ctx: Pick<CredentialsContext, "keySecret">): Uint8Array {
  if (!ctx.keySecret)
    throw new Error("Signing credentials needs the key secret (CREDENTIALS_KEY_SECRET or DATA_DIR/credentials-key-secret)");
  return ctx.keySecret;
}

function unseal(ctx: Pick<CredentialsContext, "keySecret">, row: typeof credentialKeys.$inferSelect): SigningKey {
  const publicKey = decodePublicKey(row.publicKeyMultibase);
  if (!publicKey) throw new Error(`stored key ${row.id} is not an Ed25519 Multikey`);
  const seed = decryptSeed(secretOf(ctx), row.encryptedPrivateKey, row.publicKeyMultibase);
  return { id: row.id, publicKeyMultibase: row.publicKeyMultibase, pair: { publicKey, seed } };
}

async function activeRow(tx: Executor, organisationId: string) {
  const [row] = await tx
    .select()
    .from(credentialKeys)
    .where(and(eq(credentialKeys.organisationId, organisationId), isNull(credentialKeys.retiredAt)));
  return row;
}

async function insertKey(ctx: Pick<CredentialsContext, "keySecret" | "now">, tx: Executor, organisationId: string): Promise<void> {
  const pair = generateKeyPair();
  const publicKeyMultibase = encodePublicKey(pair.publicKey);
  await tx
    .insert(credentialKeys)
    .values({
      organisationId,
      publicKeyMultibase,
      encryptedPrivateKey: encryptSeed(secretOf(ctx), pair.seed, publicKeyMultibase),
      createdAt: ctx.now(),
    })
    // A concurrent first issue made the organisation's key: use that one.
    .onConflictDoNothing();
}

/** The organisation's signing key, made on its first credential. */
export async function activeKey(
  ctx: Pick<CredentialsContext, "keySecret" | "now">,
  tx: Executor,
  organisationId: string,
): Promise<SigningKey> {
  const existing = await activeRow(tx, organisationId);
  if (existing) return unseal(ctx, existing);
  await insertKey(ctx, tx, organisationId);
  const made = await activeRow(tx, organisationId);
  if (!made) throw new Error("the organisation's signing key could not be made");
  return unseal(ctx, made);
}

/** Retires the active key and makes a new one; the old one stays in the DID document. */
export async function rotateKey(ctx: Pick<CredentialsContext, "keySecret" | "now">, tx: Executor, organisationId: string): Promise<string> {
  secretOf(ctx);
  await tx
    .update(credentialKeys)
    .set({ retiredAt: ctx.now() })
    .where(and(eq(credentialKeys.organisationId, organisationId), isNull(credentialKeys.retiredAt)));
  await insertKey(ctx, tx, organisationId);
  const made = await activeRow(tx, organisationId);
  if (!made) throw new Error("the new signing key could not be made");
  return made.publicKeyMultibase;
}

/** Every key an organisation ever had, oldest first (its DID document). */
export async function publicKeysOf(db: Executor, organisationId: string) {
  return db
    .select({ publicKeyMultibase: credentialKeys.publicKeyMultibase, retiredAt: credentialKeys.retiredAt })
    .from(credentialKeys)
    .where(eq(credentialKeys.organisationId, organisationId))
    .orderBy(asc(credentialKeys.createdAt), asc(credentialKeys.id));
}
