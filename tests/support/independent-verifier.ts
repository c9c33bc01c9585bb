// Verifies Orbis's credentials by a path that shares none of its signing code: Digital Bazaar's
// jsonld-signatures with its Data Integrity proof and eddsa-rdfc-2022 cryptosuite.
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import jsigs from "jsonld-signatures";
import credentialsV2 from "../../src/domain/credentials/contexts/credentials-v2.json" with { type: "json" };
import dataIntegrityV2 from "../../src/domain/credentials/contexts/data-integrity-v2.json" with { type: "json" };
import multikeyV1 from "../../src/domain/credentials/contexts/multikey-v1.json" with { type: "json" };
import openBadgesV3 from "../../src/domain/credentials/contexts/ob-v3p0-3.0.3.json" with { type: "json" };

const contexts: Record<string, unknown> = {
  "https://www.w3.org/ns/credentials/v2": credentialsV2,
  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": openBadgesV3,
  "https://w3id.org/security/data-integrity/v2": dataIntegrityV2,
  "https://w3id.org/security/multikey/v1": multikeyV1,
};

/** did -> its DID document, as the server publishes it. */
export async function verifyIndependently(document: unknown, didDocuments: Record<string, { verificationMethod: { id: string }[] }>) {
  const documentLoader = async (url: string) => {
    if (contexts[url]) return { contextUrl: null, documentUrl: url, document: contexts[url] };
    const [did] = url.split("#");
    const didDocument = did ? didDocuments[did] : undefined;
    if (didDocument && url === did) return { contextUrl: null, documentUrl: url, document: didDocument };
    const method = didDocument?.verificationMethod.find((m) => m.id === url);
    if (method) return { contextUrl: null, documentUrl: url, document: { "@context": "https://w3id.org/security/multikey/v1", ...method } };
    throw new Error(`independent verifier: no document for ${url}`);
  };
  return jsigs.verify(document, {
    suite: new DataIntegrityProof({ cryptosuite }),
    purpose: new jsigs.purposes.AssertionProofPurpose(),
    documentLoader,
  });
}
