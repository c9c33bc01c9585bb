import { contextUrls } from "./document-loader.ts";

/** `did:web` of the host of the public URL; a port is written `%3A` as did:web requires. */
export function rootDid(publicUrl: string): string {
  return `did:web:${new URL(publicUrl).host.replace(":", "%3A")}`;
}

/** An organisation's own DID, resolved at `<public URL>/orgs/<slug>/did.json`. */
export function organisationDid(publicUrl: string, slug: string): string {
  return `${rootDid(publicUrl)}:orgs:${slug}`;
}

export function verificationMethodId(did: string, publicKeyMultibase: string): string {
  return `${did}#${publicKeyMultibase}`;
}

/**
 * Where a did:web document lives (https, except for a local host, which is http so a laptop
 * install can verify its own credentials), or null when the DID is not a did:web.
 */
export function didWebUrl(did: string): string | null {
  const match = /^did:web:([^:/?#]+)((?::[^:/?#]+)*)$/.exec(did);
  if (!match?.[1]) return null;
  const host = decodeURIComponent(match[1]);
  if (!/^[a-z0-9.-]+(:\d+)?$/i.test(host)) return null;
  const segments = match[2] ? match[2].slice(1).split(":").map(decodeURIComponent) : [];
  if (segments.some((s) => !s || s === "." || s === ".." || s.includes("/"))) return null;
  const scheme = /^(localhost|127\.0\.0\.1)(:\d+)?$/.test(host) ? "http" : "https";
  return segments.length ? `${scheme}://${host}/${segments.join("/")}/did.json` : `${scheme}://${host}/.well-known/did.json`;
}

/** A DID document listing every key the DID ever signed with: rotation retires, never removes. */
export function didDocument(did: string, keys: readonly { publicKeyMultibase: string }[]) {
  const methods = keys.map((key) => ({
    id: verificationMethodId(did, key.publicKeyMultibase),
    type: "Multikey",
    controller: did,
    publicKeyMultibase: key.publicKeyMultibase,
  }));
  const ids = methods.map((m) => m.id);
  return {
    "@context": ["https://www.w3.org/ns/did/v1", contextUrls.multikey],
    id: did,
    verificationMethod: methods,
    assertionMethod: ids,
    authentication: ids,
  };
}
