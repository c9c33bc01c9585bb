import { count } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { courses } from "../../src/domain/catalogue/schema.ts";
import type { RoleGrant } from "../../src/domain/shared/actor.ts";
import ru from "../../src/i18n/messages/errors/ru.ts";
import { courseInput, createCourse } from "../factories/catalogue.ts";
import { createCentre } from "../factories/network.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../support/runtime.ts";

let runtime: TestRuntime;
let app: FastifyInstance;
let kenyaId: string;
let serbiaId: string;

beforeAll(async () => {
  runtime = await createTestRuntime();
  app = await createTestApp(runtime);
  const services = runtime.services;
  kenyaId = (await createCentre(services, { slug: "api-kenya", name: "Api Kenya Centre", country: "KE" })).id;
  serbiaId = (await createCentre(services, { slug: "api-serbia", name: "Api Serbia Centre", country: "RS" })).id;
  await createCourse(services, kenyaId, {
    overrides: { slug: "solar-installation", title: "Solar panel installation", summary: "Hands-on TVET course.", category: "tvet" },
    translations: { fr: { title: "Installation de panneaux solaires", summary: "Cours pratique d’EFTP.", status: "ready" } },
  });
  await createCourse(services, kenyaId, {
    overrides: {
      slug: "mobile-repair",
      title: "Mobile phone repair",
      summary: "Diagnose and fix phones.",
      category: "tvet",
      level: "intermediate",
    },
  });
  await createCourse(services, serbiaId, {
    overrides: {
      slug: "inclusive-classrooms",
      defaultLocale: "sr",
      title: "Инклузивна учионица",
      summary: "Подршка ученицима са различитим потребама.",
      category: "teacher_professional_development",
    },
    translations: { en: { title: "The inclusive classroom", summary: "Supporting learners with diverse needs.", status: "ready" } },
  });
  await createCourse(services, serbiaId, { publish: false, overrides: { slug: "unfinished-draft", title: "Unfinished draft" } });
});

afterAll(async () => {
  await app?.close();
  await runtime?.close();
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: "GET", url, headers });
/** Every course row, drafts included: the public listing would not show a draft written by mistake. */
const courseRows = async () => (await runtime.database.db.select({ n: count() }).from(courses))[0]!.n;
const slugs = async (query: string) => (await get(`/api/v1/courses?${query}`)).json().items.map((c: { slug: string }) => c.slug);

async function bearer(...roles: RoleGrant[]): Promise<{ authorization: string }> {
  const email = `api-${crypto.randomUUID()}@orbis.test`;
  const password = "correct horse battery staple";
  await runtime.services.identity.createUser({ email, name: "API tester", password, roles });
  const { actor } = await runtime.services.identity.signIn({ email, password, clientKey: "catalogue-api-test" });
  const { token } = await runtime.services.identity.createApiToken(actor, { name: "catalogue tests" });
  return { authorization: `Bearer ${token}` };
}

