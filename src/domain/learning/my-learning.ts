import { and, desc, eq, ne } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.ts";
import { courseHeadings, syllabusLessons } from "../catalogue/queries.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import type { LearningContext } from "./context.ts";
import type { LearningItemDto, MyLearningDto } from "./dto.ts";
import { toEnrolmentDto } from "./mapping.ts";
import { doneLessons } from "./rows.ts";
import { enrolments } from "./schema.ts";

/** The actor's courses, in progress (most recently enrolled first) and completed. */
export async function myLearning(ctx: LearningContext, actor: Actor | null, reader: Locale): Promise<MyLearningDto> {
  const learner = requireActor(actor);
  const rows = await ctx.db
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.userId, learner.userId), ne(enrolments.status, "withdrawn")))
    .orderBy(desc(enrolments.enrolledAt));
  const courseIds = rows.map((r) => r.courseId);
  const [list, done, headings] = await Promise.all([
    syllabusLessons(ctx.db, courseIds),
    doneLessons(
      ctx.db,
      rows.map((r) => r.id),
    ),
    courseHeadings(ctx.db, courseIds, reader),
  ]);
  const items: LearningItemDto[] = rows.flatMap((enrolment) => {
    const course = headings.get(enrolment.courseId);
    if (!course) return [];
    const lessons = list.filter((l) => l.courseId === course.id);
    return [{ course, enrolment: toEnrolmentDto(enrolment, course, lessons, done.get(enrolment.id)!) }];
  });
  return {
    inProgress: items.filter((i) => i.enrolment.status === "active"),
    completed: items.filter((i) => i.enrolment.status === "completed"),
  };
}
