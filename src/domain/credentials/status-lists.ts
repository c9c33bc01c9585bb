import zlib from "node:zlib";
import { and, asc, eq, lt, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { CredentialsContext } from "./context.ts";
import { signDocument } from "./data-integrity.ts";
import { verificationMethodId } from "./did.ts";
import { contextUrls } from "./document-loader.ts";
import type { StatusPurpose } from "./dto.ts";
import type { SigningKey } from "./keys.ts";
import { credentialStatusLists, credentials } from "./schema.ts";

/** The smallest list the Bitstring Status List spec allows, so one credential hides among many. */
export const statusListSize = 131_072;

export const statusListUrl = (publicUrl: string, listId: string, purpose: StatusPurpose) =>
  `${publicUrl}/credentials/status/${listId}/${purpose}`;

/** Index 0 is the first (most significant) bit of the first byte; gzip, then multibase base64url. */
export function encodeBitstring(size: number, setIndexes: Iterable<number>): string {
  const bits = new Uint8Array(size / 8);
  for (const index of setIndexes) bits[index >> 3] = (bits[index >> 3] ?? 0) | (0x80 >> (index & 7));
  return `u${zlib.gzipSync(bits).toString("base64url")}`;
}

export function decodeBitstring(encoded: string, maxBytes = 1 << 20): Uint8Array | null {
  if (!encoded.startsWith("u")) return null;
  try {
    return zlib.gunzipSync(Buffer.from(encoded.slice(1), "base64url"), { maxOutputLength: maxBytes });
  } catch {
    return null;
  }
}

export const bitAt = (bits: Uint8Array, index: number) => ((bits[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0;

type Signer = { did: string; key: SigningKey };

async function signedList(
  ctx: Pick<CredentialsContext, "publicUrl" | "now">,
  signer: Signer,
  listId: string,
  purpose: StatusPurpose,
  set: number[],
) {
  const url = statusListUrl(ctx.publicUrl, listId, purpose);
  const now = ctx.now();
  const document = {
    "@context": [contextUrls.credentials],
    id: url,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    issuer: signer.did,
    validFrom: now.toISOString(),
    credentialSubject: {
      id: `${url}#list`,
      type: "BitstringStatusList",
      statusPurpose: purpose,
      encodedList: encodeBitstring(statusListSize, set),
    },
  };
  return signDocument(document, {
    verificationMethod: verificationMethodId(signer.did, signer.key.publicKeyMultibase),
    pair: signer.key.pair,
    created: now,
  });
}

/**
 * A free slot in the organisation's current list, taken under the list row's lock so concurrent
 * issues get distinct indexes; a new pair of (signed, empty) lists when the last one is full.
 */
export async function takeStatusSlot(
  ctx: Pick<CredentialsContext, "publicUrl" | "now">,
  tx: Executor,
  organisationId: string,
  signer: Signer,
): Promise<{ listId: string; index: number }> {
  const [open] = await tx
    .select({ id: credentialStatusLists.id })
    .from(credentialStatusLists)
    .where(and(eq(credentialStatusLists.organisationId, organisationId), lt(credentialStatusLists.nextIndex, credentialStatusLists.size)))
    .orderBy(asc(credentialStatusLists.createdAt))
    .limit(1);
  if (open) {
    const [taken] = await tx
      .update(credentialStatusLists)
      .set({ nextIndex: sql`${credentialStatusLists.nextIndex} + 1` })
      .where(and(eq(credentialStatusLists.id, open.id), lt(credentialStatusLists.nextIndex, credentialStatusLists.size)))
      .returning({ next: credentialStatusLists.nextIndex });
    if (taken) return { listId: open.id, index: taken.next - 1 };
  }
  const listId = crypto.randomUUID();
  await tx.insert(credentialStatusLists).values({
    id: listId,
    organisationId,
    size: statusListSize,
    nextIndex: 1,
    revocationCredential: await signedList(ctx, signer, listId, "revocation", []),
    suspensionCredential: await signedList(ctx, signer, listId, "suspension", []),
    createdAt: ctx.now(),
    updatedAt: ctx.now(),
  });
  return { listId, index: 0 };
}

/** Re-signs both lists of one list row from the credentials' flags; the caller holds the row's lock. */
export async function resignLists(ctx: Pick<CredentialsContext, "publicUrl" | "now">, tx: Executor, listId: string, signer: Signer) {
  const rows = await tx
    .select({ index: credentials.statusIndex, revoked: credentials.revoked, suspended: credentials.suspended })
    .from(credentials)
    .where(and(eq(credentials.statusListId, listId), sql`(${credentials.revoked} or ${credentials.suspended})`));
  await tx
    .update(credentialStatusLists)
    .set({
      revocationCredential: await signedList(
        ctx,
        signer,
        listId,
        "revocation",
        rows.filter((r) => r.revoked).map((r) => r.index),
      ),
      suspensionCredential: await signedList(
        ctx,
        signer,
        listId,
        "suspension",
        rows.filter((r) => r.suspended).map((r) => r.index),
      ),
      updatedAt: ctx.now(),
    })
    .where(eq(credentialStatusLists.id, listId));
}
