import type { QuizKey } from "../catalogue/dto.ts";
import type { AttemptAnswers, QuestionResultDto } from "./dto.ts";

/** Short answers match whatever the keyboard or input method produced: compatibility forms, case, spacing. */
export function normaliseShortAnswer(text: string): string {
  return text.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Problems with answers, as paths and message ids: questions not in this quiz, options not in the
 * question, an answer of the wrong shape for the question's kind. Unanswered questions are fine
 * (they score nothing).
 */
export function answerProblems(
  key: QuizKey,
  answers: AttemptAnswers,
): { path: string; message: "unknownQuestion" | "unknownOption" | "wrongAnswer" }[] {
  const problems: ReturnType<typeof answerProblems> = [];
  for (const [questionId, answer] of Object.entries(answers)) {
    const path = `answers.${questionId}`;
    const question = key.questions.find((q) => q.id === questionId);
    if (!question) {
      problems.push({ path, message: "unknownQuestion" });
      continue;
    }
    const fits =
      (question.kind === "single" && typeof answer === "string") ||
      (question.kind === "multiple" && Array.isArray(answer)) ||
      (question.kind === "true_false" && typeof answer === "boolean") ||
      (question.kind === "short_answer" && typeof answer === "string");
    if (!fits) problems.push({ path, message: "wrongAnswer" });
    else if (question.kind === "single" || question.kind === "multiple") {
      const chosen = Array.isArray(answer) ? answer : [answer as string];
      if (chosen.some((id) => !question.optionIds.includes(id))) problems.push({ path, message: "unknownOption" });
    }
  }
  return problems;
}

function isCorrect(question: QuizKey["questions"][number], answer: AttemptAnswers[string] | undefined): boolean {
  if (answer === undefined) return false;
  switch (question.kind) {
    case "single":
      return typeof answer === "string" && question.correctOptionIds.length === 1 && question.correctOptionIds[0] === answer;
    case "multiple":
      return Array.isArray(answer) && sameSet([...new Set(answer)], question.correctOptionIds);
    case "true_false":
      return typeof answer === "boolean" && answer === question.answerTrue;
    case "short_answer":
      return typeof answer === "string" && question.acceptedAnswers.some((a) => normaliseShortAnswer(a) === normaliseShortAnswer(answer));
  }
}

export type Grade = { score: number; maxScore: number; percent: number; passed: boolean; questions: QuestionResultDto[] };

/** All or nothing per question; the percentage is rounded down, so 69.9 % does not pass a 70 % mark. */
export function grade(key: QuizKey, answers: AttemptAnswers): Grade {
  const questions = key.questions.map((q) => {
    const correct = isCorrect(q, answers[q.id]);
    return { questionId: q.id, prompt: q.prompt, correct, awarded: correct ? q.points : 0, points: q.points, feedback: q.feedback };
  });
  const score = questions.reduce((sum, q) => sum + q.awarded, 0);
  const maxScore = questions.reduce((sum, q) => sum + q.points, 0);
  const percent = maxScore ? Math.floor((score * 100) / maxScore) : 0;
  return { score, maxScore, percent, passed: percent >= key.passingScore, questions };
}
