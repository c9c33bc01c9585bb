import type { ContentLocale, CourseStatus, TranslationStatus } from "./dto.ts";

/**
 * The quiz part of the catalogue's contract. Authors see a quiz whole, in the course's default
 * language; learners see it without what is correct, each question in the lesson's language when
 * that question's translation is ready, else in the default language; translators see the texts
 * of one language next to the source.
 */
export const questionKinds = ["single", "multiple", "true_false", "short_answer"] as const;
export type QuestionKind = (typeof questionKinds)[number];

export type AuthorQuizOptionDto = { id: string; text: string; correct: boolean };

export type AuthorQuizQuestionDto = {
  id: string;
  position: number;
  kind: QuestionKind;
  points: number;
  prompt: string;
  feedback: string;
  /** The answer of a true/false question; null for other kinds. */
  answerTrue: boolean | null;
  /** Short answers accepted in the default language. */
  acceptedAnswers: string[];
  options: AuthorQuizOptionDto[];
};

export type AuthorQuizDto = {
  lessonId: string;
  lessonTitle: string;
  course: { id: string; slug: string; title: string; status: CourseStatus; defaultLocale: ContentLocale };
  passingScore: number;
  /** Null: unlimited. */
  maxAttempts: number | null;
  /** False once the course is published: published courses change only through a revision. */
  editable: boolean;
  questions: AuthorQuizQuestionDto[];
};

export type QuizOptionDto = { id: string; text: string };

export type QuizQuestionDto = {
  id: string;
  position: number;
  kind: QuestionKind;
  points: number;
  prompt: string;
  /** The language of prompt and options. */
  shownLocale: ContentLocale;
  options: QuizOptionDto[];
};

/** What a learner answers: no correct options, answers or feedback before an attempt. */
export type QuizDto = {
  lessonId: string;
  passingScore: number;
  maxAttempts: number | null;
  maxScore: number;
  questions: QuizQuestionDto[];
};

export type QuizTextDto = { prompt: string; feedback: string; acceptedAnswers: string[] };

/** The texts of a quiz in one language next to the source (default-language) texts. */
export type QuizTextsDto = {
  lessonId: string;
  locale: ContentLocale;
  sourceLocale: ContentLocale;
  questions: {
    id: string;
    kind: QuestionKind;
    source: QuizTextDto;
    translation: (QuizTextDto & { status: TranslationStatus }) | null;
    options: { id: string; source: string; translation: { text: string; status: TranslationStatus } | null }[];
  }[];
};
