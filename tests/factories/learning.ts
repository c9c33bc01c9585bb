import { eq } from "drizzle-orm";
import { courses } from "../../src/domain/catalogue/schema.ts";
import type { QuizInput } from "../../src/domain/catalogue/validation.ts";
import type { TestRuntime } from "../support/runtime.ts";
import { createCourse } from "./catalogue.ts";
import { secretariat } from "./network.ts";

/** One question of each kind: 5 points, 75 % to pass, three attempts. */
export const sampleQuiz: QuizInput = {
  passingScore: 75,
  maxAttempts: 3,
  questions: [
    {
      kind: "single",
      prompt: "Which model moves lectures before class?",
      feedback: "The flipped classroom.",
      options: [
        { text: "Flipped classroom", correct: true },
        { text: "Rotation", correct: false },
      ],
    },
    {
      kind: "multiple",
      prompt: "Which are synchronous?",
      options: [
        { text: "Live seminar", correct: true },
        { text: "Forum", correct: false },
        { text: "Video call", correct: true },
      ],
    },
    { kind: "true_false", prompt: "Blended learning has no classroom sessions.", answerTrue: false },
    { kind: "short_answer", prompt: "Name the learning management system we use.", acceptedAnswers: ["Moodle"], points: 2 },
  ],
};

/**
 * A published course with a required reading, a required quiz (the sample quiz) and an optional
 * reading. Published straight in the database: the review workflow is not what these tests are about.
 */
export async function createQuizCourse(runtime: TestRuntime, ownerId: string, quiz: QuizInput = sampleQuiz) {
  const draft = await createCourse(runtime.services, ownerId, {
    publish: false,
    overrides: {
      syllabus: [
        {
          title: "Module",
          lessons: [
            { kind: "text", title: "Reading", body: "<p>Read me.</p>" },
            { kind: "quiz", title: "Quiz" },
            { kind: "text", title: "Extra reading", required: false },
          ],
        },
      ],
    },
  });
  const [readingId, quizId, optionalId] = draft.syllabus[0]!.lessons.map((l) => l.id) as [string, string, string];
  await runtime.services.quizzes.setQuiz(secretariat(), draft.id, quizId, quiz);
  await runtime.database.db.update(courses).set({ status: "published", publishedAt: runtime.clock.now }).where(eq(courses.id, draft.id));
  const course = await runtime.services.catalogue.getCourse(draft.id, "en");
  return { course, readingId, quizId, optionalId };
}

/** The ids of the sample quiz's questions and options, as its author sees them. */
export async function sampleQuizIds(runtime: TestRuntime, courseId: string, quizId: string) {
  const q = (await runtime.services.quizzes.getAuthorQuiz(secretariat(), courseId, quizId)).questions;
  return {
    single: q[0]!.id,
    singleRight: q[0]!.options[0]!.id,
    singleWrong: q[0]!.options[1]!.id,
    multiple: q[1]!.id,
    multipleRight: [q[1]!.options[0]!.id, q[1]!.options[2]!.id],
    multipleWrong: q[1]!.options[1]!.id,
    trueFalse: q[2]!.id,
    short: q[3]!.id,
  };
}
