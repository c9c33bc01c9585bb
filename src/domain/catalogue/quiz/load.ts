import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { quizOptions, quizOptionTranslations, quizQuestions, quizQuestionTranslations, quizzes } from "../schema.ts";

/** Everything stored about a quiz, in every language. */
export async function loadQuiz(db: Executor, lessonId: string) {
  const [settings] = await db.select().from(quizzes).where(eq(quizzes.lessonId, lessonId));
  const questions = await db
    .select()
    .from(quizQuestions)
    .where(eq(quizQuestions.lessonId, lessonId))
    .orderBy(asc(quizQuestions.position), asc(quizQuestions.id));
  const questionIds = questions.map((q) => q.id);
  const [questionTexts, options] = questionIds.length
    ? await Promise.all([
        db.select().from(quizQuestionTranslations).where(inArray(quizQuestionTranslations.questionId, questionIds)),
        db
          .select()
          .from(quizOptions)
          .where(inArray(quizOptions.questionId, questionIds))
          .orderBy(asc(quizOptions.position), asc(quizOptions.id)),
      ])
    : [[], []];
  const optionTexts = options.length
    ? await db
        .select()
        .from(quizOptionTranslations)
        .where(
          inArray(
            quizOptionTranslations.optionId,
            options.map((o) => o.id),
          ),
        )
    : [];
  return {
    passingScore: settings?.passingScore ?? 70,
    maxAttempts: settings?.maxAttempts ?? null,
    questions: questions.map((q) => ({
      ...q,
      texts: questionTexts.filter((t) => t.questionId === q.id),
      options: options.filter((o) => o.questionId === q.id).map((o) => ({ ...o, texts: optionTexts.filter((t) => t.optionId === o.id) })),
    })),
  };
}
type LoadedQuiz = Awaited<ReturnType<typeof loadQuiz>>;
export type LoadedQuestion = LoadedQuiz["questions"][number];
