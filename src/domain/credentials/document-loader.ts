import credentialsV2 from "./contexts/credentials-v2.json" with { type: "json" };
import dataIntegrityV2 from "./contexts/data-integrity-v2.json" with { type: "json" };
import multikeyV1 from "./contexts/multikey-v1.json" with { type: "json" };
import openBadgesV3 from "./contexts/ob-v3p0-3.0.3.json" with { type: "json" };

export const contextUrls = {
  credentials: "https://www.w3.org/ns/credentials/v2",
  openBadges: "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
  dataIntegrity: "https://w3id.org/security/data-integrity/v2",
  multikey: "https://w3id.org/security/multikey/v1",
  did: "https://www.w3.org/ns/did/v1",
} as const;

/**
 * Every JSON-LD context Orbis will process, bundled in the repository. A credential naming any
 * other context is refused rather than fetched: fetching would let a document's author decide
 * what its signed statements mean, and would make verification depend on the network.
 */
const bundled = new Map<string, unknown>([
  [contextUrls.credentials, credentialsV2],
  [contextUrls.openBadges, openBadgesV3],
  [contextUrls.dataIntegrity, dataIntegrityV2],
  [contextUrls.multikey, multikeyV1],
]);

export const bundledContext = (url: string) => bundled.has(url);

export class UnknownContextError extends Error {
  readonly url: string;
  constructor(url: string) {
    super(`JSON-LD context not bundled: ${url.slice(0, 200)}`);
    this.url = url;
  }
}

export async function documentLoader(url: string) {
  const document = bundled.get(url);
  if (!document) throw new UnknownContextError(url);
  return { contextUrl: null, documentUrl: url, document: structuredClone(document) };
}
