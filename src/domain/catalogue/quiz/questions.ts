import { and, eq, max } from "drizzle-orm";
import type { Actor } from "../../shared/actor.ts";
import { fieldError, notFound } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { parseInput } from "../../shared/validation.ts";
import type { CatalogueContext } from "../context.ts";
import type { AuthorQuizDto } from "../dto.ts";
import { quizQuestions, quizzes } from "../schema.ts";
import { questionInputSchema } from "../validation.ts";
import { getAuthorQuiz } from "./author-quiz.ts";
import { editableQuizOf } from "./guards.ts";
import { questionIdsOf, writeQuestion } from "./write.ts";

/** Adds a question at the end, or changes the one named by `id` in place. */
export async function saveQuestion(
  ctx: CatalogueContext,
  actor: Actor | null,
  ref: string,
  lessonId: string,
  input: unknown,
): Promise<AuthorQuizDto> {
  const course = await editableQuizOf(ctx, actor, ref, lessonId);
  const data = parseInput(questionInputSchema, input);
  await ctx.db.transaction(async (tx) => {
    if (data.id && !(await questionIdsOf(tx, lessonId)).has(data.id)) throw fieldError("id", "learning.quiz.field.unknownQuestion");
    const [current] = data.id
      ? await tx.select({ position: quizQuestions.position }).from(quizQuestions).where(eq(quizQuestions.id, data.id))
      : await tx
          .select({ position: max(quizQuestions.position) })
          .from(quizQuestions)
          .where(eq(quizQuestions.lessonId, lessonId))
          .then((rows) => rows.map((r) => ({ position: r.position === null ? 0 : r.position + 1 })));
    // A quiz gets its settings row with its first question, so learners always have a pass mark.
    await tx.insert(quizzes).values({ lessonId }).onConflictDoNothing();
    await writeQuestion(tx, lessonId, course.defaultLocale, data, current?.position ?? 0);
  });
  return getAuthorQuiz(ctx, actor, ref, lessonId);
}

export async function removeQuestion(
  ctx: CatalogueContext,
  actor: Actor | null,
  ref: string,
  lessonId: string,
  questionId: string,
): Promise<AuthorQuizDto> {
  await editableQuizOf(ctx, actor, ref, lessonId);
  if (!isUuid(questionId)) throw notFound("question");
  const removed = await ctx.db
    .delete(quizQuestions)
    .where(and(eq(quizQuestions.id, questionId), eq(quizQuestions.lessonId, lessonId)))
    .returning({ id: quizQuestions.id });
  if (!removed.length) throw notFound("question");
  return getAuthorQuiz(ctx, actor, ref, lessonId);
}
