import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { signDocument } from "../../src/domain/credentials/data-integrity.ts";
import type { IssueCredentialInput } from "../../src/domain/credentials/dto.ts";
import { encodePublicKey, generateKeyPair } from "../../src/domain/credentials/multikey.ts";
import type { OrganisationDto } from "../../src/domain/network/dto.ts";
import type { RoleGrant } from "../../src/domain/shared/actor.ts";
import { createOrganisation } from "../factories/network.ts";
import { verifyIndependently } from "../support/independent-verifier.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../support/runtime.ts";

/** Issue 13 points 4-6 over HTTP: DID documents, status lists, verification check by check, wallet, revocation. */

let runtime: TestRuntime;
let app: FastifyInstance;
let org: OrganisationDto;
let holder: { authorization: string; userId: string };

async function bearer(...roles: RoleGrant[]) {
  const email = `api-${crypto.randomUUID()}@orbis.test`;
  const password = "correct horse battery staple";
  const user = await runtime.services.identity.createUser({ email, name: "Credential holder", password, roles });
  const { actor } = await runtime.services.identity.signIn({ email, password, clientKey: "credentials-api-test" });
  const { token } = await runtime.services.identity.createApiToken(actor, { name: "credentials tests" });
  return { authorization: `Bearer ${token}`, userId: user.id };
}

const call = (method: "GET" | "POST" | "PUT", url: string, auth?: { authorization: string }, payload?: object | string) =>
  app.inject({ method, url, headers: auth ? { authorization: auth.authorization } : {}, payload });

function input(overrides: Partial<IssueCredentialInput> = {}): IssueCredentialInput {
  return {
    sourceKey: `api:${crypto.randomUUID()}`,
    issuerOrganisationId: org.id,
    recipientUserId: holder.userId,
    achievement: {
      key: "api-course",
      achievementType: "Course",
      language: "fr",
      name: { fr: "Pédagogie numérique", en: "Digital pedagogy" },
      description: { fr: "Enseigner en ligne." },
      criteriaNarrative: { fr: "Toutes les leçons faites." },
      alignments: [],
    },
    validFrom: new Date("2026-01-01T00:00:00Z"),
    validUntil: null,
    evidence: [],
    ...overrides,
  };
}

async function issued(overrides: Partial<IssueCredentialInput> = {}) {
  const { credentialId } = await runtime.database.db.transaction((tx) =>
    runtime.services.credentials.issueInTransaction(tx, input(overrides)),
  );
  const response = await call("GET", `/api/v1/credentials/${credentialId}`, holder);
  return { credentialId, document: response.json().document as Record<string, unknown> };
}

const verify = async (credential: unknown) => {
  const response = await call("POST", "/api/v1/credentials/verify", undefined, { credential } as object);
  expect(response.statusCode).toBe(200);
  return response.json() as { verified: boolean; checks: { check: string; outcome: string; code: string }[] };
};
const failed = (report: Awaited<ReturnType<typeof verify>>) =>
  report.checks.filter((c) => c.outcome === "failed").map((c) => `${c.check}:${c.code}`);

beforeAll(async () => {
  runtime = await createTestRuntime();
  app = await createTestApp(runtime);
  org = await createOrganisation(runtime.services);
  holder = await bearer({ role: "learner", organisationId: null });
});
afterAll(async () => {
  await app?.close();
  await runtime?.close();
});

describe("documents verifiers fetch", () => {
  test("the organisation's DID document lists its Multikey; the status lists are signed", async () => {
    const { document } = await issued();
    const did = await call("GET", `/orgs/${org.slug}/did.json`);
    expect(did.statusCode).toBe(200);
    expect(did.json()).toMatchObject({ id: `did:web:orbis.test:orgs:${org.slug}`, verificationMethod: [{ type: "Multikey" }] });
    const status = (document.credentialStatus as { statusListCredential: string }[])[0]?.statusListCredential ?? "";
    const list = await call("GET", status.replace("http://orbis.test", ""));
    expect(list.statusCode).toBe(200);
    expect((await verifyIndependently(list.json(), { [did.json().id]: did.json() })).verified).toBe(true);
    expect((await call("GET", "/orgs/no-such-organisation/did.json")).statusCode).toBe(404);
    expect((await call("GET", `/credentials/status/${crypto.randomUUID()}/revocation`)).statusCode).toBe(404);
  });
});

