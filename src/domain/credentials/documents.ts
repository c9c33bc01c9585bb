import { and, eq } from "drizzle-orm";
import { notFound } from "../shared/errors.ts";
import type { CredentialsContext } from "./context.ts";
import { organisationDid, rootDid } from "./did.ts";
import type { StatusPurpose } from "./dto.ts";
import { localDidDocument } from "./resolve.ts";
import { credentialStatusLists, credentials } from "./schema.ts";

/** The site's DID document (slug null) or an organisation's; public. */
export async function didDocumentFor(ctx: CredentialsContext, slug: string | null) {
  const did = slug === null ? rootDid(ctx.publicUrl) : organisationDid(ctx.publicUrl, slug);
  const document = await localDidDocument(ctx.db, ctx.publicUrl, did);
  if (!document) throw notFound("did");
  return document;
}

/** A signed status list credential, at the stable URL credentials point to; public. */
export async function statusListCredential(ctx: CredentialsContext, listId: string, purpose: StatusPurpose) {
  const [row] = /^[0-9a-f-]{36}$/.test(listId)
    ? await ctx.db.select().from(credentialStatusLists).where(eq(credentialStatusLists.id, listId))
    : [];
  const document = purpose === "revocation" ? row?.revocationCredential : row?.suspensionCredential;
  if (!document) throw notFound("status_list");
  return document;
}

/** The signed document of a public credential (its id URL answers it). */
export async function publicCredentialDocument(ctx: CredentialsContext, credentialId: string) {
  const [row] = /^[0-9a-f-]{36}$/.test(credentialId)
    ? await ctx.db
        .select({ document: credentials.document })
        .from(credentials)
        .where(and(eq(credentials.id, credentialId), eq(credentials.public, true)))
    : [];
  if (!row) throw notFound("credential");
  return row.document;
}
