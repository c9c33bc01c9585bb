import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { peopleByIds } from "../../identity/queries.ts";
import type { Actor } from "../../shared/actor.ts";
import { fieldError } from "../../shared/errors.ts";
import { parseInput } from "../../shared/validation.ts";
import { requireNotAuthor } from "../authors.ts";
import type { ReviewContext } from "../context.ts";
import type { CourseRefDto } from "../dto.ts";
import { courseFor } from "../guards.ts";
import { toCourseRef } from "../mapping.ts";
import { wrongStatus } from "../rows.ts";
import { courses, rubricCriteria } from "../schema.ts";
import { type ReviewData, reviewInputSchema } from "../validation.ts";
import { refuseHollowLessons } from "./hollow-lessons.ts";
import { reviewMails } from "./mails.ts";
import { type Decided, publishApproved, recordReview } from "./publish.ts";

/** Checks a review's scores against the active rubric: every criterion once, within its range. */
async function checkScores(db: Executor, data: ReviewData) {
  const criteria = await db.select().from(rubricCriteria).where(eq(rubricCriteria.active, true));
  const byId = new Map(criteria.map((c) => [c.id, c]));
  data.scores.forEach((s, i) => {
    const criterion = byId.get(s.criterionId);
    if (!criterion) throw fieldError(`scores.${i}.criterionId`, "quality.field.unknownCriterion");
    if (s.score > criterion.maxScore) throw fieldError(`scores.${i}.score`, "quality.field.scoreTooHigh");
    if (data.decision === "approved" && criterion.essential && s.score === 0) {
      throw fieldError(`scores.${i}.score`, "quality.field.essentialZero");
    }
  });
  const scored = new Set(data.scores.map((s) => s.criterionId));
  if (scored.size !== data.scores.length || criteria.some((c) => !scored.has(c.id))) {
    throw fieldError("scores", "quality.field.scoreEveryCriterion");
  }
}

/** A reviewer approves (publishing the course) or returns it to its authors with comments. */
export async function review(ctx: ReviewContext, actor: Actor | null, ref: string, input: unknown): Promise<CourseRefDto> {
  const { db, now, outbox } = ctx;
  const { actor: reviewer, course } = await courseFor(db, actor, ref, "course.review");
  await requireNotAuthor(db, course.id, reviewer);
  const data = parseInput(reviewInputSchema, input);
  if (course.status !== "in_review") throw wrongStatus(course);
  await checkScores(db, data);
  // Checked again on approval: media can be removed while a course waits in review.
  if (data.decision === "approved") await refuseHollowLessons(db, course);
  // Actors without an account (the system actor of service tests) review anonymously.
  const reviewerId = (await peopleByIds(db, [reviewer.userId])).has(reviewer.userId) ? reviewer.userId : null;
  const at = now();
  const outcome = await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(courses).where(eq(courses.id, course.id)).for("update");
    if (locked?.status !== "in_review") throw wrongStatus(locked ?? course);
    let decided: Decided;
    if (data.decision === "returned") {
      await recordReview(tx, locked, { reviewerId, ...data }, at);
      await tx.update(courses).set({ status: "draft", updatedAt: at }).where(eq(courses.id, locked.id));
      decided = { courseId: locked.id, adaptations: [] };
    } else {
      decided = await publishApproved(tx, locked, { reviewerId, comment: data.comment, scores: data.scores }, at);
    }
    await outbox.enqueueMail(tx, await reviewMails(ctx, tx, decided, data));
    return decided;
  });
  outbox.deliverSoon();
  const [after] = await db.select().from(courses).where(eq(courses.id, outcome.courseId));
  return toCourseRef(after!);
}
