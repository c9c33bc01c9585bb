import { asc, eq } from "drizzle-orm";
import type { Actor } from "../../shared/actor.ts";
import { notFound } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { parseInput } from "../../shared/validation.ts";
import type { CatalogueContext } from "../context.ts";
import type { AuthorQuizDto } from "../dto.ts";
import { lockCourse, movedOne } from "../positions.ts";
import { quizQuestions } from "../schema.ts";
import { moveInputSchema } from "../validation.ts";
import { getAuthorQuiz } from "./author-quiz.ts";
import { editableQuizOf } from "./guards.ts";

/** A draft quiz's question one step up or down, in one transaction. */
export async function moveQuestion(
  ctx: CatalogueContext,
  actor: Actor | null,
  ref: string,
  lessonId: string,
  questionId: string,
  input: unknown,
): Promise<AuthorQuizDto> {
  const course = await editableQuizOf(ctx, actor, ref, lessonId);
  const { direction } = parseInput(moveInputSchema, input);
  await ctx.db.transaction(async (tx) => {
    await lockCourse(tx, course.id);
    const rows = await tx
      .select({ id: quizQuestions.id })
      .from(quizQuestions)
      .where(eq(quizQuestions.lessonId, lessonId))
      .orderBy(asc(quizQuestions.position), asc(quizQuestions.id));
    const ids = rows.map((r) => r.id);
    if (!isUuid(questionId) || !ids.includes(questionId)) throw notFound("question");
    const next = movedOne(ids, (id) => id === questionId, direction);
    if (!next) return;
    for (const [position, id] of next.entries()) await tx.update(quizQuestions).set({ position }).where(eq(quizQuestions.id, id));
  });
  return getAuthorQuiz(ctx, actor, ref, lessonId);
}
