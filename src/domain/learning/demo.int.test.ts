import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestRuntime, signInDemo, type TestRuntime } from "../../../tests/support/runtime.ts";

let runtime: TestRuntime;

beforeAll(async () => {
  runtime = await createTestRuntime({ demo: true });
});

afterAll(async () => {
  await runtime?.close();
});

const signIn = (email: string) => signInDemo(runtime, email);

async function quizLesson(slug: string) {
  const course = await runtime.services.catalogue.getCourse(slug, "en");
  return course.syllabus.flatMap((m) => m.lessons).find((l) => l.kind === "quiz" && l.required)!.id;
}

describe("the demo learning data", () => {
  test("the demo learner has a course in progress and one completed", async () => {
    const mine = await runtime.services.learning.myLearning(await signIn("learner@orbis.example"), "en");
    expect(mine.inProgress.map((i) => i.course.slug)).toEqual(["digital-pedagogy-for-higher-education"]);
    expect(mine.inProgress[0]?.enrolment.progress.done).toBe(2);
    expect(mine.completed.map((i) => i.course.slug)).toEqual(["healthy-lifestyle-coaching-basics"]);
  });

  test("quizzes come in Russian and in Arabic; an Arabic reader sees ready questions in Arabic, the rest in English", async () => {
    const arabicLearner = await signIn("learner.ar@orbis.example");
    const mine = await runtime.services.learning.myLearning(arabicLearner, "ar");
    expect(mine.inProgress.map((i) => i.course.slug)).toEqual(["ai-in-teaching-eg"]);
    const arabic = await runtime.services.learning.getQuiz(arabicLearner, "ai-in-teaching-eg", await quizLesson("ai-in-teaching-eg"), "ar");
    expect(arabic.quiz.questions[0]).toMatchObject({ shownLocale: "ar", prompt: "قد تكتب النماذج اللغوية إجابات مقنعة لكنها خاطئة." });

    const learner = await signIn("learner@orbis.example");
    const lessonId = await quizLesson("digital-pedagogy-for-higher-education");
    const quiz = await runtime.services.learning.getQuiz(learner, "digital-pedagogy-for-higher-education", lessonId, "ar");
    expect(quiz.quiz.questions.map((q) => q.shownLocale)).toEqual(["ar", "en", "ar"]);

    const kg = await quizLesson("blended-learning-design-kg");
    await runtime.services.learning.enrol(learner, "blended-learning-design-kg");
    const russian = await runtime.services.learning.getQuiz(learner, "blended-learning-design-kg", kg, "ru");
    expect(russian.quiz.questions.every((q) => q.shownLocale === "ru")).toBe(true);
    expect(russian.quiz.maxAttempts).toBe(3);
  });
});
