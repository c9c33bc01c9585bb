import { type Actor, requireActor } from "../../shared/actor.ts";
import { conflict, fieldError } from "../../shared/errors.ts";
import { contentLocaleSchema, parseInput } from "../../shared/validation.ts";
import { recordAuthor } from "../authors.ts";
import type { CatalogueContext } from "../context.ts";
import type { QuizTextsDto } from "../dto.ts";
import { quizOptionTranslations, quizQuestionTranslations } from "../schema.ts";
import { type QuizTranslationInput, quizTranslationSchema } from "../validation.ts";
import { quizOf } from "./guards.ts";
import { type LoadedQuestion, loadQuiz } from "./load.ts";

/** A quiz's texts in `textLocale` next to the default-language source, for translators. */
export async function quizTextsFor(
  ctx: CatalogueContext,
  actor: Actor | null,
  ref: string,
  lessonId: string,
  textLocale: string,
): Promise<QuizTextsDto> {
  const course = await quizOf(ctx.db, actor, ref, lessonId, "course.translate");
  const target = parseInput(contentLocaleSchema, textLocale);
  const quiz = await loadQuiz(ctx.db, lessonId);
  const textIn = (q: LoadedQuestion, l: string) => {
    const t = q.texts.find((x) => x.locale === l);
    return t ? { prompt: t.prompt, feedback: t.feedback, acceptedAnswers: t.acceptedAnswers, status: t.status } : null;
  };
  return {
    lessonId,
    locale: target,
    sourceLocale: course.defaultLocale,
    questions: quiz.questions.map((q) => {
      const source = textIn(q, course.defaultLocale);
      return {
        id: q.id,
        kind: q.kind,
        source: { prompt: source?.prompt ?? "", feedback: source?.feedback ?? "", acceptedAnswers: source?.acceptedAnswers ?? [] },
        translation: textIn(q, target),
        options: q.options.map((o) => {
          const translated = o.texts.find((t) => t.locale === target);
          return {
            id: o.id,
            source: o.texts.find((t) => t.locale === course.defaultLocale)?.text ?? "",
            translation: translated ? { text: translated.text, status: translated.status } : null,
          };
        }),
      };
    }),
  };
}

/**
 * Refuses questions or options the quiz does not have, naming the field, and a question marked
 * ready without the feedback its source gives (learners would get a hollow explanation).
 */
function checkIds(data: QuizTranslationInput, questions: LoadedQuestion[], sourceLocale: string) {
  data.questions.forEach((q, i) => {
    const stored = questions.find((x) => x.id === q.id);
    if (!stored) throw fieldError(`questions.${i}.id`, "learning.quiz.field.unknownQuestion");
    const sourceFeedback = stored.texts.find((t) => t.locale === sourceLocale)?.feedback ?? "";
    if (q.status === "ready" && sourceFeedback.trim() && !q.feedback?.trim()) {
      throw fieldError(`questions.${i}.feedback`, "catalogue.field.emptyWhenReady");
    }
    q.options?.forEach((o, j) => {
      if (!stored.options.some((x) => x.id === o.id))
        throw fieldError(`questions.${i}.options.${j}.id`, "learning.quiz.field.unknownOption");
    });
  });
}

/**
 * Writes a quiz's texts in another language than the default, each question and option with its
 * own status: a reader gets a question in their language only once it is ready.
 */
export async function writeQuizTranslation(
  ctx: CatalogueContext,
  actor: Actor | null,
  ref: string,
  lessonId: string,
  textLocale: string,
  input: unknown,
): Promise<QuizTextsDto> {
  const course = await quizOf(ctx.db, actor, ref, lessonId, "course.translate");
  if (course.status === "archived") throw conflict("wrong_status", { status: course.status });
  const target = parseInput(contentLocaleSchema, textLocale);
  if (target === course.defaultLocale) throw fieldError("locale", "learning.quiz.field.defaultLocale");
  const data = parseInput(quizTranslationSchema, input);
  checkIds(data, (await loadQuiz(ctx.db, lessonId)).questions, course.defaultLocale);
  // A translator writes part of this version: they may not review it either (authors.ts).
  await recordAuthor(ctx.db, course.id, requireActor(actor), ctx.now());
  await ctx.db.transaction(async (tx) => {
    for (const q of data.questions) {
      const texts = {
        prompt: q.prompt,
        feedback: q.feedback ?? "",
        acceptedAnswers: [...new Set(q.acceptedAnswers ?? [])],
        status: q.status,
      };
      await tx
        .insert(quizQuestionTranslations)
        .values({ questionId: q.id, locale: target, ...texts })
        .onConflictDoUpdate({ target: [quizQuestionTranslations.questionId, quizQuestionTranslations.locale], set: texts });
      for (const o of q.options ?? []) {
        await tx
          .insert(quizOptionTranslations)
          .values({ optionId: o.id, locale: target, text: o.text, status: o.status })
          .onConflictDoUpdate({
            target: [quizOptionTranslations.optionId, quizOptionTranslations.locale],
            set: { text: o.text, status: o.status },
          });
      }
    }
  });
  return quizTextsFor(ctx, actor, ref, lessonId, target);
}
