import { z } from "zod";
import { courseSummaryDto, lessonDto, lessonKinds, quizDto } from "../catalogue/dto.ts";

/**
 * The learning module's contract: enrolments, the lesson player, quiz attempts and "my learning",
 * as Zod schemas the HTTP routes answer with and types inferred from them.
 */
export const enrolmentStatuses = ["active", "completed", "withdrawn"] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];

/** An answer per question id: an option id (single), option ids (multiple), true/false, or text. */
export type AttemptAnswers = Record<string, string | string[] | boolean>;

export const enrolmentDto = z.object({
  courseId: z.uuid(),
  courseSlug: z.string(),
  status: z.enum(enrolmentStatuses),
  enrolledAt: z.string(),
  completedAt: z.string().nullable(),
  completedVersion: z.number().int().nullable().describe("The course version completed"),
  progress: z.object({ done: z.number().int(), required: z.number().int() }).describe("Required lessons done (a quiz once passed)"),
  resumeLessonId: z
    .uuid()
    .nullable()
    .describe("Where to go on: the last lesson opened unless it is done, then the next not done after it (else the first not done)"),
  doneLessonIds: z.array(z.uuid()).describe("The lessons done, in syllabus order (the course page ticks them)"),
});
export type EnrolmentDto = z.infer<typeof enrolmentDto>;

export const attemptDto = z.object({
  attemptNumber: z.number().int(),
  score: z.number().int(),
  maxScore: z.number().int(),
  percent: z.number().int().describe("Rounded down"),
  passed: z.boolean(),
  submittedAt: z.string(),
});
export type AttemptDto = z.infer<typeof attemptDto>;

export const questionResultDto = z.object({
  questionId: z.uuid(),
  prompt: z.string(),
  correct: z.boolean(),
  awarded: z.number().int(),
  points: z.number().int(),
  feedback: z.string(),
});
export type QuestionResultDto = z.infer<typeof questionResultDto>;

/** A learner's view of a quiz lesson: the questions, their attempts so far, and the latest result. */
export const learnerQuizDto = z.object({
  quiz: quizDto,
  attempts: z.array(attemptDto),
  attemptsLeft: z.number().int().nullable().describe("Null: unlimited"),
  passed: z.boolean(),
  latest: attemptDto
    .extend({ questions: z.array(questionResultDto) })
    .nullable()
    .describe("The latest attempt with feedback per question"),
});
export type LearnerQuizDto = z.infer<typeof learnerQuizDto>;

/** An attempt with the feedback per question, shown after it is submitted. */
export const attemptResultDto = attemptDto.extend({
  questions: z.array(questionResultDto),
  attemptsLeft: z.number().int().nullable(),
  enrolment: enrolmentDto,
});
export type AttemptResultDto = z.infer<typeof attemptResultDto>;

const playerLessonRef = z.object({ id: z.uuid(), title: z.string(), kind: z.enum(lessonKinds), required: z.boolean(), done: z.boolean() });
export type PlayerLessonRef = z.infer<typeof playerLessonRef>;

export const playerDto = z.object({
  lesson: lessonDto,
  course: z.object({ id: z.uuid(), slug: z.string(), title: z.string(), shownLocale: z.string(), defaultLocale: z.string() }),
  syllabus: z.array(z.object({ id: z.uuid(), title: z.string(), lessons: z.array(playerLessonRef) })),
  previous: playerLessonRef.nullable(),
  next: playerLessonRef.nullable(),
  done: z.boolean(),
  enrolment: enrolmentDto,
  quiz: learnerQuizDto.nullable().describe("For a quiz lesson"),
});
export type PlayerDto = z.infer<typeof playerDto>;

export const learningItemDto = z.object({
  course: z.object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    shownLocale: z.string(),
    coverImageUrl: z.string().nullable(),
  }),
  enrolment: enrolmentDto,
});
export type LearningItemDto = z.infer<typeof learningItemDto>;

export const myLearningDto = z.object({ inProgress: z.array(learningItemDto), completed: z.array(learningItemDto) });
export type MyLearningDto = z.infer<typeof myLearningDto>;

/** The end of a course, for the learner who completed it: what they finished, and what to take next. */
export const completionDto = z.object({
  course: courseSummaryDto,
  completedAt: z.string(),
  completedVersion: z.number().int().nullable(),
  modules: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      lessons: z.array(z.object({ id: z.uuid(), title: z.string(), kind: z.enum(lessonKinds), done: z.boolean() })),
    }),
  ),
  quizzes: z.array(z.object({ lessonId: z.uuid(), title: z.string(), percent: z.number().int().describe("The best attempt") })),
  next: z.array(courseSummaryDto).describe("Published courses to take next: same category first, none the learner is enrolled in"),
  certificate: z
    .object({ url: z.string() })
    .nullable()
    .describe("The certificate once the credentials module issues one; null until then (the page shows a placeholder)"),
});
export type CompletionDto = z.infer<typeof completionDto>;
