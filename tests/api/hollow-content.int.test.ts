import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { courseTranslations } from "../../src/domain/catalogue/schema.ts";
import type { RoleGrant } from "../../src/domain/shared/actor.ts";
import { courseInput, createCourse } from "../factories/catalogue.ts";
import { createCentre } from "../factories/network.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../support/runtime.ts";

/** Issue 11, point 1 over HTTP: hollow content refused with translated messages; fallbacks say their language. */

let runtime: TestRuntime;
let app: FastifyInstance;
let centreId: string;
let author: { authorization: string };

async function bearer(...roles: RoleGrant[]): Promise<{ authorization: string }> {
  const email = `hollow-${crypto.randomUUID()}@orbis.test`;
  const password = "correct horse battery staple";
  await runtime.services.identity.createUser({ email, name: "Hollow tester", password, roles });
  const { actor } = await runtime.services.identity.signIn({ email, password, clientKey: "hollow-api-test" });
  const { token } = await runtime.services.identity.createApiToken(actor, { name: "hollow tests" });
  return { authorization: `Bearer ${token}` };
}

const call = (method: "GET" | "POST" | "PUT", url: string, headers: Record<string, string> = {}, payload?: unknown) =>
  app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

beforeAll(async () => {
  runtime = await createTestRuntime();
  app = await createTestApp(runtime);
  centreId = (await createCentre(runtime.services, { slug: "hollow-api", name: "Hollow API Centre", country: "GH" })).id;
  author = await bearer({ role: "author", organisationId: centreId });
});

afterAll(async () => {
  await app?.close();
  await runtime?.close();
});

describe("hollow content over the API", () => {
  test("a ready translation with an empty summary is a 400 in the asker's language; a draft is taken", async () => {
    const course = await createCourse(runtime.services, centreId, { publish: false });
    const url = `/api/v1/courses/${course.id}/translations/ru?lang=fr`;
    const refused = await call("PUT", url, author, { title: "Курс", summary: "", status: "ready" });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      expect.objectContaining({ path: "summary", message: expect.stringContaining("brouillon") }),
    ]);
    expect((await call("PUT", url, author, { title: "Курс", summary: "", status: "draft" })).statusCode).toBe(200);
  });

  test("submitting a course with an empty video and download lesson is a 400 naming them, in Russian", async () => {
    const input = courseInput(centreId, {
      syllabus: [
        {
          title: "Start",
          lessons: [
            { kind: "text", title: "Read me", body: "<p>Words.</p>" },
            { kind: "video", title: "Water pump" },
            { kind: "file", title: "Checklist" },
          ],
        },
      ],
    });
    const created = await call("POST", "/api/v1/courses", author, input);
    expect(created.statusCode).toBe(201);
    const refused = await call("POST", `/api/v1/courses/${created.json().id}/submit?lang=ru`, author);
    expect(refused.statusCode).toBe(400);
    const [field] = refused.json().error.fields;
    expect(field).toMatchObject({ path: "syllabus" });
    expect(field.message).toContain("пока нет ничего для слушателей");
    expect(field.message).toContain("“Water pump”, “Checklist”");
  });

  test("a course read in Chinese whose summary was left empty gives the source's, saying so", async () => {
    const course = await createCourse(runtime.services, centreId, {
      translations: { zh: { title: "中文课程", summary: "中文简介。", status: "ready" } },
    });
    await runtime.database.db
      .update(courseTranslations)
      .set({ summary: "" })
      .where(and(eq(courseTranslations.courseId, course.id), eq(courseTranslations.locale, "zh")));
    const shown = (await call("GET", `/api/v1/courses/${course.slug}?lang=zh`)).json();
    expect(shown).toMatchObject({ title: "中文课程", shownLocale: "zh", summary: "A course made by a test.", summaryLocale: "en" });
  });
});
