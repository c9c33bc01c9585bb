import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCourse } from "../../../tests/factories/catalogue.ts";
import { createQuizCourse, sampleQuiz } from "../../../tests/factories/learning.ts";
import { actorWith, centreAdminOf, createCentre, secretariat } from "../../../tests/factories/network.ts";
import { createSignedInUser } from "../../../tests/factories/users.ts";
import { refusal } from "../../../tests/support/refusal.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";

let runtime: TestRuntime;
let centreId: string;
const quizzes = () => runtime.services.quizzes;

beforeAll(async () => {
  runtime = await createTestRuntime();
  centreId = (await createCentre(runtime.services)).id;
});

afterAll(async () => {
  await runtime?.close();
});

/** A draft course and its quiz lesson. */
async function draftQuiz() {
  const course = await createCourse(runtime.services, centreId, { publish: false });
  return { courseId: course.id, lessonId: course.syllabus[0]!.lessons[1]!.id, readingId: course.syllabus[0]!.lessons[0]!.id };
}

describe("quiz authoring", () => {
  test("authors of the owner centre write settings and every kind of question; ids are kept on rewrite", async () => {
    const { courseId, lessonId } = await draftQuiz();
    const author = actorWith({ role: "author", organisationId: centreId });
    const written = await quizzes().setQuiz(author, courseId, lessonId, sampleQuiz);
    expect(written).toMatchObject({ passingScore: 75, maxAttempts: 3, editable: true });
    expect(written.questions.map((q) => q.kind)).toEqual(["single", "multiple", "true_false", "short_answer"]);
    expect(written.questions[2]?.answerTrue).toBe(false);
    expect(written.questions[3]?.acceptedAnswers).toEqual(["Moodle"]);

    const [first, ...rest] = written.questions;
    const rewritten = await quizzes().setQuiz(author, courseId, lessonId, {
      passingScore: 50,
      maxAttempts: null,
      questions: [
        { id: rest[2]!.id, kind: "true_false", prompt: "Reordered", answerTrue: true },
        {
          id: first!.id,
          kind: "single",
          prompt: first!.prompt,
          options: first!.options.map((o) => ({ id: o.id, text: o.text, correct: !o.correct })),
        },
      ],
    });
    expect(rewritten.maxAttempts).toBeNull();
    expect(rewritten.questions.map((q) => q.id)).toEqual([rest[2]!.id, first!.id]);
    expect(rewritten.questions[1]?.options.map((o) => o.id)).toEqual(first!.options.map((o) => o.id));
    expect(rewritten.questions[1]?.options.map((o) => o.correct)).toEqual([false, true]);
  });

  test("one question at a time: add, change, remove; settings alone", async () => {
    const { courseId, lessonId } = await draftQuiz();
    const admin = centreAdminOf(centreId);
    let quiz = await quizzes().saveQuestion(admin, courseId, lessonId, { kind: "true_false", prompt: "Sky is blue", answerTrue: true });
    quiz = await quizzes().saveQuestion(admin, courseId, lessonId, {
      kind: "short_answer",
      prompt: "2+2?",
      acceptedAnswers: ["4", "four"],
    });
    expect(quiz.questions.map((q) => q.position)).toEqual([0, 1]);
    quiz = await quizzes().saveQuestion(admin, courseId, lessonId, {
      id: quiz.questions[0]!.id,
      kind: "true_false",
      prompt: "Grass is red",
      answerTrue: false,
    });
    expect(quiz.questions[0]).toMatchObject({ prompt: "Grass is red", answerTrue: false, position: 0 });
    quiz = await quizzes().removeQuestion(admin, courseId, lessonId, quiz.questions[0]!.id);
    expect(quiz.questions.map((q) => q.prompt)).toEqual(["2+2?"]);
    quiz = await quizzes().setQuizSettings(admin, courseId, lessonId, { passingScore: 100, maxAttempts: 1 });
    expect(quiz).toMatchObject({ passingScore: 100, maxAttempts: 1 });
  });

  test("invalid questions are refused with translated messages and change nothing", async () => {
    const { courseId, lessonId } = await draftQuiz();
    const admin = centreAdminOf(centreId);
    const save = (input: unknown) => quizzes().saveQuestion(admin, courseId, lessonId, input);
    const twoRight = {
      kind: "single",
      prompt: "?",
      options: [
        { text: "a", correct: true },
        { text: "b", correct: true },
      ],
    };
    expect(await refusal(save(twoRight), "ru")).toMatchObject({
      status: 400,
      fields: [{ path: "options", message: "Отметьте ровно один верный вариант." }],
    });
    expect(
      await refusal(save({ ...twoRight, kind: "multiple", options: twoRight.options.map((o) => ({ ...o, correct: false })) }), "ru"),
    ).toMatchObject({
      fields: [{ message: "Отметьте хотя бы один верный вариант." }],
    });
    await expect(save({ kind: "single", prompt: "?", options: [{ text: "a", correct: true }] })).rejects.toMatchObject({ status: 400 });
    await expect(save({ kind: "short_answer", prompt: "?", acceptedAnswers: [] })).rejects.toMatchObject({ status: 400 });
    await expect(save({ kind: "true_false", prompt: "?" })).rejects.toMatchObject({ status: 400 });
    await expect(save({ kind: "essay", prompt: "?" })).rejects.toMatchObject({ status: 400 });
    expect(await refusal(save({ id: crypto.randomUUID(), kind: "true_false", prompt: "?", answerTrue: true }), "ru")).toMatchObject({
      fields: [{ path: "id", message: "Этого вопроса нет в тесте." }],
    });
    await expect(quizzes().setQuizSettings(admin, courseId, lessonId, { passingScore: 101, maxAttempts: 0 })).rejects.toMatchObject({
      status: 400,
    });
    expect((await quizzes().getAuthorQuiz(admin, courseId, lessonId)).questions).toEqual([]);
  });

  test("authors of another centre get 403, a reading lesson has no quiz, published courses are a 409", async () => {
    const { courseId, lessonId, readingId } = await draftQuiz();
    const otherCentre = (await createCentre(runtime.services)).id;
    await expect(quizzes().setQuiz(centreAdminOf(otherCentre), courseId, lessonId, sampleQuiz)).rejects.toMatchObject({ status: 403 });
    await expect(quizzes().getAuthorQuiz(await createSignedInUser(runtime.services), courseId, lessonId)).rejects.toMatchObject({
      status: 403,
    });
    await expect(quizzes().setQuiz(null, courseId, lessonId, sampleQuiz)).rejects.toMatchObject({ status: 401 });
    await expect(quizzes().setQuiz(secretariat(), courseId, readingId, sampleQuiz)).rejects.toMatchObject({ status: 404 });
    await expect(quizzes().setQuiz(secretariat(), courseId, crypto.randomUUID(), sampleQuiz)).rejects.toMatchObject({ status: 404 });

    const { course, quizId } = await createQuizCourse(runtime, centreId);
    await expect(
      quizzes().saveQuestion(centreAdminOf(centreId), course.id, quizId, { kind: "true_false", prompt: "?", answerTrue: true }),
    ).rejects.toMatchObject({
      status: 409,
      code: "course_published",
    });
    expect((await quizzes().getAuthorQuiz(centreAdminOf(centreId), course.id, quizId)).editable).toBe(false);
  });
});

