import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { RoleGrant } from "../../src/domain/shared/actor.ts";
import { createCourse } from "../factories/catalogue.ts";
import { completeCourse, pdfBytes, practicum } from "../factories/certifications.ts";
import { createCentre } from "../factories/network.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../support/runtime.ts";

let runtime: TestRuntime;
let app: FastifyInstance;
let centreId: string;
let course: { id: string; slug: string };

beforeAll(async () => {
  runtime = await createTestRuntime();
  app = await createTestApp(runtime);
  centreId = (await createCentre(runtime.services)).id;
  course = await createCourse(runtime.services, centreId);
});

afterAll(async () => {
  await app.close();
  await runtime.close();
});

async function account(...roles: RoleGrant[]) {
  const email = `api-${crypto.randomUUID()}@orbis.test`;
  const password = "correct horse battery staple";
  await runtime.services.identity.createUser({
    email,
    name: "API tester",
    password,
    roles: roles.length ? roles : [{ role: "learner", organisationId: null }],
  });
  const { actor } = await runtime.services.identity.signIn({ email, password, clientKey: "certifications-api-test" });
  const { token } = await runtime.services.identity.createApiToken(actor, { name: "certifications tests", scope: "write" });
  return { actor, headers: { authorization: `Bearer ${token}` } };
}

/** Text fields, then the file, as a browser or curl -F sends them. */
function multipart(fields: Record<string, string>, fileName: string, bytes: Uint8Array) {
  const boundary = `----orbis${crypto.randomUUID()}`;
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const payload = Buffer.concat([
    Buffer.from(parts.join("")),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

const rules = {
  kind: "group",
  op: "all",
  rules: [{ kind: "course", key: "course", courseId: "", version: null }, practicum()],
};

describe("certifications API", () => {
  test("define, progress, evidence, decision, award, revoke: the whole path over HTTP", async () => {
    const admin = await account({ role: "centre_admin", organisationId: centreId });
    const learner = await account();
    const body = {
      ownerId: centreId,
      defaultLocale: "en",
      title: "API micro-certificate",
      rules: { ...rules, rules: [{ ...rules.rules[0], courseId: course.id }, rules.rules[1]] },
      validityMonths: 24,
      status: "active",
    };
    expect((await app.inject({ method: "POST", url: "/api/v1/certifications", headers: learner.headers, payload: body })).statusCode).toBe(
      403,
    );
    const bad = await app.inject({
      method: "POST",
      url: "/api/v1/certifications?lang=fr",
      headers: admin.headers,
      payload: { ...body, rules: { kind: "group", op: "atLeast", n: 4, rules: [practicum()] } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].message).toBe("Un groupe exige plus de conditions qu’il n’en contient.");
    expect(
      (await app.inject({ method: "POST", url: "/api/v1/certifications", headers: admin.headers, payload: { ...body, extra: 1 } }))
        .statusCode,
    ).toBe(400);
    const created = await app.inject({ method: "POST", url: "/api/v1/certifications", headers: admin.headers, payload: body });
    expect(created.statusCode).toBe(201);
    const { slug } = created.json();

    const list = await app.inject({ method: "GET", url: "/api/v1/certifications" });
    expect(list.json().map((c: { slug: string }) => c.slug)).toContain(slug);
    expect((await app.inject({ method: "GET", url: `/api/v1/certifications/${slug}/progress` })).statusCode).toBe(401);
    const progress = await app.inject({ method: "GET", url: `/api/v1/certifications/${slug}/progress`, headers: learner.headers });
    expect(progress.json()).toMatchObject({ met: false, award: null, progress: { kind: "group", op: "all", n: 2, met: false } });

    await completeCourse(runtime, learner.actor, course);
    const wrongType = multipart({ conditionKey: "practicum" }, "report.pdf", new TextEncoder().encode("<svg onload=alert(1)>"));
    const refused = await app.inject({
      method: "POST",
      url: `/api/v1/certifications/${slug}/evidence`,
      headers: { ...learner.headers, ...wrongType.headers },
      payload: wrongType.payload,
    });
    expect(refused.statusCode).toBe(415);
    const form = multipart({ conditionKey: "practicum", note: "Observed lesson" }, "report.pdf", pdfBytes());
    const sent = await app.inject({
      method: "POST",
      url: `/api/v1/certifications/${slug}/evidence`,
      headers: { ...learner.headers, ...form.headers },
      payload: form.payload,
    });
    expect(sent.statusCode).toBe(201);
    const evidenceId = sent.json().id;

    const assessor = await account({ role: "centre_staff", organisationId: centreId });
    const queue = await app.inject({ method: "GET", url: "/api/v1/certification-evidence", headers: assessor.headers });
    expect(queue.json().map((e: { id: string }) => e.id)).toContain(evidenceId);
    expect((await app.inject({ method: "GET", url: "/api/v1/certification-evidence", headers: learner.headers })).statusCode).toBe(403);
    const file = await app.inject({ method: "GET", url: `/api/v1/certification-evidence/${evidenceId}/file`, headers: assessor.headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.headers["content-disposition"]).toContain("attachment");
    const stranger = await account();
    expect(
      (await app.inject({ method: "GET", url: `/api/v1/certification-evidence/${evidenceId}/file`, headers: stranger.headers })).statusCode,
    ).toBe(404);

    const decide = (payload: Record<string, unknown>) =>
      app.inject({ method: "POST", url: `/api/v1/certification-evidence/${evidenceId}/decision`, headers: assessor.headers, payload });
    expect((await decide({ decision: "approve", scores: { plan: 9, delivery: 4 } })).statusCode).toBe(400);
    const decided = await decide({ decision: "approve", scores: { plan: 3, delivery: 2 }, comment: "Good." });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({
      status: "approved",
      rubric: [
        { key: "plan", score: 3 },
        { key: "delivery", score: 2 },
      ],
    });

    const mine = await app.inject({ method: "GET", url: "/api/v1/me/certification-awards", headers: learner.headers });
    expect(mine.json()).toHaveLength(1);
    const awardId = mine.json()[0].id;
    const awards = await app.inject({ method: "GET", url: `/api/v1/certifications/${slug}/awards`, headers: admin.headers });
    expect(awards.json()[0]).toMatchObject({ id: awardId, status: "active", holder: { name: "API tester" } });
    expect((await app.inject({ method: "GET", url: `/api/v1/certifications/${slug}/awards`, headers: learner.headers })).statusCode).toBe(
      403,
    );

    const revoke = await app.inject({
      method: "POST",
      url: `/api/v1/certification-awards/${awardId}/status`,
      headers: admin.headers,
      payload: { action: "revoke", reason: "Issued in error" },
    });
    expect(revoke.json()).toMatchObject({ status: "revoked", statusReason: "Issued in error" });
    const again = await app.inject({
      method: "POST",
      url: `/api/v1/certification-awards/${awardId}/status?lang=zh`,
      headers: admin.headers,
      payload: { action: "reinstate", reason: "Oops" },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0].message).toBe("无法对已撤销的认证执行此操作。");
  });

  test("the OpenAPI document lists the certification routes", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/certifications",
        "/api/v1/certifications/{ref}/evidence",
        "/api/v1/certification-evidence/{id}/decision",
      ]),
    );
    expect(Object.keys(doc.paths["/api/v1/certifications/{ref}/evidence"].post.requestBody.content)).toEqual(["multipart/form-data"]);
  });
});
