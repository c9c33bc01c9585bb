import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { courseInput, createCourse } from "../../../tests/factories/catalogue.ts";
import { actorWith, createCentre, secretariat } from "../../../tests/factories/network.ts";
import { refusal } from "../../../tests/support/refusal.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";

let runtime: TestRuntime;
let centreId: string;
let otherCentreId: string;

beforeAll(async () => {
  runtime = await createTestRuntime();
  centreId = (await createCentre(runtime.services)).id;
  otherCentreId = (await createCentre(runtime.services)).id;
});

afterAll(async () => {
  await runtime?.close();
});

/** A draft of two modules: A (a1, a2) and B (b1). */
async function twoModules() {
  return createCourse(runtime.services, centreId, {
    publish: false,
    overrides: {
      syllabus: [
        {
          title: "Module A",
          lessons: [
            { kind: "text", title: "a1" },
            { kind: "text", title: "a2" },
          ],
        },
        { title: "Module B", lessons: [{ kind: "text", title: "b1" }] },
      ],
    },
  });
}

const shape = (syllabus: { title: string; lessons: { title: string }[] }[]) =>
  syllabus.map((m) => `${m.title}: ${m.lessons.map((l) => l.title).join(",")}`);
const lessonId = (course: Awaited<ReturnType<typeof twoModules>>, title: string) =>
  course.syllabus.flatMap((m) => m.lessons).find((l) => l.title === title)!.id;

describe("moving modules and lessons", () => {
  test("a module moves a step; at either end nothing changes", async () => {
    const course = await twoModules();
    const author = actorWith({ role: "author", organisationId: centreId });
    const [a, b] = course.syllabus;
    let syllabus = await runtime.services.catalogue.moveModule(author, course.slug, b!.id, { direction: "up" });
    expect(shape(syllabus)).toEqual(["Module B: b1", "Module A: a1,a2"]);
    syllabus = await runtime.services.catalogue.moveModule(author, course.id, b!.id, { direction: "up" });
    expect(shape(syllabus)).toEqual(["Module B: b1", "Module A: a1,a2"]);
    syllabus = await runtime.services.catalogue.moveModule(author, course.id, a!.id, { direction: "down" });
    expect(shape(syllabus)).toEqual(["Module B: b1", "Module A: a1,a2"]);
    syllabus = await runtime.services.catalogue.moveModule(author, course.id, b!.id, { direction: "down" });
    expect(shape(syllabus)).toEqual(["Module A: a1,a2", "Module B: b1"]);
    // The public course page reads the same order.
    const page = await runtime.services.catalogue.getCourse(course.id, "en", author);
    expect(page.syllabus.map((m) => m.title)).toEqual(["Module A", "Module B"]);
  });

  test("a lesson moves within its module, and past its end into the next module", async () => {
    const course = await twoModules();
    const author = actorWith({ role: "author", organisationId: centreId });
    const move = (title: string, direction: "up" | "down") =>
      runtime.services.catalogue.moveLesson(author, course.id, lessonId(course, title), { direction });
    expect(shape(await move("a2", "up"))).toEqual(["Module A: a2,a1", "Module B: b1"]);
    expect(shape(await move("a1", "down"))).toEqual(["Module A: a2", "Module B: a1,b1"]);
    expect(shape(await move("b1", "down"))).toEqual(["Module A: a2", "Module B: a1,b1"]);
    expect(shape(await move("a1", "up"))).toEqual(["Module A: a2,a1", "Module B: b1"]);
    expect(shape(await move("a2", "up"))).toEqual(["Module A: a2,a1", "Module B: b1"]);
  });

  test("bad input, strangers and published courses are refused and change nothing", async () => {
    const course = await twoModules();
    const author = actorWith({ role: "author", organisationId: centreId });
    const stranger = actorWith({ role: "author", organisationId: otherCentreId });
    const moduleId = course.syllabus[1]!.id;
    expect(
      await refusal(runtime.services.catalogue.moveModule(author, course.id, moduleId, { direction: "sideways" }), "ru"),
    ).toMatchObject({
      status: 400,
      code: "validation_failed",
    });
    expect(await refusal(runtime.services.catalogue.moveModule(stranger, course.id, moduleId, { direction: "up" }))).toMatchObject({
      status: 403,
    });
    expect(await refusal(runtime.services.catalogue.moveModule(null, course.id, moduleId, { direction: "up" }))).toMatchObject({
      status: 401,
    });
    expect(await refusal(runtime.services.catalogue.moveLesson(author, course.id, crypto.randomUUID(), { direction: "up" }))).toMatchObject(
      { status: 404 },
    );
    // A module of another course is not this course's.
    const other = await twoModules();
    expect(
      await refusal(runtime.services.catalogue.moveModule(author, course.id, other.syllabus[1]!.id, { direction: "up" })),
    ).toMatchObject({ status: 404 });
    const syllabus = await runtime.services.authoring.getSyllabus(author, course.id);
    expect(shape(syllabus)).toEqual(["Module A: a1,a2", "Module B: b1"]);

    const published = await createCourse(runtime.services, centreId, {
      overrides: { syllabus: courseInput(centreId).syllabus },
    });
    expect(
      await refusal(runtime.services.catalogue.moveModule(secretariat(), published.id, published.syllabus[0]!.id, { direction: "up" })),
    ).toMatchObject({ status: 409, code: "course_published" });
  });
});