describe("quiz translations", () => {
  test("texts per question and option with a status; learners get a question in their language only when ready", async () => {
    const { course, quizId } = await createQuizCourse(runtime, centreId);
    const translator = actorWith({ role: "translator", organisationId: null });
    const source = await quizzes().quizTextsFor(translator, course.id, quizId, "fr");
    expect(source.sourceLocale).toBe("en");
    expect(source.questions.every((q) => q.translation === null)).toBe(true);
    const [single, multiple] = source.questions;
    const written = await quizzes().writeQuizTranslation(translator, course.id, quizId, "fr", {
      questions: [
        {
          id: single!.id,
          prompt: "Quel modèle déplace les cours magistraux avant la séance ?",
          feedback: "La classe inversée.",
          status: "ready",
          options: single!.options.map((o, i) => ({ id: o.id, text: ["Classe inversée", "Rotation"][i]!, status: "ready" as const })),
        },
        { id: multiple!.id, prompt: "Lesquels sont synchrones ?", status: "draft" },
      ],
    });
    expect(written.questions[0]?.translation).toMatchObject({ status: "ready", feedback: "La classe inversée." });
    expect(written.questions[1]?.translation?.status).toBe("draft");

    // The lesson is shown in French once the course's French text is ready and the lesson has one.
    await runtime.services.catalogue.addTranslation(
      secretariat(),
      course.id,
      "fr",
      {
        title: "Cours de test",
        summary: "Un cours.",
        status: "ready",
        lessons: [{ id: quizId, title: "Quiz" }],
      },
      "en",
    );
    const learner = await createSignedInUser(runtime.services);
    await runtime.services.learning.enrol(learner, course.slug);
    const view = await runtime.services.learning.getQuiz(learner, course.slug, quizId, "fr");
    expect(view.quiz.questions.map((q) => q.shownLocale)).toEqual(["fr", "en", "en", "en"]);
    expect(view.quiz.questions[0]?.options.map((o) => o.text)).toEqual(["Classe inversée", "Rotation"]);

    await expect(quizzes().writeQuizTranslation(translator, course.id, quizId, "en", { questions: [] })).rejects.toMatchObject({
      status: 400,
    });
    await expect(
      quizzes().writeQuizTranslation(translator, course.id, quizId, "fr", {
        questions: [{ id: crypto.randomUUID(), prompt: "?", status: "ready" }],
      }),
    ).rejects.toMatchObject({ status: 400 });
    const outsider = actorWith({ role: "translator", organisationId: (await createCentre(runtime.services)).id });
    await expect(quizzes().quizTextsFor(outsider, course.id, quizId, "fr")).rejects.toMatchObject({ status: 403 });
  });
});
