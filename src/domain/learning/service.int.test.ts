import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCourse } from "../../../tests/factories/catalogue.ts";
import { createQuizCourse, sampleQuizIds } from "../../../tests/factories/learning.ts";
import { centreStaffOf, createCentre } from "../../../tests/factories/network.ts";
import { createSignedInUser, createUser } from "../../../tests/factories/users.ts";
import { refusal } from "../../../tests/support/refusal.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import type { CourseDto } from "../catalogue/dto.ts";
import type { Actor } from "../shared/actor.ts";

let runtime: TestRuntime;
let centreId: string;
let course: CourseDto;
let readingId: string;
let quizId: string;
let optionalId: string;

const ids = () => sampleQuizIds(runtime, course.id, quizId);

async function enrolledLearner(): Promise<Actor> {
  const actor = await createSignedInUser(runtime.services);
  await runtime.services.learning.enrol(actor, course.slug);
  return actor;
}

beforeAll(async () => {
  runtime = await createTestRuntime();
  centreId = (await createCentre(runtime.services)).id;
  ({ course, readingId, quizId, optionalId } = await createQuizCourse(runtime, centreId));
});

afterAll(async () => {
  await runtime?.close();
});

describe("enrolment", () => {
  test("self-enrolment in a published course; enrolling twice is a 409 that changes nothing", async () => {
    const actor = await createSignedInUser(runtime.services);
    const first = await runtime.services.learning.enrol(actor, course.slug);
    expect(first).toMatchObject({ status: "active", progress: { done: 0, required: 2 }, resumeLessonId: readingId });
    await expect(runtime.services.learning.enrol(actor, course.slug)).rejects.toMatchObject({
      status: 409,
      code: "already_enrolled",
    });
    expect((await runtime.services.learning.myLearning(actor, "en")).inProgress).toHaveLength(1);
  });

  test("drafts are not open for enrolment, and signing in comes first", async () => {
    const draft = await createCourse(runtime.services, centreId, { publish: false });
    const actor = await createSignedInUser(runtime.services);
    await expect(runtime.services.learning.enrol(actor, draft.slug)).rejects.toMatchObject({ status: 404 });
    await expect(runtime.services.learning.enrol(null, course.slug)).rejects.toMatchObject({ status: 401 });
  });

  test("staff of the owner centre enrol someone by email; unknown emails and other centres are refused", async () => {
    const { user, email } = await createUser(runtime.services);
    const staff = await createSignedInUser(runtime.services, { roles: [{ role: "centre_staff", organisationId: centreId }] });
    const enrolment = await runtime.services.learning.enrolByEmail(staff, course.id, { email: email.toUpperCase() });
    expect(enrolment.status).toBe("active");
    await expect(runtime.services.learning.enrolByEmail(staff, course.id, { email })).rejects.toMatchObject({ status: 409 });
    const unknown = runtime.services.learning.enrolByEmail(staff, course.id, { email: "nobody@orbis.test" });
    expect(await refusal(unknown, "fr")).toMatchObject({
      status: 400,
      fields: [{ path: "email", message: "Aucun compte n’utilise cette adresse e-mail." }],
    });
    const otherCentre = (await createCentre(runtime.services)).id;
    await expect(runtime.services.learning.enrolByEmail(centreStaffOf(otherCentre), course.id, { email })).rejects.toMatchObject({
      status: 403,
    });
    expect(user.id).toBeTruthy();
  });

  test("enrolInTransaction is idempotent and keeps existing progress, completion and status", async () => {
    const learning = runtime.services.learning;
    const started = await enrolledLearner();
    const before = await learning.markDone(started, course.slug, readingId);
    expect(before.progress.done).toBe(1);
    const finished = await enrolledLearner();
    await learning.markDone(finished, course.slug, readingId);
    const q = await ids();
    const answers = { [q.single]: q.singleRight, [q.multiple]: q.multipleRight, [q.trueFalse]: false, [q.short]: "moodle" };
    const completed = (await learning.submitAttempt(finished, course.slug, quizId, { answers }, "en")).enrolment;
    expect(completed.status).toBe("completed");
    const newcomer = await createSignedInUser(runtime.services);

    const enrolAll = () =>
      runtime.database.db.transaction((tx) =>
        learning.enrolInTransaction(tx, {
          userIds: [started.userId, finished.userId, newcomer.userId],
          courseIds: [course.id],
          enrolledById: null,
          at: runtime.clock.now,
        }),
      );
    await enrolAll();
    await enrolAll();

    expect(await learning.enrolmentIn(started, course.slug)).toEqual(before);
    expect(await learning.enrolmentIn(finished, course.slug)).toEqual(completed);
    expect(await learning.enrolmentIn(newcomer, course.slug)).toMatchObject({ status: "active", progress: { done: 0, required: 2 } });
  });

  test("enrolInTransaction gives a withdrawn learner their course back, with the progress they had", async () => {
    const learning = runtime.services.learning;
    const actor = await enrolledLearner();
    await learning.markDone(actor, course.slug, readingId);
    await learning.withdraw(actor, course.slug);
    expect(await learning.enrolmentIn(actor, course.slug)).toBeNull();
    const staff = await createSignedInUser(runtime.services, { roles: [{ role: "centre_staff", organisationId: centreId }] });

    await runtime.database.db.transaction((tx) =>
      learning.enrolInTransaction(tx, {
        userIds: [actor.userId],
        courseIds: [course.id],
        enrolledById: staff.userId,
        at: runtime.clock.now,
      }),
    );

    expect(await learning.enrolmentIn(actor, course.slug)).toMatchObject({ status: "active", progress: { done: 1, required: 2 } });
    const player = await learning.player(actor, course.slug, quizId, "en");
    expect(player.syllabus[0]?.lessons.find((l) => l.id === readingId)?.done).toBe(true);
  });
});

