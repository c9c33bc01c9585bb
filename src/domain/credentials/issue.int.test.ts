import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createOrganisation } from "../../../tests/factories/network.ts";
import { createUser } from "../../../tests/factories/users.ts";
import { verifyIndependently } from "../../../tests/support/independent-verifier.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import type { OrganisationDto } from "../network/dto.ts";
import { isDomainError } from "../shared/errors.ts";
import { verifyDocument } from "./data-integrity.ts";
import { didDocument, organisationDid } from "./did.ts";
import type { IssueCredentialInput } from "./dto.ts";
import { publicKeysOf } from "./keys.ts";
import { decodePublicKey } from "./multikey.ts";
import { credentialKeys, credentialStatusLists, credentials } from "./schema.ts";
import { bitAt, decodeBitstring, statusListSize } from "./status-lists.ts";

/** Issue 13 point 4 and the contract with certifications: issueInTransaction / setStatusInTransaction. */

let runtime: TestRuntime;
let org: OrganisationDto;
let recipientId: string;
let recipientEmail: string;

const service = () => runtime.services.credentials;
const db = () => runtime.database.db;

function input(overrides: Partial<IssueCredentialInput> = {}): IssueCredentialInput {
  return {
    sourceKey: `test:${crypto.randomUUID()}`,
    issuerOrganisationId: org.id,
    recipientUserId: recipientId,
    achievement: {
      key: "course-digital-pedagogy",
      achievementType: "Course",
      language: "en",
      name: { en: "Digital pedagogy", fr: "Pédagogie numérique" },
      description: { en: "Teaching online and blended courses." },
      criteriaNarrative: { en: "Completed every lesson and passed the quizzes." },
      alignments: [
        {
          targetName: "Digital literacy",
          targetUrl: "http://orbis.test/ims/case/v1p1/CFItems/0b6a6f8e-3d2c-4a55-9f0e-2d2b4b0f2a11",
          targetCode: "DL.1",
          targetFramework: "IIOE digital competency framework",
        },
      ],
    },
    validFrom: new Date("2026-03-01T00:00:00Z"),
    validUntil: new Date("2029-03-01T00:00:00Z"),
    evidence: [{ name: "Final quiz", narrative: "Scored 9 of 10.", url: "http://orbis.test/en/courses/x" }],
    ...overrides,
  };
}

const issue = (value: IssueCredentialInput) => db().transaction((tx) => service().issueInTransaction(tx, value));
const documentOf = async (id: string) => (await db().select().from(credentials).where(eq(credentials.id, id)))[0]?.document ?? {};

async function ourDidDocument() {
  const did = organisationDid("http://orbis.test", org.slug);
  return { did, document: didDocument(did, await publicKeysOf(db(), org.id)) };
}

async function verifyOurs(document: Record<string, unknown>) {
  const { document: didDoc } = await ourDidDocument();
  return verifyDocument(document, async (vm) => {
    const method = didDoc.verificationMethod.find((m) => m.id === vm);
    return method ? decodePublicKey(method.publicKeyMultibase) : null;
  });
}

beforeAll(async () => {
  runtime = await createTestRuntime();
  org = await createOrganisation(runtime.services);
  const { user, email } = await createUser(runtime.services);
  recipientId = user.id;
  recipientEmail = email;
});
afterAll(() => runtime?.close());

