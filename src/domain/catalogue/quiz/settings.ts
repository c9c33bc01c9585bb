import type { Actor } from "../../shared/actor.ts";
import { parseInput } from "../../shared/validation.ts";
import type { CatalogueContext } from "../context.ts";
import type { AuthorQuizDto } from "../dto.ts";
import { quizInputSchema, quizSettingsSchema } from "../validation.ts";
import { getAuthorQuiz } from "./author-quiz.ts";
import { editableQuizOf } from "./guards.ts";
import { writeQuiz, writeSettings } from "./write.ts";

/** Replaces the whole quiz: settings and questions (the API's PUT). */
export async function setQuiz(
  ctx: CatalogueContext,
  actor: Actor | null,
  ref: string,
  lessonId: string,
  input: unknown,
): Promise<AuthorQuizDto> {
  const course = await editableQuizOf(ctx, actor, ref, lessonId);
  const data = parseInput(quizInputSchema, input);
  await ctx.db.transaction((tx) => writeQuiz(tx, lessonId, course.defaultLocale, data));
  return getAuthorQuiz(ctx, actor, ref, lessonId);
}

/** The pass mark and the number of attempts allowed. */
export async function setQuizSettings(
  ctx: CatalogueContext,
  actor: Actor | null,
  ref: string,
  lessonId: string,
  input: unknown,
): Promise<AuthorQuizDto> {
  await editableQuizOf(ctx, actor, ref, lessonId);
  const data = parseInput(quizSettingsSchema, input);
  await writeSettings(ctx.db, lessonId, data);
  return getAuthorQuiz(ctx, actor, ref, lessonId);
}
