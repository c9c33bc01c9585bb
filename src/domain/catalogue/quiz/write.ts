import { and, eq, notInArray } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { fieldError } from "../../shared/errors.ts";
import type { ContentLocale } from "../dto.ts";
import { quizOptions, quizOptionTranslations, quizQuestions, quizQuestionTranslations, quizzes } from "../schema.ts";
import type { QuestionInput, QuizInput, QuizSettingsInput } from "../validation.ts";

/** Writes one question and its options in `textLocale` (the default language, as ready texts). */
export async function writeQuestion(tx: Executor, lessonId: string, textLocale: ContentLocale, question: QuestionInput, position: number) {
  const fields = {
    lessonId,
    position,
    kind: question.kind,
    points: question.points ?? 1,
    answerTrue: question.kind === "true_false" ? question.answerTrue : null,
  };
  let questionId = question.id;
  if (questionId) await tx.update(quizQuestions).set(fields).where(eq(quizQuestions.id, questionId));
  else questionId = (await tx.insert(quizQuestions).values(fields).returning({ id: quizQuestions.id }))[0]!.id;
  const texts = {
    prompt: question.prompt,
    feedback: question.feedback ?? "",
    acceptedAnswers: question.kind === "short_answer" ? [...new Set(question.acceptedAnswers)] : [],
    status: "ready" as const,
  };
  await tx
    .insert(quizQuestionTranslations)
    .values({ questionId, locale: textLocale, ...texts })
    .onConflictDoUpdate({ target: [quizQuestionTranslations.questionId, quizQuestionTranslations.locale], set: texts });

  const options = question.kind === "single" || question.kind === "multiple" ? question.options : [];
  const existing = new Set(
    (await tx.select({ id: quizOptions.id }).from(quizOptions).where(eq(quizOptions.questionId, questionId))).map((o) => o.id),
  );
  options.forEach((option, i) => {
    if (option.id && !existing.has(option.id)) throw fieldError(`options.${i}.id`, "learning.quiz.field.unknownOption");
  });
  const kept = options.flatMap((o) => (o.id ? [o.id] : []));
  if (new Set(kept).size !== kept.length) throw fieldError("options", "learning.quiz.field.unknownOption");
  await tx
    .delete(quizOptions)
    .where(and(eq(quizOptions.questionId, questionId), kept.length ? notInArray(quizOptions.id, kept) : undefined));
  for (const [optionPosition, option] of options.entries()) {
    const optionFields = { questionId, position: optionPosition, correct: option.correct };
    let optionId = option.id;
    if (optionId) await tx.update(quizOptions).set(optionFields).where(eq(quizOptions.id, optionId));
    else optionId = (await tx.insert(quizOptions).values(optionFields).returning({ id: quizOptions.id }))[0]!.id;
    await tx
      .insert(quizOptionTranslations)
      .values({ optionId, locale: textLocale, text: option.text, status: "ready" })
      .onConflictDoUpdate({ target: [quizOptionTranslations.optionId, quizOptionTranslations.locale], set: { text: option.text } });
  }
  return questionId;
}

export async function writeSettings(tx: Executor, lessonId: string, settings: QuizSettingsInput) {
  await tx
    .insert(quizzes)
    .values({ lessonId, ...settings })
    .onConflictDoUpdate({ target: quizzes.lessonId, set: settings });
}

export async function questionIdsOf(tx: Executor, lessonId: string): Promise<Set<string>> {
  const rows = await tx.select({ id: quizQuestions.id }).from(quizQuestions).where(eq(quizQuestions.lessonId, lessonId));
  return new Set(rows.map((r) => r.id));
}

/**
 * Makes a quiz what `input` says: its settings and questions in order. Listed ids are kept (with
 * their translations); questions left out are removed.
 */
export async function writeQuiz(tx: Executor, lessonId: string, textLocale: ContentLocale, input: QuizInput) {
  const existing = await questionIdsOf(tx, lessonId);
  input.questions.forEach((q, i) => {
    if (q.id && !existing.has(q.id)) throw fieldError(`questions.${i}.id`, "learning.quiz.field.unknownQuestion");
  });
  await writeSettings(tx, lessonId, { passingScore: input.passingScore, maxAttempts: input.maxAttempts });
  const kept = input.questions.flatMap((q) => (q.id ? [q.id] : []));
  await tx
    .delete(quizQuestions)
    .where(and(eq(quizQuestions.lessonId, lessonId), kept.length ? notInArray(quizQuestions.id, kept) : undefined));
  for (const [position, question] of input.questions.entries()) {
    await writeQuestion(tx, lessonId, textLocale, question, position);
  }
}
