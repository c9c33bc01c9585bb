import { and, count, eq, inArray, isNotNull, or } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import type { Actor } from "../../shared/actor.ts";
import { fieldError } from "../../shared/errors.ts";
import { recordAuthor } from "../authors.ts";
import type { CatalogueContext } from "../context.ts";
import type { CourseRefDto } from "../dto.ts";
import { courseFor } from "../guards.ts";
import { toCourseRef } from "../mapping.ts";
import { type CourseRow, wrongStatus } from "../rows.ts";
import {
  courseModules,
  courses,
  courseTranslations,
  lessons,
  quizOptions,
  quizQuestions,
  quizQuestionTranslations,
  quizzes,
} from "../schema.ts";
import { refuseHollowLessons } from "./hollow-lessons.ts";

/** Quiz lessons (those with quiz settings) with no question a learner could answer right. */
async function quizzesWithoutAnswer(db: Executor, course: CourseRow): Promise<string[]> {
  const quizLessons = await db
    .select({ id: lessons.id })
    .from(lessons)
    .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
    .innerJoin(quizzes, eq(quizzes.lessonId, lessons.id))
    .where(eq(courseModules.courseId, course.id));
  if (!quizLessons.length) return [];
  const ids = quizLessons.map((l) => l.id);
  const answerable = await db
    .selectDistinct({ lessonId: quizQuestions.lessonId })
    .from(quizQuestions)
    .leftJoin(quizOptions, and(eq(quizOptions.questionId, quizQuestions.id), eq(quizOptions.correct, true)))
    .leftJoin(
      quizQuestionTranslations,
      and(eq(quizQuestionTranslations.questionId, quizQuestions.id), eq(quizQuestionTranslations.locale, course.defaultLocale)),
    )
    .where(
      and(
        inArray(quizQuestions.lessonId, ids),
        or(
          isNotNull(quizOptions.id),
          isNotNull(quizQuestions.answerTrue),
          and(eq(quizQuestions.kind, "short_answer"), isNotNull(quizQuestionTranslations.questionId)),
        ),
      ),
    );
  const ok = new Set(answerable.map((a) => a.lessonId));
  return ids.filter((id) => !ok.has(id));
}

/** An author sends a draft to review: its default language ready, a lesson, none of them empty, and answerable quizzes. */
export async function submit(ctx: CatalogueContext, actor: Actor | null, ref: string): Promise<CourseRefDto> {
  const { db, now } = ctx;
  const { actor: author, course } = await courseFor(db, actor, ref, "course.author");
  if (course.status !== "draft") throw wrongStatus(course);
  await recordAuthor(db, course.id, author, now());
  const [[defaultText], [lessonCount]] = await Promise.all([
    db
      .select({ status: courseTranslations.status })
      .from(courseTranslations)
      .where(and(eq(courseTranslations.courseId, course.id), eq(courseTranslations.locale, course.defaultLocale))),
    db
      .select({ n: count() })
      .from(lessons)
      .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
      .where(eq(courseModules.courseId, course.id)),
  ]);
  if (defaultText?.status !== "ready") throw fieldError("defaultLocale", "catalogue.field.defaultNotReady");
  if (!lessonCount?.n) throw fieldError("syllabus", "catalogue.field.noLessons");
  await refuseHollowLessons(db, course);
  const unanswerable = await quizzesWithoutAnswer(db, course);
  if (unanswerable.length) throw fieldError(`lessons.${unanswerable[0]}`, "quality.field.quizWithoutAnswer");
  const [updated] = await db
    .update(courses)
    .set({ status: "in_review", updatedAt: now() })
    .where(and(eq(courses.id, course.id), eq(courses.status, "draft")))
    .returning();
  if (!updated) throw wrongStatus(course);
  return toCourseRef(updated);
}
