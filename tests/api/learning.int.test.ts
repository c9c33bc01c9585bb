import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { CourseDto } from "../../src/domain/catalogue/dto.ts";
import type { RoleGrant } from "../../src/domain/shared/actor.ts";
import { createCourse } from "../factories/catalogue.ts";
import { createQuizCourse, sampleQuiz, sampleQuizIds } from "../factories/learning.ts";
import { createCentre } from "../factories/network.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../support/runtime.ts";

let runtime: TestRuntime;
let app: FastifyInstance;
let centreId: string;
let course: CourseDto;
let readingId: string;
let quizId: string;

beforeAll(async () => {
  runtime = await createTestRuntime();
  app = await createTestApp(runtime);
  centreId = (await createCentre(runtime.services)).id;
  ({ course, readingId, quizId } = await createQuizCourse(runtime, centreId));
});

afterAll(async () => {
  await app?.close();
  await runtime?.close();
});

async function bearer(...roles: RoleGrant[]): Promise<{ authorization: string; email: string }> {
  const email = `api-${crypto.randomUUID()}@orbis.test`;
  const password = "correct horse battery staple";
  await runtime.services.identity.createUser({ email, name: "API learner", password, roles });
  const { actor } = await runtime.services.identity.signIn({ email, password, clientKey: "learning-api-test" });
  const { token } = await runtime.services.identity.createApiToken(actor, { name: "learning tests" });
  return { authorization: `Bearer ${token}`, email };
}
const learnerRole: RoleGrant = { role: "learner", organisationId: null };

const call = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, auth?: { authorization: string }, payload?: object) =>
  app.inject({ method, url, headers: auth ? { authorization: auth.authorization } : {}, payload });

describe("enrolment over the API", () => {
  test("a learner enrols once; the second time is a translated 409", async () => {
    const me = await bearer(learnerRole);
    const first = await call("POST", `/api/v1/courses/${course.slug}/enrolment`, me);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: "active", progress: { done: 0, required: 2 } });
    const again = await call("POST", `/api/v1/courses/${course.slug}/enrolment?lang=ru`, me);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toEqual({ code: "already_enrolled", message: "Вы уже записаны на этот курс." });
    expect((await call("GET", `/api/v1/courses/${course.id}/enrolment`, me)).json()).toMatchObject({ courseId: course.id });
  });

  test("withdrawing keeps progress for when the learner comes back", async () => {
    const me = await bearer(learnerRole);
    await call("POST", `/api/v1/courses/${course.slug}/enrolment`, me);
    await call("POST", `/api/v1/courses/${course.slug}/lessons/${readingId}/done`, me);
    const left = await call("DELETE", `/api/v1/courses/${course.slug}/enrolment`, me);
    expect(left.json()).toMatchObject({ status: "withdrawn" });
    expect((await call("GET", `/api/v1/courses/${course.slug}/lessons/${readingId}/player`, me)).statusCode).toBe(403);
    expect((await call("GET", `/api/v1/courses/${course.slug}/enrolment`, me)).json()).toBeNull();
    const back = await call("POST", `/api/v1/courses/${course.slug}/enrolment`, me);
    expect(back.json()).toMatchObject({ status: "active", progress: { done: 1, required: 2 } });
    expect((await call("DELETE", `/api/v1/courses/${crypto.randomUUID()}/enrolment`, me)).statusCode).toBe(404);
  });

  test("anonymous callers are asked to sign in", async () => {
    expect((await call("POST", `/api/v1/courses/${course.slug}/enrolment`)).statusCode).toBe(401);
    expect((await call("GET", "/api/v1/me/learning")).statusCode).toBe(401);
  });

  test("centre staff enrol by email; an unknown email is a translated 400", async () => {
    const staff = await bearer({ role: "centre_staff", organisationId: centreId });
    const learner = await bearer(learnerRole);
    const ok = await call("POST", `/api/v1/courses/${course.slug}/enrolments`, staff, { email: learner.email });
    expect(ok.statusCode).toBe(201);
    const unknown = await call("POST", `/api/v1/courses/${course.slug}/enrolments?lang=es`, staff, { email: "nadie@orbis.test" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual([
      { path: "email", code: "custom", message: "Ninguna cuenta usa esta dirección de correo." },
    ]);
    const notStaff = await call("POST", `/api/v1/courses/${course.slug}/enrolments`, learner, { email: learner.email });
    expect(notStaff.statusCode).toBe(403);
    const bad = await call("POST", `/api/v1/courses/${course.slug}/enrolments`, staff, { email: "not an email" });
    expect(bad.statusCode).toBe(400);
  });
});