describe("POST /api/v1/credentials/verify", () => {
  test("our credential verifies on every check", async () => {
    const { document } = await issued();
    const report = await verify(document);
    expect(failed(report)).toEqual([]);
    expect(report.verified).toBe(true);
    expect(report.checks.map((c) => c.check)).toEqual(["format", "schema", "issuer", "proof", "validity", "status"]);
  });

  test("a tampered field fails the proof; a wrong key fails the issuer", async () => {
    const { document } = await issued();
    expect(failed(await verify({ ...document, name: "Something else" }))).toEqual(["proof:bad_signature"]);
    const proof = document.proof as Record<string, string>;
    const stranger = `did:web:orbis.test:orgs:${org.slug}#${encodePublicKey(generateKeyPair().publicKey)}`;
    expect(failed(await verify({ ...document, proof: { ...proof, verificationMethod: stranger } }))).toEqual(["issuer:key_not_listed"]);
  });

  test("revoked, suspended, expired and not yet valid are each named", async () => {
    const suspended = await issued();
    await call("POST", `/api/v1/credentials/${suspended.credentialId}/status`, holder, { action: "suspend", reason: "x" }).then((r) =>
      expect(r.statusCode).toBe(403),
    );
    const admin = await bearer({ role: "centre_admin", organisationId: org.id });
    expect(
      (await call("POST", `/api/v1/credentials/${suspended.credentialId}/status`, admin, { action: "suspend", reason: "Under review" }))
        .statusCode,
    ).toBe(204);
    expect(failed(await verify(suspended.document))).toEqual(["status:suspended"]);
    expect(
      (await call("POST", `/api/v1/credentials/${suspended.credentialId}/status`, admin, { action: "revoke", reason: "Fraud" })).statusCode,
    ).toBe(204);
    expect(failed(await verify(suspended.document))).toEqual(["status:revoked"]);

    const expired = await issued({ validFrom: new Date("2020-01-01T00:00:00Z"), validUntil: new Date("2021-01-01T00:00:00Z") });
    expect(failed(await verify(expired.document))).toEqual(["validity:expired"]);
    const future = await issued({ validFrom: new Date("2031-01-01T00:00:00Z"), validUntil: null });
    expect(failed(await verify(future.document))).toEqual(["validity:not_yet_valid"]);
  });

  test("unknown DID, undefined terms, unknown contexts, malformed and oversized JSON fail by name, never a 500", async () => {
    const { document } = await issued();
    const unknown = { ...document, issuer: { ...(document.issuer as object), id: "did:web:nobody.invalid" } };
    const proof = document.proof as Record<string, string>;
    const report = await verify({ ...unknown, proof: { ...proof, verificationMethod: "did:web:nobody.invalid#key-1" } });
    expect(failed(report)).toContain("issuer:unknown_did");
    expect(failed(await verify({ ...document, madeUpTerm: "x" }))).toEqual(["proof:undefined_terms"]);
    expect(
      failed(await verify({ ...document, "@context": [...(document["@context"] as string[]), "https://evil.example/context.json"] })),
    ).toEqual(["proof:unknown_context"]);
    expect(failed(await verify("{not json"))).toEqual(["format:malformed_json"]);
    expect(failed(await verify({ type: ["Nothing"] }))).toEqual(["format:not_a_credential"]);
    expect(failed(await verify(JSON.stringify({ ...document, padding: "x".repeat(150_000) })))).toEqual(["format:too_large"]);
    const schemaBroken = { ...document, credentialSubject: { ...(document.credentialSubject as object), achievement: { id: "x" } } };
    expect(failed(await verify(schemaBroken))).toContain("schema:schema_invalid");
  });

  test("another issuer's did:key credential verifies without any fetch", async () => {
    const pair = generateKeyPair();
    const multibase = encodePublicKey(pair.publicKey);
    const did = `did:key:${multibase}`;
    const { document } = await issued();
    const { proof: _proof, credentialStatus: _status, ...unsigned } = document;
    const foreign = await signDocument(
      { ...unsigned, issuer: { id: did, type: ["Profile"], name: "Elsewhere University" } },
      { verificationMethod: `${did}#${multibase}`, pair, created: new Date() },
    );
    const report = await verify(foreign);
    expect(failed(report)).toEqual([]);
    expect(report.checks.find((c) => c.check === "status")).toMatchObject({ outcome: "skipped" });
  });
});

describe("the wallet", () => {
  test("the holder lists, publishes and hides; others see a public credential only", async () => {
    const { credentialId } = await issued();
    const mine = await call("GET", "/api/v1/me/credentials?lang=fr", holder);
    expect(mine.json()).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: credentialId, name: "Pédagogie numérique", public: false })]),
    );
    expect((await call("GET", `/credentials/${credentialId}`)).statusCode).toBe(404);
    expect((await call("GET", `/api/v1/credentials/${credentialId}`)).statusCode).toBe(404);
    const stranger = await bearer({ role: "learner", organisationId: null });
    expect((await call("PUT", `/api/v1/credentials/${credentialId}/visibility`, stranger, { public: true })).statusCode).toBe(403);
    expect((await call("PUT", `/api/v1/credentials/${credentialId}/visibility`, holder, { public: true })).statusCode).toBe(204);
    const published = await call("GET", `/credentials/${credentialId}`);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ id: `http://orbis.test/credentials/${credentialId}` });
  });

  test("a status change with bad input is a translated 400 and changes nothing", async () => {
    const { credentialId } = await issued();
    const admin = await bearer({ role: "centre_admin", organisationId: org.id });
    const response = await call("POST", `/api/v1/credentials/${credentialId}/status?lang=fr`, admin, { action: "revoke", reason: "" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("validation_failed");
    expect((await call("GET", `/api/v1/credentials/${credentialId}`, holder)).json()).toMatchObject({ revoked: false });
  });
});
