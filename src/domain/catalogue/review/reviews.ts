import { desc, eq, inArray } from "drizzle-orm";
import type { Locale } from "../../../i18n/locales.ts";
import { peopleByIds } from "../../identity/queries.ts";
import { type Actor, requireActor } from "../../shared/actor.ts";
import type { CatalogueContext } from "../context.ts";
import type { ReviewDto } from "../dto.ts";
import { requireAccess } from "../permissions.ts";
import { type CourseRow, findCourse } from "../rows.ts";
import { courseReviewScores, courseReviews } from "../schema.ts";
import { listCriteria } from "./rubric.ts";

/** A course's reviews with their scores, newest first, criteria named in the reader's language. */
export async function reviewsOf(ctx: CatalogueContext, course: CourseRow, reader: Locale): Promise<ReviewDto[]> {
  const { db } = ctx;
  const rows = await db
    .select()
    .from(courseReviews)
    .where(eq(courseReviews.courseId, course.id))
    .orderBy(desc(courseReviews.createdAt), desc(courseReviews.courseVersion));
  if (!rows.length) return [];
  const [scores, reviewers, criteriaList] = await Promise.all([
    db
      .select()
      .from(courseReviewScores)
      .where(
        inArray(
          courseReviewScores.reviewId,
          rows.map((r) => r.id),
        ),
      ),
    peopleByIds(
      db,
      rows.flatMap((r) => (r.reviewerId ? [r.reviewerId] : [])),
    ),
    listCriteria(ctx, reader),
  ]);
  const criteria = new Map(criteriaList.map((c) => [c.id, c]));
  return rows.map((review) => ({
    id: review.id,
    courseVersion: review.courseVersion,
    decision: review.decision,
    comment: review.comment,
    reviewer: review.reviewerId ? (reviewers.get(review.reviewerId)?.name ?? null) : null,
    createdAt: review.createdAt.toISOString(),
    scores: scores
      .filter((s) => s.reviewId === review.id)
      .map((s) => {
        const criterion = criteria.get(s.criterionId);
        return {
          criterionId: s.criterionId,
          title: criterion?.title ?? "",
          score: s.score,
          maxScore: criterion?.maxScore ?? s.score,
          essential: criterion?.essential ?? false,
          comment: s.comment,
        };
      })
      .sort((a, b) => (criteria.get(a.criterionId)?.position ?? 0) - (criteria.get(b.criterionId)?.position ?? 0)),
  }));
}

/** For the owner's authors and the reviewers. */
export async function reviews(ctx: CatalogueContext, actor: Actor | null, ref: string, reader: Locale): Promise<ReviewDto[]> {
  requireActor(actor);
  const course = await findCourse(ctx.db, ref);
  requireAccess(actor, "course.readReviews", course.ownerOrganisationId);
  return reviewsOf(ctx, course, reader);
}
