import { and, eq } from "drizzle-orm";
import type { Actor } from "../../shared/actor.ts";
import type { CatalogueContext } from "../context.ts";
import type { AuthorQuizDto } from "../dto.ts";
import { courseTranslations, lessonTranslations } from "../schema.ts";
import { quizOf } from "./guards.ts";
import { type LoadedQuestion, loadQuiz } from "./load.ts";

/** A quiz whole, with what is correct, in the course's default language: what its authors edit. */
export async function getAuthorQuiz(ctx: CatalogueContext, actor: Actor | null, ref: string, lessonId: string): Promise<AuthorQuizDto> {
  const { db } = ctx;
  const course = await quizOf(db, actor, ref, lessonId, "course.author");
  const [quiz, [lessonText], [courseText]] = await Promise.all([
    loadQuiz(db, lessonId),
    db
      .select({ title: lessonTranslations.title })
      .from(lessonTranslations)
      .where(and(eq(lessonTranslations.lessonId, lessonId), eq(lessonTranslations.locale, course.defaultLocale))),
    db
      .select({ title: courseTranslations.title })
      .from(courseTranslations)
      .where(and(eq(courseTranslations.courseId, course.id), eq(courseTranslations.locale, course.defaultLocale))),
  ]);
  const source = (q: LoadedQuestion) => q.texts.find((t) => t.locale === course.defaultLocale);
  return {
    lessonId,
    lessonTitle: lessonText?.title ?? "",
    course: {
      id: course.id,
      slug: course.slug,
      title: courseText?.title ?? course.slug,
      status: course.status,
      defaultLocale: course.defaultLocale,
    },
    passingScore: quiz.passingScore,
    maxAttempts: quiz.maxAttempts,
    editable: course.status === "draft",
    questions: quiz.questions.map((q) => ({
      id: q.id,
      position: q.position,
      kind: q.kind,
      points: q.points,
      prompt: source(q)?.prompt ?? "",
      feedback: source(q)?.feedback ?? "",
      answerTrue: q.answerTrue,
      acceptedAnswers: source(q)?.acceptedAnswers ?? [],
      options: q.options.map((o) => ({
        id: o.id,
        text: o.texts.find((t) => t.locale === course.defaultLocale)?.text ?? "",
        correct: o.correct,
      })),
    })),
  };
}
