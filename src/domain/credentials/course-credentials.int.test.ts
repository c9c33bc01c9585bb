import { afterAll, beforeAll, expect, test } from "vitest";
import { createQuizCourse, sampleQuizIds } from "../../../tests/factories/learning.ts";
import { createCentre } from "../../../tests/factories/network.ts";
import { createSignedInUser } from "../../../tests/factories/users.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import type { CourseDto } from "../catalogue/dto.ts";
import type { Actor } from "../shared/actor.ts";

/** Issue 13: a learner who completes a course gets a course credential, from the minute job or the course-complete page. */

let runtime: TestRuntime;
let course: CourseDto;
let readingId: string;
let quizId: string;

beforeAll(async () => {
  runtime = await createTestRuntime();
  const centreId = (await createCentre(runtime.services)).id;
  ({ course, readingId, quizId } = await createQuizCourse(runtime, centreId));
});
afterAll(() => runtime?.close());

async function complete(actor: Actor) {
  const learning = runtime.services.learning;
  await learning.enrol(actor, course.slug);
  await learning.markDone(actor, course.slug, readingId);
  const q = await sampleQuizIds(runtime, course.id, quizId);
  const right = { [q.single]: q.singleRight, [q.multiple]: q.multipleRight, [q.trueFalse]: false, [q.short]: "Moodle" };
  await learning.submitAttempt(actor, course.slug, quizId, { answers: right }, "en");
  expect((await learning.enrolmentIn(actor, course.slug))?.status).toBe("completed");
}

test("the job issues one credential per completion, once, and a learner who has not completed gets none", async () => {
  const done = await createSignedInUser(runtime.services);
  const started = await createSignedInUser(runtime.services);
  await complete(done);
  await runtime.services.learning.enrol(started, course.slug);
  const first = await runtime.services.credentials.issueCourseCredentials();
  expect(first).toEqual({ issued: 1, failed: 0 });
  expect(await runtime.services.credentials.issueCourseCredentials()).toEqual({ issued: 0, failed: 0 });
  const [mine] = await runtime.services.credentials.myCredentials(done, "en");
  expect(mine).toMatchObject({ name: course.title, achievementType: "Course", revoked: false, issuer: { id: course.owner.id } });
  expect(await runtime.services.credentials.myCredentials(started, "en")).toEqual([]);
  expect(await runtime.services.credentials.courseCredential(started, course.id, "en")).toBeNull();
});

test("the course-complete page gets the credential at once, the same one the job would give", async () => {
  const actor = await createSignedInUser(runtime.services);
  await complete(actor);
  const shown = await runtime.services.credentials.courseCredential(actor, course.id, "en");
  expect(shown).toMatchObject({ name: course.title });
  expect(await runtime.services.credentials.issueCourseCredentials()).toEqual({ issued: 0, failed: 0 });
  const again = await runtime.services.credentials.courseCredential(actor, course.id, "en");
  expect(again?.id).toBe(shown?.id);
  const { document } = await runtime.services.credentials.getCredential(actor, shown?.id ?? "", "en");
  expect((await runtime.services.credentials.verifyCredential(document)).verified).toBe(true);
});
