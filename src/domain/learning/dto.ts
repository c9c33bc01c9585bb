import type { ContentLocale, LessonDto, LessonKind, QuizDto } from "../catalogue/dto.ts";

/** The learning module's contract: enrolments, the lesson player, quiz attempts, "my learning". */
export const enrolmentStatuses = ["active", "completed", "withdrawn"] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];

/** An answer per question id: an option id (single), option ids (multiple), true/false, or text. */
export type AttemptAnswers = Record<string, string | string[] | boolean>;

export type ProgressDto = {
  /** Required lessons done (a quiz lesson is done once passed). */
  done: number;
  required: number;
};

export type EnrolmentDto = {
  courseId: string;
  courseSlug: string;
  status: EnrolmentStatus;
  enrolledAt: string;
  completedAt: string | null;
  /** The course version the learner completed. */
  completedVersion: number | null;
  progress: ProgressDto;
  /** Where "continue" leads: the last lesson opened, else the first not done. */
  resumeLessonId: string | null;
};

export type QuestionResultDto = {
  questionId: string;
  prompt: string;
  correct: boolean;
  awarded: number;
  points: number;
  feedback: string;
};

export type AttemptDto = {
  attemptNumber: number;
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
  submittedAt: string;
};

/** An attempt with the feedback per question, shown after it is submitted. */
export type AttemptResultDto = AttemptDto & { questions: QuestionResultDto[]; attemptsLeft: number | null; enrolment: EnrolmentDto };

/** A learner's view of a quiz lesson: the questions, their attempts so far, and the latest result. */
export type LearnerQuizDto = {
  quiz: QuizDto;
  attempts: AttemptDto[];
  /** Null: unlimited. */
  attemptsLeft: number | null;
  passed: boolean;
  latest: (AttemptDto & { questions: QuestionResultDto[] }) | null;
};

export type PlayerLessonRef = { id: string; title: string; kind: LessonKind; required: boolean; done: boolean };

export type PlayerDto = {
  lesson: LessonDto;
  course: { id: string; slug: string; title: string; shownLocale: ContentLocale; defaultLocale: ContentLocale };
  syllabus: { id: string; title: string; lessons: PlayerLessonRef[] }[];
  previous: PlayerLessonRef | null;
  next: PlayerLessonRef | null;
  done: boolean;
  enrolment: EnrolmentDto;
  /** For a quiz lesson. */
  quiz: LearnerQuizDto | null;
};

export type LearningItemDto = {
  course: { id: string; slug: string; title: string; shownLocale: ContentLocale };
  enrolment: EnrolmentDto;
};

export type MyLearningDto = { inProgress: LearningItemDto[]; completed: LearningItemDto[] };