describe("the lesson player", () => {
  test("shows the lesson, previous and next, and records where to resume", async () => {
    const actor = await enrolledLearner();
    const player = await runtime.services.learning.player(actor, course.slug, quizId, "en");
    expect(player.lesson.id).toBe(quizId);
    expect(player.previous?.id).toBe(readingId);
    expect(player.next?.id).toBe(optionalId);
    expect(player.quiz?.quiz.questions).toHaveLength(4);
    expect(JSON.stringify(player.quiz)).not.toContain("correct");
    const [item] = (await runtime.services.learning.myLearning(actor, "en")).inProgress;
    expect(item?.enrolment.resumeLessonId).toBe(quizId);
  });

  test("needs an enrolment (403), and wrong ids are 404s", async () => {
    const stranger = await createSignedInUser(runtime.services);
    await expect(runtime.services.learning.player(stranger, course.slug, readingId, "en")).rejects.toMatchObject({ status: 403 });
    const actor = await enrolledLearner();
    await expect(runtime.services.learning.player(actor, course.slug, crypto.randomUUID(), "en")).rejects.toMatchObject({ status: 404 });
    await expect(runtime.services.learning.player(actor, course.slug, "not-a-uuid", "en")).rejects.toMatchObject({ status: 404 });
  });

  test("a quiz is not marked done by hand", async () => {
    const actor = await enrolledLearner();
    await expect(runtime.services.learning.markDone(actor, course.slug, quizId)).rejects.toMatchObject({ status: 400 });
  });
});