describe("the public catalogue", () => {
  test("is paginated, each item with its languages", async () => {
    const response = await get("/api/v1/courses?limit=2&sort=title");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(body.items.map((c: { slug: string }) => c.slug)).toEqual(["mobile-repair", "solar-installation"]);
    expect(body.items[1]).toMatchObject({
      title: "Solar panel installation",
      shownLocale: "en",
      languages: ["en", "fr"],
      owner: { slug: "api-kenya", kind: "national_centre" },
      category: "tvet",
      estimatedHours: 6,
    });
    expect((await get("/api/v1/courses?limit=2&offset=2&sort=title")).json().items.map((c: { slug: string }) => c.slug)).toEqual([
      "inclusive-classrooms",
    ]);
  });

  test("filters, search and the reader's language", async () => {
    expect(await slugs("category=teacher_professional_development")).toEqual(["inclusive-classrooms"]);
    expect(await slugs("centre=api-kenya&level=intermediate")).toEqual(["mobile-repair"]);
    expect(await slugs("lang=sr")).toEqual(["inclusive-classrooms"]);
    expect(await slugs("q=%D1%83%D1%87%D0%B8%D0%BE%D0%BD%D0%B8%D1%86%D0%B0")).toEqual(["inclusive-classrooms"]);
    expect(await slugs("q=solaires")).toEqual(["solar-installation"]);
    const french = (await get("/api/v1/courses?lang=fr")).json();
    expect(french.items).toMatchObject([{ slug: "solar-installation", title: "Installation de panneaux solaires", shownLocale: "fr" }]);
    const russianReader = (await get("/api/v1/courses?centre=api-serbia", { "accept-language": "ru" })).json();
    expect(russianReader.items).toMatchObject([{ title: "Инклузивна учионица", shownLocale: "sr", languages: ["sr", "en"] }]);
  });

  test("a course by slug or id; drafts and unknown courses are 404", async () => {
    const bySlug = await get("/api/v1/courses/inclusive-classrooms?lang=en");
    expect(bySlug.statusCode).toBe(200);
    const course = bySlug.json();
    expect(course).toMatchObject({ title: "The inclusive classroom", defaultLocale: "sr", licence: "CC-BY-4.0" });
    expect(course.syllabus[0].lessons.map((l: { kind: string }) => l.kind)).toEqual(["text", "quiz"]);
    expect((await get(`/api/v1/courses/${course.id}`)).json().slug).toBe("inclusive-classrooms");
    const lesson = await get(`/api/v1/courses/${course.id}/lessons/${course.syllabus[0].lessons[0].id}`);
    expect(lesson.json()).toMatchObject({ bodyHtml: "<p>Welcome to the course.</p>" });

    const draft = await get("/api/v1/courses/unfinished-draft?lang=ru");
    expect(draft.statusCode).toBe(404);
    expect(draft.json()).toEqual({ error: { code: "not_found", message: ru["error.not_found"] } });
    expect((await get(`/api/v1/courses/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  test.each([
    ["an unknown query field", "/api/v1/courses?colour=blue"],
    ["a bad category", "/api/v1/courses?category=cooking"],
    ["a bad level", "/api/v1/courses?level=expert"],
    ["a bad sort", "/api/v1/courses?sort=random"],
    ["a bad language", "/api/v1/courses?lang=english"],
    ["a bad centre slug", "/api/v1/courses?centre=Not_A_Slug"],
    ["a wrong type", "/api/v1/courses?limit=many"],
    ["an out-of-range limit", "/api/v1/courses?limit=1000"],
    ["a negative offset", "/api/v1/courses?offset=-1"],
    ["an overlong query", `/api/v1/courses?q=${"a".repeat(201)}`],
    ["a bad course reference", "/api/v1/courses/Bad!Slug"],
    ["a bad lesson id", "/api/v1/courses/mobile-repair/lessons/not-a-uuid"],
  ])("%s is a 400 with field issues", async (_, url) => {
    const response = await get(url);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("validation_failed");
    expect(response.json().error.fields.length).toBeGreaterThan(0);
  });

  test("the OpenAPI document describes the catalogue routes", async () => {
    const doc = (await get("/api/openapi.json")).json();
    expect(doc.paths["/api/v1/courses"].get.tags).toEqual(["catalogue"]);
    expect(doc.paths["/api/v1/courses"].post.security).toEqual([{ bearer: [] }]);
    expect(doc.paths["/api/v1/courses/{id}/translations/{locale}"].put.summary).toBeTruthy();
  });
});

describe("writing courses", () => {
  test("without a token: 401, and nothing changes", async () => {
    const course = (await get("/api/v1/courses/mobile-repair")).json();
    const rows = await courseRows();
    const attempts = await Promise.all([
      app.inject({ method: "POST", url: "/api/v1/courses", payload: courseInput(kenyaId) }),
      app.inject({ method: "PATCH", url: `/api/v1/courses/${course.id}`, payload: { level: "advanced" } }),
      app.inject({
        method: "PUT",
        url: `/api/v1/courses/${course.id}/translations/fr`,
        payload: { title: "Réparation", summary: "", status: "ready" },
      }),
      app.inject({ method: "POST", url: `/api/v1/courses/${course.id}/submit` }),
    ]);
    for (const response of attempts) expect(response.statusCode, response.body).toBe(401);
    expect((await get("/api/v1/courses/mobile-repair")).json()).toEqual(course);
    expect(await courseRows()).toBe(rows);
  });

  test("an author of another centre: 403, and nothing changes", async () => {
    const course = (await get("/api/v1/courses/mobile-repair")).json();
    const headers = await bearer({ role: "centre_admin", organisationId: serbiaId });
    const rows = await courseRows();
    const patch = await app.inject({ method: "PATCH", url: `/api/v1/courses/${course.id}`, headers, payload: { level: "advanced" } });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().error.code).toBe("forbidden");
    const create = await app.inject({ method: "POST", url: "/api/v1/courses", headers, payload: courseInput(kenyaId) });
    expect(create.statusCode).toBe(403);
    expect((await get("/api/v1/courses/mobile-repair")).json()).toEqual(course);
    expect(await courseRows()).toBe(rows);
  });

  test("a centre's staff create, translate and submit a course; a reviewer's approval publishes it", async () => {
    const headers = await bearer({ role: "centre_staff", organisationId: kenyaId });
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/courses",
      headers,
      payload: courseInput(kenyaId, { title: "Drip irrigation for smallholders", summary: "Water-saving farming.", category: "tvet" }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const course = created.json();
    expect(course).toMatchObject({ slug: "drip-irrigation-for-smallholders", status: "draft", languages: ["en"] });
    expect((await get("/api/v1/courses?q=irrigation")).json().total).toBe(0);

    const translated = await app.inject({
      method: "PUT",
      url: `/api/v1/courses/${course.id}/translations/sw`,
      headers,
      payload: {
        title: "Umwagiliaji wa matone kwa wakulima wadogo",
        summary: "Kilimo kinachookoa maji.",
        status: "ready",
        modules: [{ id: course.syllabus[0].id, title: "Kuanza" }],
      },
    });
    expect(translated.statusCode, translated.body).toBe(200);
    expect(translated.json().languages).toEqual(["en", "sw"]);

    const patched = await app.inject({ method: "PATCH", url: `/api/v1/courses/${course.id}`, headers, payload: { estimatedHours: 10 } });
    expect(patched.json().estimatedHours).toBe(10);

    const submitted = await app.inject({ method: "POST", url: `/api/v1/courses/${course.id}/submit`, headers });
    expect(submitted.json().status).toBe("in_review");
    const published = await app.inject({
      method: "POST",
      url: `/api/v1/courses/${course.id}/reviews`,
      headers: await bearer({ role: "reviewer", organisationId: null }),
      payload: { decision: "approved", scores: [] },
    });
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json().status).toBe("published");
    expect(await slugs("q=umwagiliaji")).toEqual(["drip-irrigation-for-smallholders"]);
  });

  test("bad bodies are 400 with field issues, unknown fields included, and write nothing", async () => {
    const headers = await bearer({ role: "secretariat", organisationId: null });
    const before = await courseRows();
    const course = (await get("/api/v1/courses/mobile-repair")).json();
    const requests = [
      { method: "POST", url: "/api/v1/courses", payload: { ...courseInput(kenyaId), colour: "blue" } },
      { method: "POST", url: "/api/v1/courses", payload: courseInput(kenyaId, { estimatedHours: "six" as unknown as number }) },
      { method: "POST", url: "/api/v1/courses", payload: courseInput("not-a-uuid") },
      { method: "PATCH", url: `/api/v1/courses/${course.id}`, payload: { status: "published" } },
      { method: "PATCH", url: "/api/v1/courses/mobile-repair", payload: { level: "advanced" } },
      {
        method: "PUT",
        url: `/api/v1/courses/${course.id}/translations/French`,
        payload: { title: "Réparation", summary: "", status: "ready" },
      },
      { method: "PUT", url: `/api/v1/courses/${course.id}/translations/fr`, payload: { title: "Réparation", summary: "", status: "done" } },
    ] as const;
    for (const request of requests) {
      const response = await app.inject({ ...request, headers });
      expect(response.statusCode, `${request.method} ${request.url}: ${response.body}`).toBe(400);
      expect(response.json().error.fields.length).toBeGreaterThan(0);
    }
    expect(await courseRows()).toBe(before);
    expect((await get("/api/v1/courses/mobile-repair")).json()).toEqual(course);
  });
});

describe("reordering and addresses over the API", () => {
  test("modules, lessons and quiz questions move one place per POST; bad input is a translated 400 and changes nothing", async () => {
    const headers = await bearer({ role: "author", organisationId: kenyaId });
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/courses",
      headers,
      payload: {
        ...courseInput(kenyaId, { title: "Цифровая педагогика для всех", defaultLocale: "ru" }),
        syllabus: [
          {
            title: "Первый",
            lessons: [
              { kind: "text", title: "Один" },
              { kind: "quiz", title: "Тест" },
            ],
          },
          { title: "Второй", lessons: [{ kind: "text", title: "Два" }] },
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    const course = created.json();
    expect(course.slug).toBe("tsifrovaya-pedagogika-dlya-vsekh");
    expect((await get(`/api/v1/courses/${course.slug}`, headers)).statusCode).toBe(200);

    const second = course.syllabus[1].id;
    const post = (url: string, payload: Record<string, unknown>, extra: Record<string, string> = {}) =>
      app.inject({ method: "POST", url, headers: { ...headers, ...extra }, payload });
    const moved = await post(`/api/v1/courses/${course.slug}/modules/${second}/move`, { direction: "up" });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().map((m: { title: string }) => m.title)).toEqual(["Второй", "Первый"]);

    const bad = await post(`/api/v1/courses/${course.id}/modules/${second}/move`, { direction: 2 }, { "accept-language": "ru" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe(ru["error.validation_failed"]);
    const lessonId = course.syllabus[1].lessons[0].id;
    const lesson = await post(`/api/v1/courses/${course.id}/lessons/${lessonId}/move`, { direction: "down" });
    expect(lesson.json().map((m: { lessons: { title: string }[] }) => m.lessons.map((l) => l.title))).toEqual([
      [],
      ["Два", "Один", "Тест"],
    ]);

    const quizId = course.syllabus[0].lessons[1].id;
    for (const prompt of ["Да?", "Нет?"]) {
      await app.inject({
        method: "PUT",
        url: `/api/v1/courses/${course.id}/lessons/${quizId}/quiz`,
        headers,
        payload: {
          passingScore: 50,
          maxAttempts: null,
          questions: [
            { kind: "true_false", prompt: "Да?", answerTrue: true },
            { kind: "true_false", prompt, answerTrue: false },
          ],
        },
      });
    }
    const quiz = (await get(`/api/v1/courses/${course.id}/lessons/${quizId}/quiz/edit`, headers)).json();
    const question = await post(`/api/v1/courses/${course.id}/lessons/${quizId}/quiz/questions/${quiz.questions[1].id}/move`, {
      direction: "up",
    });
    expect(question.statusCode).toBe(200);
    expect(question.json().questions.map((q: { prompt: string }) => q.prompt)).toEqual(["Нет?", "Да?"]);

    const anonymous = await app.inject({
      method: "POST",
      url: `/api/v1/courses/${course.id}/modules/${second}/move`,
      payload: { direction: "up" },
    });
    expect(anonymous.statusCode).toBe(401);
    const stranger = await post(
      `/api/v1/courses/${course.id}/modules/${second}/move`,
      { direction: "down" },
      await bearer({ role: "author", organisationId: serbiaId }),
    );
    expect(stranger.statusCode).toBe(403);
    const after = (await get(`/api/v1/courses/${course.id}`, headers)).json();
    expect(after.syllabus.map((m: { title: string }) => m.title)).toEqual(["Второй", "Первый"]);
  });
});
