import { type Actor, requireActor } from "../shared/actor.ts";
import { fieldError } from "../shared/errors.ts";
import type { LearningContext } from "./context.ts";
import type { EnrolmentDto } from "./dto.ts";
import { enrolmentDto, enrolmentRow, findCourseLesson, recordDone, requireEnrolment } from "./rows.ts";

/** "Mark as done" for reading, video and file lessons; a quiz lesson is done when passed. */
export async function markDone(ctx: LearningContext, actor: Actor | null, ref: string, lessonId: string): Promise<EnrolmentDto> {
  const learner = requireActor(actor);
  const { course, lesson } = await findCourseLesson(ctx, ref, lessonId);
  await requireEnrolment(ctx.db, learner, course.id);
  if (lesson.kind === "quiz") throw fieldError("lessonId", "learning.field.quizDoneWhenPassed");
  return ctx.db.transaction(async (tx) => {
    const enrolment = await requireEnrolment(tx, learner, course.id);
    await recordDone(ctx, tx, enrolment, course, lessonId);
    return enrolmentDto(tx, (await enrolmentRow(tx, learner.userId, course.id))!, course);
  });
}