describe("moving quiz questions", () => {
  test("a question moves a step up or down; bad ids are refused", async () => {
    const course = await createCourse(runtime.services, centreId, { publish: false });
    const quizLesson = course.syllabus[0]!.lessons[1]!.id;
    const author = actorWith({ role: "author", organisationId: centreId });
    const quizzes = runtime.services.quizzes;
    for (const prompt of ["one", "two", "three"]) {
      await quizzes.saveQuestion(author, course.id, quizLesson, { kind: "true_false", prompt, answerTrue: true });
    }
    let quiz = await quizzes.getAuthorQuiz(author, course.id, quizLesson);
    const [one, two, three] = quiz.questions;
    quiz = await quizzes.moveQuestion(author, course.id, quizLesson, three!.id, { direction: "up" });
    expect(quiz.questions.map((q) => q.prompt)).toEqual(["one", "three", "two"]);
    expect(quiz.questions.map((q) => q.position)).toEqual([0, 1, 2]);
    quiz = await quizzes.moveQuestion(author, course.id, quizLesson, one!.id, { direction: "down" });
    expect(quiz.questions.map((q) => q.prompt)).toEqual(["three", "one", "two"]);
    quiz = await quizzes.moveQuestion(author, course.id, quizLesson, two!.id, { direction: "down" });
    expect(quiz.questions.map((q) => q.prompt)).toEqual(["three", "one", "two"]);
    expect(await refusal(quizzes.moveQuestion(author, course.id, quizLesson, "nope", { direction: "up" }))).toMatchObject({ status: 404 });
    const stranger = actorWith({ role: "author", organisationId: otherCentreId });
    expect(await refusal(quizzes.moveQuestion(stranger, course.id, quizLesson, one!.id, { direction: "up" }))).toMatchObject({
      status: 403,
    });
  });
});

describe("addresses of new courses", () => {
  test("a Cyrillic or Chinese title gets a transliterated slug; the course reads by it", async () => {
    const ru = await runtime.services.catalogue.createCourse(
      secretariat(),
      courseInput(centreId, { title: "Цифровая педагогика", defaultLocale: "ru" }),
      "ru",
    );
    expect(ru.slug).toMatch(/^tsifrovaya-pedagogika(-[0-9a-f]{8})?$/);
    const zh = await runtime.services.catalogue.createCourse(
      secretariat(),
      courseInput(centreId, { title: "数字教育", defaultLocale: "zh" }),
      "zh",
    );
    expect(zh.slug).toMatch(/^shu-zi-jiao-yu(-[0-9a-f]{8})?$/);
    expect((await runtime.services.catalogue.getCourse(zh.slug, "zh", secretariat())).id).toBe(zh.id);
  });
});