describe("issueInTransaction", () => {
  test("signs an OpenBadgeCredential that an independent eddsa-rdfc-2022 verifier accepts", async () => {
    const { credentialId, created } = await issue(input());
    expect(created).toBe(true);
    const document = await documentOf(credentialId);
    expect(document).toMatchObject({
      type: ["VerifiableCredential", "OpenBadgeCredential"],
      issuer: { id: organisationDid("http://orbis.test", org.slug), name: org.name },
      validFrom: "2026-03-01T00:00:00.000Z",
      validUntil: "2029-03-01T00:00:00.000Z",
      credentialSubject: {
        achievement: {
          achievementType: "Course",
          name: "Digital pedagogy",
          criteria: { narrative: "Completed every lesson and passed the quizzes." },
          alignment: [{ targetCode: "DL.1", targetUrl: expect.stringContaining("/CFItems/") }],
        },
      },
      proof: { type: "DataIntegrityProof", cryptosuite: "eddsa-rdfc-2022", proofPurpose: "assertionMethod" },
    });
    // The email is in the document only salted and hashed.
    expect(JSON.stringify(document)).not.toContain(recipientEmail);
    const { did, document: didDoc } = await ourDidDocument();
    const independent = await verifyIndependently(document, { [did]: didDoc });
    expect(independent.error).toBeUndefined();
    expect(independent.verified).toBe(true);
    expect((await verifyOurs(document)).ok).toBe(true);
  });

  test("a tampered field fails both verifiers", async () => {
    const { credentialId } = await issue(input());
    const document = structuredClone(await documentOf(credentialId)) as { credentialSubject: { achievement: { name: string } } };
    document.credentialSubject.achievement.name = "Brain surgery";
    const { did, document: didDoc } = await ourDidDocument();
    expect((await verifyIndependently(document, { [did]: didDoc })).verified).toBe(false);
    expect(await verifyOurs(document)).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  test("the same source key yields the same credential", async () => {
    const value = input();
    const first = await issue(value);
    const again = await issue({ ...value, achievement: { ...value.achievement, key: "other" } });
    expect(again).toEqual({ credentialId: first.credentialId, created: false });
    expect(await db().$count(credentials, eq(credentials.sourceKey, value.sourceKey))).toBe(1);
  });

  test("bad input is refused with field errors and writes nothing", async () => {
    const before = await db().$count(credentials);
    const bad = input({ validUntil: new Date("2020-01-01T00:00:00Z") });
    bad.achievement = {
      ...bad.achievement,
      name: { fr: "Seulement en français" },
      alignments: [{ targetName: "x", targetUrl: "javascript:alert(1)" }],
    };
    const error = await issue(bad).catch((e: unknown) => e);
    expect(isDomainError(error) && error.code).toBe("validation_failed");
    const paths = isDomainError(error) ? error.fields.map((f) => f.path) : [];
    expect(paths).toEqual(expect.arrayContaining(["achievement.alignments.0.targetUrl"]));
    expect(await db().$count(credentials)).toBe(before);
  });

  test("an unknown recipient or issuer is not found, and nothing is written", async () => {
    const before = await db().$count(credentials);
    for (const bad of [input({ recipientUserId: crypto.randomUUID() }), input({ issuerOrganisationId: crypto.randomUUID() })]) {
      const error = await issue(bad).catch((e: unknown) => e);
      expect(isDomainError(error) && error.code).toBe("not_found");
    }
    expect(await db().$count(credentials)).toBe(before);
  });

  test("the private key is stored encrypted, never in the clear", async () => {
    const [key] = await db().select().from(credentialKeys).where(eq(credentialKeys.organisationId, org.id));
    expect(key?.encryptedPrivateKey).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  });
});

describe("setStatusInTransaction", () => {
  async function listBits(credentialId: string, purpose: "revocation" | "suspension") {
    const [row] = await db().select().from(credentials).where(eq(credentials.id, credentialId));
    const [list] = await db()
      .select()
      .from(credentialStatusLists)
      .where(eq(credentialStatusLists.id, row?.statusListId ?? ""));
    const listCredential = (purpose === "revocation" ? list?.revocationCredential : list?.suspensionCredential) ?? {};
    const bits = decodeBitstring((listCredential.credentialSubject as { encodedList: string }).encodedList);
    return { index: row?.statusIndex ?? -1, bits, listCredential };
  }

  test("suspending, reinstating and revoking flip the signed status lists", async () => {
    const { credentialId } = await issue(input());
    const set = (status: { revoked?: boolean; suspended?: boolean; reason: string }) =>
      db().transaction((tx) => service().setStatusInTransaction(tx, credentialId, status));

    await set({ suspended: true, reason: "Under review" });
    let suspension = await listBits(credentialId, "suspension");
    expect(suspension.bits?.length).toBe(statusListSize / 8);
    expect(bitAt(suspension.bits ?? new Uint8Array(), suspension.index)).toBe(true);
    const { did, document: didDoc } = await ourDidDocument();
    expect((await verifyIndependently(suspension.listCredential, { [did]: didDoc })).verified).toBe(true);

    await set({ suspended: false, reason: "Review done" });
    suspension = await listBits(credentialId, "suspension");
    expect(bitAt(suspension.bits ?? new Uint8Array(), suspension.index)).toBe(false);

    await set({ revoked: true, reason: "Issued in error" });
    const revocation = await listBits(credentialId, "revocation");
    expect(bitAt(revocation.bits ?? new Uint8Array(), revocation.index)).toBe(true);
    expect((await verifyIndependently(revocation.listCredential, { [did]: didDoc })).verified).toBe(true);
    // Revocation is final (Bitstring Status List): a later "not revoked" does not undo it.
    await set({ revoked: false, reason: "Oops" });
    expect(bitAt((await listBits(credentialId, "revocation")).bits ?? new Uint8Array(), revocation.index)).toBe(true);
  });

  test("an unknown credential is not found; a change without a reason is refused", async () => {
    const missing = await db()
      .transaction((tx) => service().setStatusInTransaction(tx, crypto.randomUUID(), { revoked: true, reason: "x" }))
      .catch((e: unknown) => e);
    expect(isDomainError(missing) && missing.code).toBe("not_found");
    const { credentialId } = await issue(input());
    const noReason = await db()
      .transaction((tx) => service().setStatusInTransaction(tx, credentialId, { revoked: true, reason: " " }))
      .catch((e: unknown) => e);
    expect(isDomainError(noReason) && noReason.code).toBe("validation_failed");
    const [row] = await db().select().from(credentials).where(eq(credentials.id, credentialId));
    expect(row?.revoked).toBe(false);
  });
});

describe("keys", () => {
  test("rotation keeps the old key in the DID document: old credentials still verify, new ones use the new key", async () => {
    const before = await issue(input());
    const newKey = await service().rotateOrganisationKey(org.slug);
    const after = await issue(input());
    const { did, document: didDoc } = await ourDidDocument();
    expect(didDoc.verificationMethod.map((m) => m.publicKeyMultibase)).toContain(newKey);
    expect(didDoc.verificationMethod.length).toBeGreaterThanOrEqual(2);
    for (const id of [before.credentialId, after.credentialId]) {
      expect((await verifyIndependently(await documentOf(id), { [did]: didDoc })).verified).toBe(true);
    }
    expect(((await documentOf(after.credentialId)).proof as { verificationMethod: string }).verificationMethod).toBe(`${did}#${newKey}`);
  });

  test("a backup restores into an empty place and is refused under another secret", async () => {
    const backup = await service().exportKeys();
    expect(backup.keys.some((k) => k.organisation === org.slug)).toBe(true);
    expect(JSON.stringify(backup)).not.toMatch(/"d":/);
    expect(await service().importKeys(backup)).toEqual({ imported: 0, skipped: backup.keys.length });
    await db().delete(credentialKeys).where(eq(credentialKeys.organisationId, org.id));
    const restored = await service().importKeys(backup);
    expect(restored.imported).toBe(backup.keys.filter((k) => k.organisation === org.slug).length);
    const { createCredentialsService } = await import("./service.ts");
    const other = createCredentialsService({
      db: db(),
      publicUrl: "http://orbis.test",
      keySecret: new Uint8Array(32).fill(7),
      remote: async () => null,
    });
    await db().delete(credentialKeys).where(eq(credentialKeys.organisationId, org.id));
    await expect(other.importKeys(backup)).rejects.toThrow();
    expect(await db().$count(credentialKeys, eq(credentialKeys.organisationId, org.id))).toBe(0);
    await service().importKeys(backup);
  });
});
