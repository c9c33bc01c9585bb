import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { approve, createCourse } from "../../../tests/factories/catalogue.ts";
import { createQuizCourse, sampleQuizIds } from "../../../tests/factories/learning.ts";
import { createCentre, secretariat } from "../../../tests/factories/network.ts";
import { createSignedInUser } from "../../../tests/factories/users.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import { twoColourPng } from "../../seed/files.ts";
import type { CourseDto } from "../catalogue/dto.ts";
import type { Actor } from "../shared/actor.ts";

/** Issue 11, point 6: resume where you left, ticks, My learning with covers, and the course's end. */

let runtime: TestRuntime;
let course: CourseDto;
let readingId: string;
let quizId: string;
let optionalId: string;
let sameCategory: CourseDto;
let otherCategory: CourseDto;
let alreadyTaken: CourseDto;

const learning = () => runtime.services.learning;

beforeAll(async () => {
  runtime = await createTestRuntime();
  const centreId = (await createCentre(runtime.services)).id;
  ({ course, readingId, quizId, optionalId } = await createQuizCourse(runtime, centreId));
  runtime.clock.advance(1000);
  otherCategory = await createCourse(runtime.services, centreId, { overrides: { title: "A TVET course", category: "tvet" } });
  runtime.clock.advance(1000);
  alreadyTaken = await createCourse(runtime.services, centreId, { overrides: { title: "Taken already" } });
  runtime.clock.advance(1000);
  // With a cover, uploaded while it is a draft.
  const draft = await createCourse(runtime.services, centreId, { publish: false, overrides: { title: "Same category, with a cover" } });
  const png = twoColourPng(64, 36, [10, 80, 160], [240, 240, 240]);
  await runtime.services.media.uploadCover(secretariat(), draft.id, { fileName: "cover.png", stream: Readable.from([png]) });
  await runtime.services.workflow.submit(secretariat(), draft.id);
  await approve(runtime.services, draft.id);
  sameCategory = await runtime.services.catalogue.getCourse(draft.id, "en");
});

afterAll(async () => {
  await runtime?.close();
});

async function passQuiz(actor: Actor) {
  const q = await sampleQuizIds(runtime, course.id, quizId);
  const right = { [q.single]: q.singleRight, [q.multiple]: q.multipleRight, [q.trueFalse]: false, [q.short]: "Moodle" };
  // A first attempt half right, then a full one: the best counts.
  await learning().submitAttempt(actor, course.slug, quizId, { answers: { ...right, [q.single]: q.singleWrong } }, "en");
  return learning().submitAttempt(actor, course.slug, quizId, { answers: right }, "en");
}

describe("resuming and ticks", () => {
  test("a lesson opened and done sends the learner on to the next not done; done lessons are listed for ticks", async () => {
    const actor = await createSignedInUser(runtime.services);
    await learning().enrol(actor, course.slug);
    await learning().player(actor, course.slug, readingId, "en");
    expect((await learning().enrolmentIn(actor, course.slug))?.resumeLessonId).toBe(readingId);
    const afterReading = await learning().markDone(actor, course.slug, readingId);
    expect(afterReading).toMatchObject({ resumeLessonId: quizId, doneLessonIds: [readingId] });
    // Opened but left unfinished: that is where to come back.
    await learning().player(actor, course.slug, optionalId, "en");
    expect((await learning().enrolmentIn(actor, course.slug))?.resumeLessonId).toBe(optionalId);
    await learning().markDone(actor, course.slug, optionalId);
    // Done too: back to the first lesson not done.
    expect((await learning().enrolmentIn(actor, course.slug))?.resumeLessonId).toBe(quizId);
  });
});

describe("the course's end", () => {
  test("is there only once the course is completed: what was finished, best quiz score, what to take next, a certificate's place", async () => {
    const actor = await createSignedInUser(runtime.services);
    await learning().enrol(actor, course.slug);
    await learning().enrol(actor, alreadyTaken.slug);
    expect(await learning().completion(actor, course.slug, "en")).toBeNull();
    await learning().markDone(actor, course.slug, readingId);
    expect((await passQuiz(actor)).enrolment.status).toBe("completed");

    const end = await learning().completion(actor, course.slug, "en");
    expect(end).toMatchObject({
      course: { id: course.id, slug: course.slug, title: course.title },
      completedAt: runtime.clock.now.toISOString(),
      certificate: null,
      quizzes: [{ lessonId: quizId, title: "Quiz", percent: 100 }],
    });
    expect(end!.modules[0]!.lessons.map((l) => [l.title, l.done])).toEqual([
      ["Reading", true],
      ["Quiz", true],
      ["Extra reading", false],
    ]);
    // Same category first, then others; never this course nor one already taken.
    expect(end!.next.map((c) => c.slug)).toEqual([sameCategory.slug, otherCategory.slug]);
    expect(end!.next[0]!.coverImageUrl).toMatch(/cover\.png$/);
  });

  test("My learning shows each course's cover (or none) with its progress", async () => {
    const actor = await createSignedInUser(runtime.services);
    await learning().enrol(actor, sameCategory.slug);
    await learning().enrol(actor, otherCategory.slug);
    const mine = await learning().myLearning(actor, "en");
    const covers = Object.fromEntries(mine.inProgress.map((i) => [i.course.slug, i.course.coverImageUrl]));
    expect(covers).toEqual({ [sameCategory.slug]: sameCategory.coverImageUrl, [otherCategory.slug]: null });
    expect(sameCategory.coverImageUrl).toMatch(/cover\.png$/);
  });
});
