import type { Executor } from "../../../db/client.ts";
import type { ContentLocale, QuizDto, QuizKey } from "../dto.ts";
import { type LoadedQuestion, loadQuiz } from "./load.ts";

/** A ready text in that language, unless its words are empty (then the source's are shown). */
const readyIn = <T extends { locale: string; status: string }>(texts: T[], locale: string, words: (t: T) => string) =>
  texts.find((t) => t.locale === locale && t.status === "ready" && words(t).trim() !== "");

/**
 * A question as a reader of `shownLocale` sees it: its translation when ready, else the course's
 * default language (one language per question, so prompt and options never mix).
 */
function shownQuestion(question: LoadedQuestion, shownLocale: ContentLocale, defaultLocale: ContentLocale) {
  const translated = readyIn(question.texts, shownLocale, (t) => t.prompt);
  const text = translated ?? question.texts.find((t) => t.locale === defaultLocale);
  const locale = translated ? shownLocale : defaultLocale;
  return {
    locale,
    prompt: text?.prompt ?? "",
    feedback: text?.feedback ?? "",
    options: question.options.map((o) => ({
      id: o.id,
      text: (readyIn(o.texts, locale, (t) => t.text) ?? o.texts.find((t) => t.locale === defaultLocale))?.text ?? "",
    })),
  };
}

/**
 * A quiz for a reader of `shownLocale`, in two parts from one read: `quiz`, what the learner answers
 * (nothing in it says what is correct), and `key`, what grading needs with the prompt and feedback
 * the learner is shown, which stays on the server.
 */
export async function quizForLearner(
  db: Executor,
  lessonId: string,
  shownLocale: ContentLocale,
  defaultLocale: ContentLocale,
): Promise<{ quiz: QuizDto; key: QuizKey }> {
  const loaded = await loadQuiz(db, lessonId);
  const questions = loaded.questions.map((q) => ({ q, shown: shownQuestion(q, shownLocale, defaultLocale) }));
  const answersIn = (q: LoadedQuestion, locale: string) => q.texts.find((t) => t.locale === locale)?.acceptedAnswers ?? [];
  return {
    quiz: {
      lessonId,
      passingScore: loaded.passingScore,
      maxAttempts: loaded.maxAttempts,
      maxScore: loaded.questions.reduce((sum, q) => sum + q.points, 0),
      questions: questions.map(({ q, shown }) => ({
        id: q.id,
        position: q.position,
        kind: q.kind,
        points: q.points,
        prompt: shown.prompt,
        shownLocale: shown.locale,
        options: shown.options,
      })),
    },
    key: {
      passingScore: loaded.passingScore,
      maxAttempts: loaded.maxAttempts,
      questions: questions.map(({ q, shown }) => ({
        id: q.id,
        kind: q.kind,
        points: q.points,
        prompt: shown.prompt,
        feedback: shown.feedback,
        answerTrue: q.answerTrue,
        optionIds: q.options.map((o) => o.id),
        correctOptionIds: q.options.filter((o) => o.correct).map((o) => o.id),
        acceptedAnswers: [
          ...new Set([...(shown.locale === defaultLocale ? [] : answersIn(q, shown.locale)), ...answersIn(q, defaultLocale)]),
        ],
      })),
    },
  };
}
