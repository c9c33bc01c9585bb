import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { verifyDocument } from "./data-integrity.ts";
import { bundledContext } from "./document-loader.ts";
import type { VerificationCheck } from "./dto.ts";
import { assertionKey, type Resolver } from "./resolve.ts";
import schema from "./schemas/ob-v3p0-achievementcredential.json" with { type: "json" };
import { bitAt, decodeBitstring } from "./status-lists.ts";

export type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

const ajv = new Ajv({ allErrors: false, strict: false });
addFormats.default(ajv);
const validateSchema = ajv.compile(schema);

export const pass = (check: VerificationCheck["check"], code = "ok", detail?: string): VerificationCheck => ({
  check,
  outcome: "passed",
  code,
  ...(detail ? { detail } : {}),
});
export const fail = (check: VerificationCheck["check"], code: string, detail?: string): VerificationCheck => ({
  check,
  outcome: "failed",
  code,
  ...(detail ? { detail } : {}),
});
export const skip = (check: VerificationCheck["check"], code = "not_checked"): VerificationCheck => ({ check, outcome: "skipped", code });

export function issuerIdOf(document: Json): string | null {
  const issuer = document.issuer;
  if (typeof issuer === "string") return issuer;
  return isObject(issuer) && typeof issuer.id === "string" ? issuer.id : null;
}

export function schemaCheck(document: Json): VerificationCheck {
  if (validateSchema(document)) return pass("schema");
  const error = validateSchema.errors?.[0];
  return fail("schema", "schema_invalid", `${error?.instancePath || "/"} ${error?.message ?? ""}`.trim().slice(0, 300));
}

/** Issuer and proof together: the key must be the issuer's, listed for assertions, and sign the document. */
export async function proofChecks(document: Json, resolver: Resolver): Promise<VerificationCheck[]> {
  const issuerId = issuerIdOf(document);
  const proof = document.proof;
  if (!isObject(proof)) return [issuerId ? pass("issuer", "not_checked") : fail("issuer", "unknown_did"), fail("proof", "missing_proof")];
  const contexts = Array.isArray(document["@context"]) ? document["@context"] : [document["@context"]];
  const unknown = contexts.find((c) => typeof c === "string" && !bundledContext(c));
  if (unknown) return [skip("issuer"), fail("proof", "unknown_context", String(unknown).slice(0, 200))];
  const method = typeof proof.verificationMethod === "string" ? proof.verificationMethod : "";
  const did = method.split("#")[0] ?? "";
  if (!issuerId || did !== issuerId) return [fail("issuer", "issuer_mismatch", method.slice(0, 300)), skip("proof")];
  const didDocument = await resolver.didDocument(did);
  if (!didDocument) return [fail("issuer", "unknown_did", did.slice(0, 300)), skip("proof")];
  const key = assertionKey(didDocument, method, did);
  if (!key) return [fail("issuer", "key_not_listed", method.slice(0, 300)), skip("proof")];
  const result = await verifyDocument(document, async () => key);
  return [pass("issuer", "ok", did.slice(0, 300)), result.ok ? pass("proof") : fail("proof", result.reason)];
}

export function validityCheck(document: Json, now: Date): VerificationCheck {
  const from = typeof document.validFrom === "string" ? new Date(document.validFrom) : null;
  const until = typeof document.validUntil === "string" ? new Date(document.validUntil) : null;
  if ((from && Number.isNaN(from.getTime())) || (until && Number.isNaN(until.getTime()))) return fail("validity", "bad_dates");
  if (from && from > now) return fail("validity", "not_yet_valid", from.toISOString());
  if (until && until <= now) return fail("validity", "expired", until.toISOString());
  return pass("validity");
}

type Entry = { statusPurpose: string; statusListIndex: number; statusListCredential: string };

function statusEntries(document: Json): Entry[] | null {
  const raw = document.credentialStatus;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const entries: Entry[] = [];
  for (const entry of list.slice(0, 10)) {
    if (!isObject(entry) || entry.type !== "BitstringStatusListEntry") continue;
    const index = Number(entry.statusListIndex);
    if (!Number.isInteger(index) || index < 0 || typeof entry.statusListCredential !== "string" || typeof entry.statusPurpose !== "string")
      return null;
    entries.push({ statusPurpose: entry.statusPurpose, statusListIndex: index, statusListCredential: entry.statusListCredential });
  }
  return entries;
}

/** Each Bitstring Status List entry: the list fetched, its own proof by the same issuer checked, the bit read. */
export async function statusCheck(document: Json, resolver: Resolver): Promise<VerificationCheck> {
  const entries = statusEntries(document);
  if (!entries) return fail("status", "status_unavailable");
  if (!entries.length) return skip("status", "no_status");
  for (const entry of entries) {
    const list = await resolver.statusList(entry.statusListCredential);
    const subject = list && isObject(list.credentialSubject) ? list.credentialSubject : null;
    if (!list || !subject || typeof subject.encodedList !== "string" || issuerIdOf(list) !== issuerIdOf(document)) {
      return fail("status", "status_unavailable", entry.statusPurpose);
    }
    const [, proof] = await proofChecks(list, resolver);
    const bits = decodeBitstring(subject.encodedList);
    if (proof?.outcome !== "passed" || !bits || entry.statusListIndex >= bits.length * 8 || subject.statusPurpose !== entry.statusPurpose) {
      return fail("status", "status_unavailable", entry.statusPurpose);
    }
    if (bitAt(bits, entry.statusListIndex)) {
      return fail(
        "status",
        entry.statusPurpose === "revocation" ? "revoked" : entry.statusPurpose === "suspension" ? "suspended" : "flagged",
        entry.statusPurpose,
      );
    }
  }
  return pass("status");
}