describe("quiz attempts", () => {
  test("grade every kind of question on the server, with feedback after the attempt", async () => {
    const actor = await enrolledLearner();
    const q = await ids();
    const wrong = await runtime.services.learning.submitAttempt(
      actor,
      course.slug,
      quizId,
      {
        answers: { [q.single]: q.singleWrong, [q.multiple]: [q.multipleRight[0]!], [q.trueFalse]: true, [q.short]: "Canvas" },
      },
      "en",
    );
    expect(wrong).toMatchObject({ attemptNumber: 1, score: 0, maxScore: 5, percent: 0, passed: false, attemptsLeft: 2 });
    expect(wrong.questions[0]).toMatchObject({ correct: false, feedback: "The flipped classroom." });

    const partial = await runtime.services.learning.submitAttempt(
      actor,
      course.slug,
      quizId,
      {
        answers: { [q.single]: q.singleRight, [q.multiple]: [...q.multipleRight].reverse(), [q.trueFalse]: false },
      },
      "en",
    );
    // 3 of 5 points: 60 %, below the 75 % mark.
    expect(partial).toMatchObject({ score: 3, percent: 60, passed: false });

    const right = await runtime.services.learning.submitAttempt(
      actor,
      course.slug,
      quizId,
      {
        answers: { [q.single]: q.singleRight, [q.multiple]: q.multipleRight, [q.trueFalse]: false, [q.short]: "  ｍｏｏｄｌｅ " },
      },
      "en",
    );
    expect(right).toMatchObject({ score: 5, percent: 100, passed: true, attemptsLeft: 0 });
    expect(right.questions.every((x) => x.correct)).toBe(true);
  });

  test("the attempts limit holds, also for submissions at the same time; nothing is recorded past it", async () => {
    const actor = await enrolledLearner();
    const q = await ids();
    const answers = { [q.trueFalse]: true };
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => runtime.services.learning.submitAttempt(actor, course.slug, quizId, { answers }, "en")),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    for (const r of results.filter((x) => x.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ status: 409, code: "no_attempts_left" });
    }
    const view = await runtime.services.learning.getQuiz(actor, course.slug, quizId, "en");
    expect(view.attempts.map((a) => a.attemptNumber)).toEqual([1, 2, 3]);
    expect(view.attemptsLeft).toBe(0);
  });

  test("answers about other questions or options are a 400 and record nothing", async () => {
    const actor = await enrolledLearner();
    const q = await ids();
    const submit = (answers: Record<string, unknown>) =>
      runtime.services.learning.submitAttempt(actor, course.slug, quizId, { answers }, "ru");
    expect(await refusal(submit({ [crypto.randomUUID()]: true }), "ru")).toMatchObject({
      status: 400,
      fields: [{ message: "Этого вопроса нет в тесте." }],
    });
    await expect(submit({ [q.single]: crypto.randomUUID() })).rejects.toMatchObject({ status: 400 });
    await expect(submit({ [q.single]: q.multipleWrong })).rejects.toMatchObject({ status: 400 });
    await expect(submit({ [q.trueFalse]: "yes" })).rejects.toMatchObject({ status: 400 });
    await expect(submit({ [q.multiple]: "not-a-list" })).rejects.toMatchObject({ status: 400 });
    expect((await runtime.services.learning.getQuiz(actor, course.slug, quizId, "en")).attempts).toEqual([]);
  });

  test("nobody submits into a course they are not enrolled in, nor reads others' attempts", async () => {
    const owner = await enrolledLearner();
    const q = await ids();
    await runtime.services.learning.submitAttempt(owner, course.slug, quizId, { answers: { [q.trueFalse]: false } }, "en");
    const stranger = await createSignedInUser(runtime.services);
    await expect(
      runtime.services.learning.submitAttempt(stranger, course.slug, quizId, { answers: { [q.trueFalse]: false } }, "en"),
    ).rejects.toMatchObject({ status: 403, code: "not_enrolled" });
    await expect(runtime.services.learning.getQuiz(stranger, course.slug, quizId, "en")).rejects.toMatchObject({ status: 403 });
    const other = await enrolledLearner();
    expect((await runtime.services.learning.getQuiz(other, course.slug, quizId, "en")).attempts).toEqual([]);
  });
});

describe("completion", () => {
  test("a course completes when its required lessons are done and its required quiz passed", async () => {
    const actor = await enrolledLearner();
    const q = await ids();
    const afterReading = await runtime.services.learning.markDone(actor, course.slug, readingId);
    expect(afterReading).toMatchObject({ status: "active", progress: { done: 1, required: 2 } });
    const passed = await runtime.services.learning.submitAttempt(
      actor,
      course.slug,
      quizId,
      {
        answers: { [q.single]: q.singleRight, [q.multiple]: q.multipleRight, [q.trueFalse]: false, [q.short]: "moodle" },
      },
      "en",
    );
    expect(passed.enrolment).toMatchObject({ status: "completed", completedVersion: course.version, progress: { done: 2, required: 2 } });
    const mine = await runtime.services.learning.myLearning(actor, "en");
    expect(mine.inProgress).toEqual([]);
    expect(mine.completed.map((i) => i.course.slug)).toEqual([course.slug]);
    expect(mine.completed[0]?.enrolment.completedAt).toBe(runtime.clock.now.toISOString());
  });
});
