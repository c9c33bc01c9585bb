import type { CredentialsContext } from "./context.ts";
import type { VerificationCheck, VerificationReport } from "./dto.ts";
import { createResolver } from "./resolve.ts";
import { fail, issuerIdOf, type Json, proofChecks, schemaCheck, skip, statusCheck, validityCheck } from "./verification-checks.ts";

/** The largest credential accepted for verification (serialised); ours are a few kilobytes. */
export const maxCredentialBytes = 128 * 1024;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === "string" ? value.slice(0, 500) : null);

function parse(input: unknown): { document: Json } | { check: VerificationCheck } {
  const raw = typeof input === "string" ? input : JSON.stringify(input ?? null);
  if (Buffer.byteLength(raw, "utf8") > maxCredentialBytes) return { check: fail("format", "too_large") };
  let value: unknown;
  try {
    value = typeof input === "string" ? JSON.parse(input) : input;
  } catch {
    return { check: fail("format", "malformed_json") };
  }
  const types = isObject(value) && Array.isArray(value.type) ? value.type : [];
  if (!isObject(value) || !types.includes("VerifiableCredential")) return { check: fail("format", "not_a_credential") };
  return { document: value };
}

function summary(document: Json): VerificationReport["credential"] {
  const issuer = isObject(document.issuer) ? document.issuer : {};
  const subject = isObject(document.credentialSubject) ? document.credentialSubject : {};
  const achievement = isObject(subject.achievement) ? subject.achievement : {};
  return {
    id: text(document.id),
    name: text(achievement.name) ?? text(document.name),
    issuerId: text(issuerIdOf(document)),
    issuerName: text(issuer.name),
    achievementType: text(achievement.achievementType),
    validFrom: text(document.validFrom),
    validUntil: text(document.validUntil),
  };
}

/**
 * Verifies any credential, ours or another issuer's (did:web, did:key), check by check: what
 * failed is named, and nothing a credential contains makes this throw. Open to anyone.
 */
export async function verifyCredential(ctx: CredentialsContext, input: unknown): Promise<VerificationReport> {
  const parsed = parse(input);
  if ("check" in parsed) {
    return {
      verified: false,
      checks: [parsed.check, skip("schema"), skip("issuer"), skip("proof"), skip("validity"), skip("status")],
      credential: null,
    };
  }
  const { document } = parsed;
  const resolver = createResolver(ctx.db, ctx.publicUrl, ctx.remote);
  const checks: VerificationCheck[] = [{ check: "format", outcome: "passed", code: "ok" }, schemaCheck(document)];
  try {
    checks.push(...(await proofChecks(document, resolver)), validityCheck(document, ctx.now()), await statusCheck(document, resolver));
  } catch {
    // A credential shaped to break a library (deep nesting, odd JSON-LD) fails, it does not crash.
    checks.push(fail("proof", "unverifiable"));
  }
  return { verified: checks.every((c) => c.outcome !== "failed"), checks, credential: summary(document) };
}
