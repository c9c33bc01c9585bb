import { and, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { RemoteJson } from "../../infra/remote-json.ts";
import { organisationHasSlug, organisationIsOfKind } from "../network/queries.ts";
import { didDocument, didWebUrl, rootDid } from "./did.ts";
import { decodePublicKey } from "./multikey.ts";
import { credentialKeys, credentialStatusLists } from "./schema.ts";

export type DidDocument = { id: string; verificationMethod?: unknown; assertionMethod?: unknown };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The DID document of the site (its institute's keys) or of one of its organisations, from the
 * database; null when it has no keys.
 */
export async function localDidDocument(db: Executor, publicUrl: string, did: string) {
  const root = rootDid(publicUrl);
  const prefix = `${root}:orgs:`;
  const slug = did.startsWith(prefix) ? did.slice(prefix.length) : null;
  if (did !== root && !(slug && /^[a-z0-9-]{1,120}$/.test(slug))) return null;
  const keys = await db
    .select({ publicKeyMultibase: credentialKeys.publicKeyMultibase })
    .from(credentialKeys)
    .where(
      slug ? organisationHasSlug(credentialKeys.organisationId, slug) : organisationIsOfKind(credentialKeys.organisationId, "institute"),
    )
    .orderBy(credentialKeys.createdAt, credentialKeys.id);
  return keys.length ? didDocument(did, keys) : null;
}

/** did:key of an Ed25519 Multikey: the document is the key itself. */
function didKeyDocument(did: string) {
  const multibase = did.slice("did:key:".length);
  return decodePublicKey(multibase) ? didDocument(did, [{ publicKeyMultibase: multibase }]) : null;
}

export type Resolver = {
  /** The DID's document, or null when it cannot be had (unknown, unreachable, malformed). */
  didDocument(did: string): Promise<DidDocument | null>;
  /** A status list credential, or null when it cannot be had. */
  statusList(url: string): Promise<Record<string, unknown> | null>;
};

/** Local DIDs and lists from the database; others fetched (https, time limit, size cap). */
export function createResolver(db: Executor, publicUrl: string, remote: RemoteJson): Resolver {
  const fetched = async (url: string) => {
    try {
      const value = await remote(url);
      return isObject(value) ? value : null;
    } catch {
      return null;
    }
  };
  return {
    async didDocument(did) {
      if (did.length > 300) return null;
      if (did === rootDid(publicUrl) || did.startsWith(`${rootDid(publicUrl)}:`)) return localDidDocument(db, publicUrl, did);
      if (did.startsWith("did:key:")) return didKeyDocument(did);
      const url = didWebUrl(did);
      if (!url) return null;
      const document = await fetched(url);
      return document && document.id === did ? (document as DidDocument) : null;
    },
    async statusList(url) {
      const local = new RegExp(
        `^${publicUrl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/credentials/status/([0-9a-f-]{36})/(revocation|suspension)$`,
      ).exec(url);
      if (local) {
        const [row] = await db
          .select()
          .from(credentialStatusLists)
          .where(and(eq(credentialStatusLists.id, local[1] ?? "")));
        return (local[2] === "revocation" ? row?.revocationCredential : row?.suspensionCredential) ?? null;
      }
      return url.length <= 2000 ? fetched(url) : null;
    },
  };
}

/**
 * The public key of a verification method, if the DID document lists it for assertions and the
 * method belongs to the expected controller (the credential's issuer).
 */
export function assertionKey(document: DidDocument, verificationMethod: string, controller: string): Uint8Array | null {
  const absolute = (id: string) => (id.startsWith("#") ? `${document.id}${id}` : id);
  const methods = Array.isArray(document.verificationMethod) ? document.verificationMethod.filter(isObject) : [];
  const assertion = Array.isArray(document.assertionMethod) ? document.assertionMethod : [];
  const listed = assertion.some(
    (entry) => (typeof entry === "string" ? absolute(entry) : isObject(entry) ? absolute(String(entry.id)) : "") === verificationMethod,
  );
  const embedded = assertion.filter(isObject).find((m) => absolute(String(m.id)) === verificationMethod);
  const method = embedded ?? methods.find((m) => typeof m.id === "string" && absolute(m.id) === verificationMethod);
  if (!listed || !method || method.controller !== controller || typeof method.publicKeyMultibase !== "string") return null;
  return decodePublicKey(method.publicKeyMultibase);
}
