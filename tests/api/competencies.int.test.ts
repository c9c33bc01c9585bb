import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { RoleGrant } from "../../src/domain/shared/actor.ts";
import { createPublishedFramework } from "../factories/competencies.ts";
import { createCentre } from "../factories/network.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../support/runtime.ts";

let runtime: TestRuntime;
let app: FastifyInstance;
let published: Awaited<ReturnType<typeof createPublishedFramework>>;

beforeAll(async () => {
  runtime = await createTestRuntime();
  app = await createTestApp(runtime);
  published = await createPublishedFramework(runtime.services, "API framework");
});

afterAll(async () => {
  await app.close();
  await runtime.close();
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: "GET", url, headers });

async function bearer(...roles: RoleGrant[]): Promise<{ authorization: string }> {
  const email = `api-${crypto.randomUUID()}@orbis.test`;
  const password = "correct horse battery staple";
  await runtime.services.identity.createUser({ email, name: "API tester", password, roles });
  const { actor } = await runtime.services.identity.signIn({ email, password, clientKey: "competencies-api-test" });
  const { token } = await runtime.services.identity.createApiToken(actor, { name: "competencies tests" });
  return { authorization: `Bearer ${token}` };
}

const statusInfo = (codeMinor: string) => ({
  imsx_codeMajor: "failure",
  imsx_severity: "error",
  imsx_description: expect.any(String),
  imsx_CodeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: "sourcedId", imsx_codeMinorFieldValue: codeMinor }] },
});

describe("CASE provider endpoints", () => {
  test("documents, packages, items and item associations of published frameworks", async () => {
    const { framework } = published;
    const docs = await get("/ims/case/v1p0/CFDocuments");
    expect(docs.statusCode).toBe(200);
    expect(docs.json().CFDocuments).toEqual(
      expect.arrayContaining([expect.objectContaining({ identifier: framework.identifier, title: "API framework" })]),
    );
    const pkg = await get(`/ims/case/v1p0/CFPackages/${framework.identifier}`);
    expect(pkg.statusCode).toBe(200);
    expect(pkg.json()).toMatchObject({
      CFDocument: { identifier: framework.identifier },
      CFDefinitions: { CFItemTypes: expect.any(Array) },
    });
    expect(pkg.json().CFItems).toHaveLength(6);
    const item = framework.items.find((i) => i.code === "2.A")!;
    const one = await get(`/ims/case/v1p0/CFItems/${item.identifier}`);
    expect(one.json()).toMatchObject({
      identifier: item.identifier,
      fullStatement: "Basic knowledge",
      notes: "Uses digital tools in class.",
      CFItemType: "Competency",
    });
    expect(one.json().uri).toBe(item.uri);
    const links = await get(`/ims/case/v1p0/CFItemAssociations/${item.identifier}`);
    expect(links.json()).toMatchObject({ CFItem: { identifier: item.identifier }, CFAssociations: [{ associationType: "isChildOf" }] });
  });

  test("unknown or draft objects answer 404 and a bad request 400, in CASE's imsx_StatusInfo shape", async () => {
    for (const url of [
      `/ims/case/v1p0/CFPackages/${crypto.randomUUID()}`,
      `/ims/case/v1p0/CFItems/nothing-here`,
      `/ims/case/v1p0/CFItemAssociations/${crypto.randomUUID()}`,
    ]) {
      const response = await get(url);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual(statusInfo("unknownobject"));
    }
    const draft = await runtime.services.competencies.startNewVersion(
      {
        userId: crypto.randomUUID(),
        email: "s@orbis.test",
        name: "S",
        locale: "en",
        roles: [{ role: "secretariat", organisationId: null }],
      },
      published.framework.id,
      "en",
    );
    expect((await get(`/ims/case/v1p0/CFDocuments/${draft.identifier}`)).statusCode).toBe(404);
    const bad = await get("/ims/case/v1p0/CFDocuments?limit=0");
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual(statusInfo("invalid_selection_field"));
    // Refused before any route runs (invalid text), still in CASE's shape.
    for (const url of ["/ims/case/v1p0/CFItems/a%00b", "/ims/case/v1p0/CFDocuments?limit=a%00b"]) {
      const refused = await get(url);
      expect(refused.statusCode, url).toBe(400);
      expect(refused.json()).toMatchObject({
        imsx_codeMajor: "failure",
        imsx_CodeMinor: statusInfo("invalid_selection_field").imsx_CodeMinor,
      });
    }
  });
});

describe("frameworks over /api/v1", () => {
  test("a centre admin creates, fills, exports and imports their centre's frameworks; others are refused", async () => {
    const centre = await createCentre(runtime.services);
    const admin = await bearer({ role: "centre_admin", organisationId: centre.id });
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/competency-frameworks",
      headers: admin,
      payload: { ownerId: centre.id, defaultLocale: "en", title: "Centre framework", levels: [{ code: "1", name: "Basic" }] },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const item = await app.inject({
      method: "POST",
      url: `/api/v1/competency-frameworks/${id}/items`,
      headers: admin,
      payload: { kind: "competency", code: "C1", title: "Teaches online", levelCode: "1" },
    });
    expect(item.statusCode).toBe(201);
    expect((await get(`/api/v1/competency-frameworks/${id}`)).statusCode).toBe(404);
    const exported = await get(`/api/v1/competency-frameworks/${id}/case?version=1.0`, admin);
    expect(exported.statusCode).toBe(200);
    expect(exported.json().CFItems[0]).toMatchObject({ humanCodingScheme: "C1", fullStatement: "Teaches online" });

    const reimported = await app.inject({
      method: "POST",
      url: "/api/v1/competency-frameworks/import",
      headers: admin,
      payload: { ownerId: centre.id, package: exported.json(), newIdentifier: true },
    });
    expect(reimported.statusCode).toBe(201);
    expect(reimported.json()).toMatchObject({ imported: true, counts: { items: 1, levels: 1 } });
    const refused = await app.inject({
      method: "POST",
      url: "/api/v1/competency-frameworks/import",
      headers: admin,
      payload: { ownerId: centre.id, package: { CFDocument: {} } },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().problems.map((p: { messageId: string }) => p.messageId)).toEqual([
      "competencies.import.missingField",
      "competencies.import.missingField",
    ]);

    const staff = await bearer({ role: "centre_staff", organisationId: centre.id });
    const forbidden = await app.inject({
      method: "POST",
      url: "/api/v1/competency-frameworks",
      headers: staff,
      payload: { ownerId: centre.id, defaultLocale: "en", title: "No" },
    });
    expect(forbidden.statusCode).toBe(403);
    const anonymous = await app.inject({ method: "POST", url: `/api/v1/competency-frameworks/${id}/publish` });
    expect(anonymous.statusCode).toBe(401);
    const published = await app.inject({ method: "POST", url: `/api/v1/competency-frameworks/${id}/publish`, headers: admin });
    expect(published.json()).toMatchObject({ status: "published" });
    const late = await app.inject({
      method: "POST",
      url: `/api/v1/competency-frameworks/${id}/items?lang=fr`,
      headers: admin,
      payload: { kind: "competency", title: "Late" },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: "framework_not_draft", message: expect.stringContaining("publiée") });
  });
});
