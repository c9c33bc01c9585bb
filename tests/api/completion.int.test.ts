import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "../../src/domain/shared/actor.ts";
import { createQuizCourse, sampleQuizIds } from "../factories/learning.ts";
import { createCentre } from "../factories/network.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../support/runtime.ts";

/** Issue 11, point 6 over HTTP: the course's end, for the learner who completed it. */

let runtime: TestRuntime;
let app: FastifyInstance;

async function learner(): Promise<{ actor: Actor; headers: { authorization: string } }> {
  const email = `end-${crypto.randomUUID()}@orbis.test`;
  const password = "correct horse battery staple";
  await runtime.services.identity.createUser({ email, name: "End tester", password, roles: [{ role: "learner", organisationId: null }] });
  const { actor } = await runtime.services.identity.signIn({ email, password, clientKey: "completion-api-test" });
  const { token } = await runtime.services.identity.createApiToken(actor, { name: "completion tests" });
  return { actor, headers: { authorization: `Bearer ${token}` } };
}

beforeAll(async () => {
  runtime = await createTestRuntime();
  app = await createTestApp(runtime);
});

afterAll(async () => {
  await app?.close();
  await runtime?.close();
});

describe("GET /api/v1/courses/:id/completion", () => {
  test("is null until the course is completed, then says what was finished; signed out it is a 401", async () => {
    const centreId = (await createCentre(runtime.services)).id;
    const { course, readingId, quizId } = await createQuizCourse(runtime, centreId);
    const { actor, headers } = await learner();
    const url = `/api/v1/courses/${course.slug}/completion`;
    expect((await app.inject({ method: "GET", url })).statusCode).toBe(401);
    await runtime.services.learning.enrol(actor, course.slug);
    expect((await app.inject({ method: "GET", url, headers })).json()).toBeNull();

    await runtime.services.learning.markDone(actor, course.slug, readingId);
    const q = await sampleQuizIds(runtime, course.id, quizId);
    const answers = { [q.single]: q.singleRight, [q.multiple]: q.multipleRight, [q.trueFalse]: false, [q.short]: "Moodle" };
    await runtime.services.learning.submitAttempt(actor, course.slug, quizId, { answers }, "en");
    const response = await app.inject({ method: "GET", url: `${url}?lang=fr`, headers });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      course: { slug: course.slug },
      certificate: null,
      quizzes: [{ lessonId: quizId, percent: 100 }],
      next: [],
    });
  });
});
