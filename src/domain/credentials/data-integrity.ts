import crypto from "node:crypto";
import jsonld from "jsonld";
import { documentLoader } from "./document-loader.ts";
import { decodeSignature, type Ed25519Pair, encodeSignature, signBytes, verifyBytes } from "./multikey.ts";

/**
 * The `eddsa-rdfc-2022` cryptosuite of W3C Data Integrity (Ed25519 over RDFC-1.0 canonical
 * N-Quads), written out here over jsonld and node:crypto; tests verify its output with Digital
 * Bazaar's independent implementation. `safe` mode makes canonicalisation fail on any term the
 * contexts do not define, instead of silently leaving it out of what is signed.
 */
export type JsonObject = Record<string, unknown>;

export const cryptosuite = "eddsa-rdfc-2022";

async function canonicalHash(document: JsonObject): Promise<Buffer> {
  const nquads = await jsonld.canonize(document, {
    algorithm: "RDFC-1.0",
    format: "application/n-quads",
    documentLoader,
    safe: true,
  });
  return crypto.createHash("sha256").update(nquads, "utf8").digest();
}

async function hashData(unsecured: JsonObject, proofOptions: JsonObject): Promise<Buffer> {
  const proofConfig = { "@context": unsecured["@context"], ...proofOptions };
  const [proofHash, documentHash] = await Promise.all([canonicalHash(proofConfig), canonicalHash(unsecured)]);
  return Buffer.concat([proofHash, documentHash]);
}

/** The document with a `DataIntegrityProof` made by the key, for assertions (`assertionMethod`). */
export async function signDocument(
  document: JsonObject,
  signer: { verificationMethod: string; pair: Ed25519Pair; created: Date },
): Promise<JsonObject> {
  const proofOptions = {
    type: "DataIntegrityProof",
    cryptosuite,
    created: signer.created.toISOString().replace(/\.\d{3}Z$/, "Z"),
    verificationMethod: signer.verificationMethod,
    proofPurpose: "assertionMethod",
  };
  const signature = signBytes(signer.pair, await hashData(document, proofOptions));
  return { ...document, proof: { ...proofOptions, proofValue: encodeSignature(signature) } };
}

export type ProofCheck =
  | { ok: true; verificationMethod: string }
  | { ok: false; reason: "missing_proof" | "unsupported_proof" | "bad_signature" | "undefined_terms"; verificationMethod?: string };

/**
 * Checks the one proof of a document against a public key the caller resolved from the proof's
 * verification method (`resolveKey`); null from it means the key is unknown.
 */
export async function verifyDocument(
  document: JsonObject,
  resolveKey: (verificationMethod: string) => Promise<Uint8Array | null>,
): Promise<ProofCheck & { keyFound?: boolean }> {
  const { proof, ...unsecured } = document;
  if (!proof || typeof proof !== "object" || Array.isArray(proof)) return { ok: false, reason: "missing_proof" };
  const { proofValue, ...proofOptions } = proof as JsonObject;
  const verificationMethod = typeof proofOptions.verificationMethod === "string" ? proofOptions.verificationMethod : undefined;
  if (
    proofOptions.type !== "DataIntegrityProof" ||
    proofOptions.cryptosuite !== cryptosuite ||
    !verificationMethod ||
    typeof proofValue !== "string"
  ) {
    return { ok: false, reason: "unsupported_proof", verificationMethod };
  }
  const signature = decodeSignature(proofValue);
  if (!signature) return { ok: false, reason: "bad_signature", verificationMethod };
  const publicKey = await resolveKey(verificationMethod);
  if (!publicKey) return { ok: false, reason: "bad_signature", verificationMethod, keyFound: false };
  if ("@context" in proofOptions) delete proofOptions["@context"];
  let data: Buffer;
  try {
    data = await hashData(unsecured, proofOptions);
  } catch {
    return { ok: false, reason: "undefined_terms", verificationMethod, keyFound: true };
  }
  return verifyBytes(publicKey, data, signature)
    ? { ok: true, verificationMethod, keyFound: true }
    : { ok: false, reason: "bad_signature", verificationMethod, keyFound: true };
}
