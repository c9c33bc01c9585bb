import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createOrganisation } from "../../../tests/factories/network.ts";
import { createUser } from "../../../tests/factories/users.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import type { IssueCredentialInput } from "./dto.ts";
import { credentialKeys, credentials } from "./schema.ts";

/**
 * Issue 13: concurrent issues are safe. Meant for int-postgres (on PGlite transactions run one
 * at a time, so this only checks the answers): one source key issued at once from many
 * connections yields one credential; a new organisation's first issues make one signing key and
 * distinct status indexes.
 */

let runtime: TestRuntime;
let recipientId: string;

const issue = (value: IssueCredentialInput) =>
  runtime.database.db.transaction((tx) => runtime.services.credentials.issueInTransaction(tx, value));

function input(organisationId: string, sourceKey: string): IssueCredentialInput {
  return {
    sourceKey,
    issuerOrganisationId: organisationId,
    recipientUserId: recipientId,
    achievement: {
      key: "concurrency",
      achievementType: "Course",
      language: "en",
      name: { en: "Concurrency" },
      description: { en: "Issued at once." },
      criteriaNarrative: { en: "Being there." },
      alignments: [],
    },
    validFrom: new Date("2026-03-01T00:00:00Z"),
    validUntil: null,
    evidence: [],
  };
}

beforeAll(async () => {
  runtime = await createTestRuntime();
  recipientId = (await createUser(runtime.services)).user.id;
});
afterAll(() => runtime?.close());

test("one source key issued from eight transactions at once yields one credential", async () => {
  const org = await createOrganisation(runtime.services);
  await issue(input(org.id, "warm-up")); // the key and list exist, so the race is on the source key alone
  const results = await Promise.all(Array.from({ length: 8 }, () => issue(input(org.id, "course:same:person"))));
  expect(new Set(results.map((r) => r.credentialId)).size).toBe(1);
  expect(results.filter((r) => r.created)).toHaveLength(1);
  expect(await runtime.database.db.$count(credentials, eq(credentials.sourceKey, "course:same:person"))).toBe(1);
});

test("a new organisation's first issues at once make one signing key and distinct status indexes", async () => {
  const org = await createOrganisation(runtime.services);
  const results = await Promise.all(Array.from({ length: 6 }, (_, n) => issue(input(org.id, `first:${org.id}:${n}`))));
  expect(results.every((r) => r.created)).toBe(true);
  const keys = await runtime.database.db.select().from(credentialKeys).where(eq(credentialKeys.organisationId, org.id));
  expect(keys.filter((k) => k.retiredAt === null)).toHaveLength(1);
  expect(keys).toHaveLength(1);
  const slots = await runtime.database.db
    .select({ list: credentials.statusListId, index: credentials.statusIndex })
    .from(credentials)
    .where(eq(credentials.issuerOrganisationId, org.id));
  expect(new Set(slots.map((s) => `${s.list}:${s.index}`)).size).toBe(6);
});
