/**
 * Text rules of every single-line field (issue 10, items 8 and 14): a line break, tab or C1
 * control in a name, title, code or search is a translated 400 naming the field, on any route; a
 * multi-line field (a description, a comment) keeps its line breaks; names refuse bidi controls
 * and zero-width characters, so two names cannot differ only by what nobody sees.
 */
import crypto from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { RoleGrant } from "../../src/domain/shared/actor.ts";
import inputRu from "../../src/i18n/messages/input/ru.ts";
import { courseInput } from "../factories/catalogue.ts";
import { eventInput } from "../factories/events.ts";
import { createCentre } from "../factories/network.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../support/runtime.ts";

let runtime: TestRuntime;
let app: FastifyInstance;
let centreId: string;

beforeAll(async () => {
  runtime = await createTestRuntime();
  app = await createTestApp(runtime);
  centreId = (await createCentre(runtime.services)).id;
});
afterAll(async () => {
  await app?.close();
  await runtime?.close();
});

async function bearer(...roles: RoleGrant[]): Promise<{ authorization: string }> {
  const email = `text-${crypto.randomUUID()}@orbis.test`;
  const password = "correct horse battery staple";
  await runtime.services.identity.createUser({ email, name: "Text tester", password, roles });
  const { actor } = await runtime.services.identity.signIn({ email, password, clientKey: "text-test" });
  const { token } = await runtime.services.identity.createApiToken(actor, { name: "text tests" });
  return { authorization: `Bearer ${token}` };
}

type Answer = {
  statusCode: number;
  body: string;
  json(): { error: { code: string; fields?: { path: string; code: string; message: string }[] } };
};

function expectRefused(response: Answer, path: string, message?: string) {
  expect(response.statusCode, response.body).toBe(400);
  const { error } = response.json();
  expect(error.code).toBe("validation_failed");
  expect(error.fields).toContainEqual(expect.objectContaining({ path, code: "invalid_text", ...(message ? { message } : {}) }));
}

describe("single-line fields refuse line breaks, tabs and C1 controls with a translated 400", () => {
  test("a search on every list of the API, in the reader's language", async () => {
    for (const url of ["/api/v1/courses", "/api/v1/centres", "/api/v1/organisations", "/api/v1/programmes"]) {
      for (const q of ["a%0Ab", "a%09b", "a%E2%80%A8b"]) {
        const response = await app.inject({ url: `${url}?q=${q}`, headers: { "accept-language": "ru" } });
        expectRefused(response, "q", inputRu["input.singleLine"]);
      }
      // A C1 control is no text in any field: refused before the route's schema is read.
      expectRefused(await app.inject({ url: `${url}?q=a%C2%85b` }), "q");
    }
  });

  test("a person's name at sign-up, and no account is made", async () => {
    const email = `eve-${crypto.randomUUID()}@orbis.test`;
    const payload = { name: "Eve\r\nBcc: all@orbis.test", email, password: "a long enough password", locale: "en" };
    expectRefused(await app.inject({ method: "POST", url: "/api/v1/auth/sign-up", payload }), "name");
    const signIn = await app.inject({
      method: "POST",
      url: "/api/v1/auth/tokens",
      payload: { email, password: payload.password, name: "x" },
    });
    expect(signIn.statusCode).toBe(401);
  });

  test("an organisation's name and city, a token's name", async () => {
    const secretariat = await bearer({ role: "secretariat", organisationId: null });
    const organisation = { kind: "university", name: "Tab\tUniversity", country: "GH" };
    expectRefused(await app.inject({ method: "POST", url: "/api/v1/organisations", headers: secretariat, payload: organisation }), "name");
    const city = { ...organisation, name: "Line University", city: "Ac\ncra" };
    expectRefused(await app.inject({ method: "POST", url: "/api/v1/organisations", headers: secretariat, payload: city }), "city");
    const token = await app.inject({ method: "POST", url: "/api/v1/me/tokens", headers: secretariat, payload: { name: "ci\u0085bot" } });
    expectRefused(token, "name");
  });

  test("a course's lesson title deep in the syllabus; its description keeps its line breaks", async () => {
    const author = await bearer({ role: "author", organisationId: centreId });
    const lesson = { kind: "text", title: "Two\nlines", body: "<p>x</p>" };
    const bad = { ...courseInput(centreId), syllabus: [{ title: "Module", lessons: [lesson] }] };
    expectRefused(
      await app.inject({ method: "POST", url: "/api/v1/courses", headers: author, payload: bad }),
      "syllabus.0.lessons.0.title",
    );
    const good = { ...courseInput(centreId), description: "First paragraph.\r\n\r\nSecond\tparagraph." };
    const created = await app.inject({ method: "POST", url: "/api/v1/courses", headers: author, payload: good });
    expect(created.statusCode, created.body).toBe(201);
    const multiLineNul = { ...courseInput(centreId), description: "a\u0086b" };
    expect((await app.inject({ method: "POST", url: "/api/v1/courses", headers: author, payload: multiLineNul })).statusCode).toBe(400);
  });
});

describe("names refuse bidi controls and zero-width characters", () => {
  test("people, organisations, centres, events and tokens", async () => {
    const secretariat = await bearer({ role: "secretariat", organisationId: null });
    const staff = await bearer({ role: "centre_staff", organisationId: centreId });
    const cases: [string, string, Record<string, unknown>, { authorization: string } | undefined, string][] = [
      [
        "POST",
        "/api/v1/auth/sign-up",
        { name: "Mallory\u202Egnp.exe", email: "m@orbis.test", password: "a long enough password", locale: "en" },
        undefined,
        "name",
      ],
      ["POST", "/api/v1/organisations", { kind: "university", name: "Orbis\u200BUniversity", country: "GH" }, secretariat, "name"],
      [
        "POST",
        "/api/v1/organisations",
        { kind: "university", name: "Orbis Institute", names: { ar: "معهد\u200F" }, country: "GH" },
        secretariat,
        "names.ar",
      ],
      ["POST", "/api/v1/centres", { kind: "national_centre", name: "Centre\u2066 X\u2069", country: "KE" }, secretariat, "name"],
      ["POST", "/api/v1/events", { ...eventInput(centreId, runtime.clock.now), title: "Web\uFEFFinar" }, staff, "title"],
      ["POST", "/api/v1/me/tokens", { name: "laptop\u200E" }, secretariat, "name"],
    ];
    for (const [method, url, payload, headers, path] of cases) {
      const response = await app.inject({
        method: method as "POST",
        url,
        payload,
        ...(headers ? { headers } : {}),
        headers: { ...headers, "accept-language": "fr" },
      });
      expectRefused(response, path);
      expect(response.json().error.fields?.[0]?.message).toMatch(/invisibles/);
    }
  });

  test("a name in any script with its joiners is kept as written", async () => {
    const secretariat = await bearer({ role: "secretariat", organisationId: null });
    const name = "دانشگاه می\u200Cخواهم";
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/organisations",
      headers: secretariat,
      payload: { kind: "university", name, country: "IR" },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().name).toBe(name);
  });
});
