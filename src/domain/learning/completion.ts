import { eq, max } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.ts";
import { courseSummaryDto } from "../catalogue/dto.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import type { LearningContext } from "./context.ts";
import type { CompletionDto } from "./dto.ts";
import { doneLessons, enrolmentRow, findCourse } from "./rows.ts";
import { enrolments, quizAttempts } from "./schema.ts";

/** How many courses the page suggests next. */
const suggestions = 3;

/**
 * The end of a course for the learner who completed it: the lessons they finished with their
 * best quiz results, courses to take next (the same category first, then any; none they are
 * already enrolled in), and the certificate once the credentials module issues one (null until
 * then: the page shows a placeholder). Null when the actor has not completed the course.
 */
export async function completion(ctx: LearningContext, actor: Actor | null, ref: string, reader: Locale): Promise<CompletionDto | null> {
  const learner = requireActor(actor);
  const found = await findCourse(ctx, ref);
  const enrolment = await enrolmentRow(ctx.db, learner.userId, found.id);
  if (!enrolment?.completedAt) return null;
  const [course, done, best, mine] = await Promise.all([
    ctx.catalogue.getCourse(found.id, reader, learner),
    doneLessons(ctx.db, [enrolment.id]).then((m) => m.get(enrolment.id)!),
    ctx.db
      .select({ lessonId: quizAttempts.lessonId, percent: max(quizAttempts.percent) })
      .from(quizAttempts)
      .where(eq(quizAttempts.enrolmentId, enrolment.id))
      .groupBy(quizAttempts.lessonId),
    ctx.db.select({ courseId: enrolments.courseId }).from(enrolments).where(eq(enrolments.userId, learner.userId)),
  ]);
  const modules = course.syllabus.map((m) => ({
    id: m.id,
    title: m.title,
    lessons: m.lessons.map((l) => ({ id: l.id, title: l.title, kind: l.kind, done: done.has(l.id) })),
  }));
  const lessons = modules.flatMap((m) => m.lessons);
  const quizzes = best.flatMap((b) => {
    const lesson = lessons.find((l) => l.id === b.lessonId);
    return lesson ? [{ lessonId: lesson.id, title: lesson.title, percent: b.percent ?? 0 }] : [];
  });
  const taken = new Set([found.id, ...mine.map((m) => m.courseId)]);
  const [sameCategory, any] = await Promise.all([
    ctx.catalogue.searchCourses({ category: course.category, sort: "newest", limit: 20 }, reader),
    ctx.catalogue.searchCourses({ sort: "newest", limit: 20 }, reader),
  ]);
  // One card per title: an adaptation that kept its source's title would read as a duplicate.
  const next = [...sameCategory.items, ...any.items]
    .filter((c, i, all) => !taken.has(c.id) && all.findIndex((x) => x.id === c.id || x.title === c.title) === i)
    .slice(0, suggestions);
  return {
    // The summary's fields only (a Zod object drops the rest).
    course: courseSummaryDto.parse(course),
    completedAt: enrolment.completedAt.toISOString(),
    completedVersion: enrolment.completedVersion,
    modules,
    quizzes,
    next,
    certificate: null,
  };
}
