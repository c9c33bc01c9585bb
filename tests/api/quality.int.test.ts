import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { courses } from "../../src/domain/catalogue/schema.ts";
import type { RoleGrant } from "../../src/domain/shared/actor.ts";
import { courseInput, createCourse } from "../factories/catalogue.ts";
import { createCentre } from "../factories/network.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../support/runtime.ts";

let runtime: TestRuntime;
let app: FastifyInstance;
let ghanaId: string;
let egyptId: string;
let secretariat: { authorization: string };
let ghanaAuthor: { authorization: string };
let reviewer: { authorization: string };

async function bearer(...roles: RoleGrant[]): Promise<{ authorization: string }> {
  const email = `quality-${crypto.randomUUID()}@orbis.test`;
  const password = "correct horse battery staple";
  await runtime.services.identity.createUser({ email, name: "Quality tester", password, roles });
  const { actor } = await runtime.services.identity.signIn({ email, password, clientKey: "quality-api-test" });
  const { token } = await runtime.services.identity.createApiToken(actor, { name: "quality tests" });
  return { authorization: `Bearer ${token}` };
}

const call = (method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", url: string, headers: Record<string, string> = {}, payload?: unknown) =>
  app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

beforeAll(async () => {
  runtime = await createTestRuntime();
  app = await createTestApp(runtime);
  ghanaId = (await createCentre(runtime.services, { slug: "qa-ghana", name: "QA Ghana Centre", country: "GH" })).id;
  egyptId = (await createCentre(runtime.services, { slug: "qa-egypt", name: "QA Egypt Centre", country: "EG" })).id;
  secretariat = await bearer({ role: "secretariat", organisationId: null });
  ghanaAuthor = await bearer({ role: "author", organisationId: ghanaId });
  reviewer = await bearer({ role: "reviewer", organisationId: null });
});

afterAll(async () => {
  await app?.close();
  await runtime?.close();
});

describe("the rubric API", () => {
  test("the secretariat adds and edits criteria; others are refused; bad input is a translated 400", async () => {
    const created = await call("POST", "/api/v1/rubric", secretariat, {
      maxScore: 3,
      essential: true,
      translations: { en: { title: "Clear outcomes" }, ru: { title: "Понятные результаты" } },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await call("GET", "/api/v1/rubric?lang=ru")).json().map((c: { title: string }) => c.title)).toEqual(["Понятные результаты"]);
    const refused = await call("POST", "/api/v1/rubric", ghanaAuthor, {
      maxScore: 3,
      essential: false,
      translations: { en: { title: "Mine" } },
    });
    expect(refused.statusCode).toBe(403);
    const bad = await call("PATCH", `/api/v1/rubric/${created.json().id}?lang=fr`, secretariat, { maxScore: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe("maxScore");
    const retired = await call("PATCH", `/api/v1/rubric/${created.json().id}`, secretariat, { active: false });
    expect(retired.json().active).toBe(false);
    expect((await call("GET", "/api/v1/rubric")).json()).toEqual([]);
    expect((await call("GET", "/api/v1/rubric?all=true")).json()).toHaveLength(1);
  });
});

describe("the review workflow API", () => {
  test("an author who also reviews cannot review their own course: 403 own_work, translated, and it stays in review", async () => {
    const both = await bearer({ role: "author", organisationId: egyptId }, { role: "reviewer", organisationId: egyptId });
    const created = await call("POST", "/api/v1/courses", both, {
      ...courseInput(egyptId, { title: "Reviewing myself" }),
      syllabus: [{ title: "Only module", lessons: [{ kind: "text", title: "Only lesson", body: "<p>Text</p>" }] }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await call("POST", `/api/v1/courses/${id}/submit`, both)).json().status).toBe("in_review");
    const own = await call("POST", `/api/v1/courses/${id}/reviews?lang=zh`, both, { decision: "approved", scores: [] });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe("own_work");
    expect(own.json().error.message).toMatch(/职责分离/);
    const [stored] = await runtime.database.db.select({ status: courses.status }).from(courses).where(eq(courses.id, id));
    expect(stored?.status).toBe("in_review");
  });

  test("submit, review, history, new version, archive; wrong states are translated 409s", async () => {
    const course = await createCourse(runtime.services, ghanaId, { publish: false, overrides: { title: "Cocoa quality control" } });
    expect((await call("POST", `/api/v1/courses/${course.id}/submit`)).statusCode).toBe(401);
    expect((await call("POST", `/api/v1/courses/${course.id}/submit`, ghanaAuthor)).json().status).toBe("in_review");
    const again = await call("POST", `/api/v1/courses/${course.id}/submit?lang=ru`, ghanaAuthor);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: "wrong_status", message: "Это невозможно, пока курс на рецензии." });

    const silent = await call("POST", `/api/v1/courses/${course.id}/reviews`, reviewer, { decision: "returned", scores: [] });
    expect(silent.statusCode).toBe(400);
    expect(silent.json().error.fields[0].path).toBe("comment");
    const returned = await call("POST", `/api/v1/courses/${course.id}/reviews`, reviewer, {
      decision: "returned",
      comment: "Add captions.",
      scores: [],
    });
    expect(returned.json().status).toBe("draft");
    runtime.clock.advance(60_000);
    await call("POST", `/api/v1/courses/${course.id}/submit`, ghanaAuthor);
    const approved = await call("POST", `/api/v1/courses/${course.id}/reviews`, reviewer, { decision: "approved", scores: [] });
    expect(approved.statusCode, approved.body).toBe(201);
    expect(approved.json()).toMatchObject({ id: course.id, status: "published", version: 1 });

    const history = await call("GET", `/api/v1/courses/${course.slug}/reviews`, ghanaAuthor);
    expect(history.json().map((r: { decision: string }) => r.decision)).toEqual(["approved", "returned"]);
    expect((await call("GET", `/api/v1/courses/${course.slug}/reviews`)).statusCode).toBe(401);

    const frozen = await call("PATCH", `/api/v1/courses/${course.id}?lang=fr`, ghanaAuthor, { estimatedHours: 3 });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.message).toContain("nouvelle version");
    const version = await call("POST", `/api/v1/courses/${course.id}/versions`, ghanaAuthor);
    expect(version.statusCode).toBe(201);
    expect(version.json()).toMatchObject({ status: "draft", version: 2 });
    // The new version was not wanted after all: its draft is deleted; the published course is not.
    const refusedDelete = await call("DELETE", `/api/v1/courses/${course.id}?lang=ru`, ghanaAuthor);
    expect(refusedDelete.statusCode).toBe(409);
    expect(refusedDelete.json().error.code).toBe("wrong_status");
    expect((await call("DELETE", `/api/v1/courses/${version.json().id}`, reviewer)).statusCode).toBe(403);
    expect((await call("DELETE", `/api/v1/courses/${version.json().id}`, ghanaAuthor)).statusCode).toBe(204);
    expect((await call("GET", `/api/v1/courses/${version.json().slug}`, ghanaAuthor)).statusCode).toBe(404);
    expect((await call("GET", `/api/v1/courses/${course.slug}`)).json()).toMatchObject({ status: "published", version: 1 });

    const archived = await call("POST", `/api/v1/courses/${course.id}/archive`, ghanaAuthor);
    expect(archived.json().status).toBe("archived");
    expect((await call("GET", "/api/v1/courses?q=cocoa")).json().total).toBe(0);
  });

  test("the review queue lists what waits for the caller", async () => {
    const course = await createCourse(runtime.services, egyptId, { publish: false, overrides: { title: "Queued for review" } });
    await call("POST", `/api/v1/courses/${course.id}/submit`, secretariat);
    const queue = await call("GET", "/api/v1/reviews/queue", reviewer);
    expect(queue.json().map((c: { slug: string }) => c.slug)).toContain(course.slug);
    const elsewhere = await bearer({ role: "reviewer", organisationId: ghanaId });
    expect((await call("GET", "/api/v1/reviews/queue", elsewhere)).json()).toEqual([]);
    expect((await call("GET", "/api/v1/reviews/queue", ghanaAuthor)).statusCode).toBe(403);
  });

  test("adaptation: credited copy, 409 for no-derivatives, notices when the source changes", async () => {
    const source = await createCourse(runtime.services, egyptId, { overrides: { title: "Solar basics" } });
    const closed = await createCourse(runtime.services, egyptId, { overrides: { title: "Closed solar", licence: "CC-BY-ND-4.0" } });
    const refused = await call("POST", `/api/v1/courses/${closed.id}/adaptations?lang=ar`, ghanaAuthor, { ownerId: ghanaId });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: "derivatives_forbidden",
      message: "ترخيص هذه الدورة (CC-BY-ND-4.0) لا يسمح بالتكييف.",
    });
    const adapted = await call("POST", `/api/v1/courses/${source.id}/adaptations`, ghanaAuthor, { ownerId: ghanaId });
    expect(adapted.statusCode, adapted.body).toBe(201);
    const copy = adapted.json();

    const egyptAuthor = await bearer({ role: "author", organisationId: egyptId });
    const revision = (await call("POST", `/api/v1/courses/${source.id}/versions`, egyptAuthor)).json();
    await call("POST", `/api/v1/courses/${revision.id}/submit`, egyptAuthor);
    await call("POST", `/api/v1/courses/${revision.id}/reviews`, reviewer, { decision: "approved", scores: [] });
    const notices = await call("GET", `/api/v1/courses/${copy.slug}/notices`, ghanaAuthor);
    expect(notices.json()).toMatchObject([{ kind: "source_updated", source: { slug: source.slug, version: 2 } }]);
    const dismissed = await call("POST", `/api/v1/courses/${copy.id}/notices/${notices.json()[0].id}/dismiss`, ghanaAuthor);
    expect(dismissed.statusCode).toBe(204);
  });
});

