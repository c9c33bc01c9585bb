import { eq } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.ts";
import type { LearnerCourse } from "../catalogue/queries.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import type { LearningContext } from "./context.ts";
import type { PlayerDto, PlayerLessonRef } from "./dto.ts";
import { toEnrolmentDto } from "./mapping.ts";
import { learnerView } from "./quiz-attempts.ts";
import { enrolmentWithProgress, notEnrolled } from "./rows.ts";
import { enrolments } from "./schema.ts";

/**
 * What the lesson player shows: the lesson, the syllabus with what is done, previous and next,
 * and the quiz of a quiz lesson. Opening a lesson makes it the place to resume. The course is read
 * once, with the lesson (`getLessonPage`); its syllabus is the outline and the lesson list progress
 * is counted on.
 */
export async function player(ctx: LearningContext, actor: Actor | null, ref: string, lessonId: string, reader: Locale): Promise<PlayerDto> {
  const learner = requireActor(actor);
  const { lesson, course: outline } = await ctx.catalogue.getLessonPage(ref, lessonId, reader, learner);
  const found = await enrolmentWithProgress(ctx.db, learner.userId, outline.id);
  if (!found || found.row.status === "withdrawn") throw notEnrolled();
  const { row: opened, done } = found;
  const course: LearnerCourse = {
    id: outline.id,
    slug: outline.slug,
    status: outline.status,
    ownerOrganisationId: outline.owner.id,
    version: outline.version,
    defaultLocale: outline.defaultLocale,
  };
  if (opened.lastLessonId !== lessonId) await ctx.db.update(enrolments).set({ lastLessonId: lessonId }).where(eq(enrolments.id, opened.id));
  const enrolment = { ...opened, lastLessonId: lessonId };
  const syllabus = outline.syllabus.map((m) => ({
    id: m.id,
    title: m.title,
    lessons: m.lessons.map(
      (l): PlayerLessonRef => ({ id: l.id, title: l.title, kind: l.kind, required: l.required, done: done.has(l.id) }),
    ),
  }));
  const flat = syllabus.flatMap((m) => m.lessons);
  const index = flat.findIndex((l) => l.id === lessonId);
  return {
    lesson,
    course: {
      id: course.id,
      slug: course.slug,
      title: outline.title,
      shownLocale: outline.shownLocale,
      defaultLocale: course.defaultLocale,
    },
    syllabus,
    previous: flat[index - 1] ?? null,
    next: flat[index + 1] ?? null,
    done: done.has(lessonId),
    enrolment: toEnrolmentDto(enrolment, course, flat, done),
    quiz: lesson.kind === "quiz" ? await learnerView(ctx, enrolment, course, lessonId, lesson.shownLocale) : null,
  };
}