describe("learning over the API", () => {
  test("player, done, quiz and attempts, through to completion in my learning", async () => {
    const me = await bearer(learnerRole);
    await call("POST", `/api/v1/courses/${course.slug}/enrolment`, me);
    const player = await call("GET", `/api/v1/courses/${course.slug}/lessons/${readingId}/player`, me);
    expect(player.statusCode).toBe(200);
    expect(player.json()).toMatchObject({ lesson: { id: readingId, bodyHtml: "<p>Read me.</p>" }, previous: null, next: { id: quizId } });
    expect((await call("POST", `/api/v1/courses/${course.slug}/lessons/${readingId}/done`, me)).json().progress).toEqual({
      done: 1,
      required: 2,
    });

    const quiz = await call("GET", `/api/v1/courses/${course.slug}/lessons/${quizId}/quiz`, me);
    expect(quiz.statusCode).toBe(200);
    expect(quiz.body).not.toMatch(/correct|answerTrue|acceptedAnswers|Moodle/);

    const q = await sampleQuizIds(runtime, course.id, quizId);
    const wrong = await call("POST", `/api/v1/courses/${course.slug}/lessons/${quizId}/quiz/attempts`, me, {
      answers: { [q.single]: q.singleWrong },
    });
    expect(wrong.statusCode).toBe(201);
    expect(wrong.json()).toMatchObject({ passed: false, attemptsLeft: 2 });
    const right = await call("POST", `/api/v1/courses/${course.slug}/lessons/${quizId}/quiz/attempts`, me, {
      answers: { [q.single]: q.singleRight, [q.multiple]: q.multipleRight, [q.trueFalse]: false, [q.short]: "MOODLE" },
    });
    expect(right.json()).toMatchObject({ passed: true, percent: 100, enrolment: { status: "completed" } });

    const mine = (await call("GET", "/api/v1/me/learning", me)).json();
    expect(mine.completed.map((i: { course: { slug: string } }) => i.course.slug)).toEqual([course.slug]);
  });

  test("bad answers are a 400, strangers a 403, unknown lessons a 404", async () => {
    const me = await bearer(learnerRole);
    await call("POST", `/api/v1/courses/${course.slug}/enrolment`, me);
    const url = `/api/v1/courses/${course.slug}/lessons/${quizId}/quiz/attempts?lang=fr`;
    const unknown = await call("POST", url, me, { answers: { [crypto.randomUUID()]: true } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].message).toBe("Cette question ne fait pas partie du quiz.");
    expect((await call("POST", url, me, { answers: { "not-an-id": true } })).statusCode).toBe(400);
    expect((await call("POST", url, me, { answers: {}, extra: 1 })).statusCode).toBe(400);

    const stranger = await bearer(learnerRole);
    expect((await call("POST", url, stranger, { answers: {} })).statusCode).toBe(403);
    expect((await call("GET", `/api/v1/courses/${course.slug}/lessons/${quizId}/quiz`, stranger)).statusCode).toBe(403);
    expect((await call("GET", `/api/v1/courses/${course.slug}/lessons/${crypto.randomUUID()}/player`, me)).statusCode).toBe(404);
  });
});

describe("quiz authoring over the API", () => {
  test("authors of the owner write a draft's quiz; other centres get 403; published quizzes are a translated 409", async () => {
    const draft = await createCourse(runtime.services, centreId, { publish: false });
    const draftQuiz = draft.syllabus[0]!.lessons[1]!.id;
    const author = await bearer({ role: "author", organisationId: centreId });
    const put = await call("PUT", `/api/v1/courses/${draft.id}/lessons/${draftQuiz}/quiz`, author, sampleQuiz);
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ passingScore: 75, maxAttempts: 3, editable: true });
    expect(put.json().questions).toHaveLength(4);

    const otherCentre = (await createCentre(runtime.services)).id;
    const outsider = await bearer({ role: "author", organisationId: otherCentre });
    expect((await call("PUT", `/api/v1/courses/${draft.id}/lessons/${draftQuiz}/quiz`, outsider, sampleQuiz)).statusCode).toBe(403);

    const invalid = await call("PUT", `/api/v1/courses/${draft.id}/lessons/${draftQuiz}/quiz?lang=ar`, author, {
      passingScore: 70,
      maxAttempts: null,
      questions: [
        {
          kind: "single",
          prompt: "?",
          options: [
            { text: "a", correct: true },
            { text: "b", correct: true },
          ],
        },
      ],
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.fields[0]).toMatchObject({ path: "questions.0.options", message: "حدّد خيارًا صحيحًا واحدًا فقط." });

    const owner = await bearer({ role: "centre_admin", organisationId: centreId });
    const published = await call("PUT", `/api/v1/courses/${course.slug}/lessons/${quizId}/quiz?lang=ru`, owner, sampleQuiz);
    expect(published.statusCode).toBe(409);
    expect(published.json().error.code).toBe("course_published");
  });

  test("the OpenAPI document lists the learning routes", async () => {
    const doc = (await call("GET", "/api/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/courses/{id}/enrolment",
        "/api/v1/me/learning",
        "/api/v1/courses/{id}/lessons/{lessonId}/quiz/attempts",
      ]),
    );
  });
});