/**
 * Authors clicking "new version" or "adapt" several times at once, through HTTP so a 500 is seen.
 * On PostgreSQL the requests really overlap; PGlite has one connection, so there they would not.
 */
describe.runIf(process.env.ORBIS_TEST_DB === "postgres")("copies asked for at the same moment", () => {
  test("four requests for a new version open one draft", async () => {
    const course = await createCourse(runtime.services, ghanaId, { overrides: { title: "Concurrent versions" } });
    const answers = await Promise.all([1, 2, 3, 4].map(() => call("POST", `/api/v1/courses/${course.id}/versions`, ghanaAuthor)));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(answers[0]!.json()).toMatchObject({ status: "draft", version: 2 });
  });

  test("four adaptations at once are four drafts, each with a slug of its own", async () => {
    const source = await createCourse(runtime.services, egyptId, { overrides: { title: "Concurrent adaptations" } });
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => call("POST", `/api/v1/courses/${source.id}/adaptations`, ghanaAuthor, { ownerId: ghanaId })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.json().slug)).size).toBe(4);
  });
});

describe("the translation queue API", () => {
  test("authors ask for a language, translators see counts and write fields with their own status", async () => {
    const course = await createCourse(runtime.services, ghanaId, {
      overrides: { title: "Shea butter processing", summary: "From nut to butter." },
    });
    const translator = await bearer({ role: "translator", organisationId: null });
    const requested = await call("POST", `/api/v1/courses/${course.id}/translation-requests`, ghanaAuthor, { locale: "fr" });
    expect(requested.statusCode, requested.body).toBe(201);
    expect(requested.json()).toMatchObject({ status: "missing", counts: { draft: 0, ready: 0 } });

    const queue = await call("GET", "/api/v1/translations/queue?locale=fr&owner=qa-ghana", translator);
    expect(queue.json().map((i: { course: { slug: string } }) => i.course.slug)).toContain(course.slug);
    expect((await call("GET", "/api/v1/translations/queue")).statusCode).toBe(401);

    const module = course.syllabus[0]!;
    const written = await call("PUT", `/api/v1/courses/${course.id}/translations/fr`, translator, {
      title: "Transformation du beurre de karité",
      summary: "De la noix au beurre.",
      status: "ready",
      modules: [{ id: module.id, title: "Premiers pas", status: "draft" }],
    });
    expect(written.statusCode, written.body).toBe(200);
    const french = (await call("GET", `/api/v1/courses/${course.slug}?lang=fr`)).json();
    expect(french).toMatchObject({ shownLocale: "fr", title: "Transformation du beurre de karité" });
    expect(french.syllabus[0].title).toBe(module.title);
    const defaultLanguage = await call("PUT", `/api/v1/courses/${course.id}/translations/en`, translator, {
      title: "Renamed",
      summary: "",
      status: "ready",
    });
    expect(defaultLanguage.statusCode).toBe(403);
  });

  test("the OpenAPI document describes the new routes", async () => {
    const paths = Object.keys((await call("GET", "/api/openapi.json")).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/api/v1/courses/{id}/submit",
        "/api/v1/courses/{id}/reviews",
        "/api/v1/rubric/{id}",
        "/api/v1/translations/queue",
        "/api/v1/courses/{id}/adaptations",
      ]),
    );
  });
});
