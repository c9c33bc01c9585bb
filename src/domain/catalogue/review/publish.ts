import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import type { ReviewDecision } from "../dto.ts";
import type { CourseRow } from "../rows.ts";
import { courseNotices, courseReviewScores, courseReviews, courses } from "../schema.ts";
import { mergeRevision, recordVersion } from "./copy.ts";

type Scores = { criterionId: string; score: number; comment: string }[];

/** What a decision changed: the course published or returned, and the adaptations told of a new version. */
export type Decided = { courseId: string; adaptations: { id: string; ownerId: string; slug: string }[] };

/** A reviewer's verdict and scores on the version under review. */
export async function recordReview(
  tx: Executor,
  course: CourseRow,
  review: { reviewerId: string | null; decision: ReviewDecision; comment: string; scores: Scores },
  at: Date,
) {
  const [row] = await tx
    .insert(courseReviews)
    .values({
      courseId: course.id,
      courseVersion: course.version,
      reviewerId: review.reviewerId,
      decision: review.decision,
      comment: review.comment,
      createdAt: at,
    })
    .returning({ id: courseReviews.id });
  if (review.scores.length) {
    await tx
      .insert(courseReviewScores)
      .values(review.scores.map((s) => ({ reviewId: row!.id, criterionId: s.criterionId, score: s.score, comment: s.comment })));
  }
}

/**
 * Records an approving review and publishes what it approved, in the caller's transaction: a
 * first version becomes public, a revision is merged into the course it revises (whose
 * adaptations get a notice). The version's full content is kept. The one way a course is
 * published, for reviewers and for the demo data alike.
 */
export async function publishApproved(
  tx: Executor,
  course: CourseRow,
  review: { reviewerId: string | null; comment: string; scores: Scores },
  at: Date,
): Promise<Decided> {
  await recordReview(tx, course, { ...review, decision: "approved" }, at);
  let courseId = course.id;
  let adaptations: Decided["adaptations"] = [];
  if (course.revisionOfId) {
    courseId = await mergeRevision(tx, course, at);
    adaptations = await tx
      .select({ id: courses.id, ownerId: courses.ownerOrganisationId, slug: courses.slug })
      .from(courses)
      .where(and(eq(courses.adaptedFromId, courseId), isNull(courses.revisionOfId)));
    if (adaptations.length) {
      await tx.insert(courseNotices).values(
        adaptations.map((a) => ({
          courseId: a.id,
          kind: "source_updated" as const,
          data: { sourceId: courseId, version: course.version },
          createdAt: at,
        })),
      );
    }
  } else {
    await tx.update(courses).set({ status: "published", publishedAt: at, updatedAt: at }).where(eq(courses.id, course.id));
  }
  await recordVersion(tx, courseId, course.version, at);
  return { courseId, adaptations };
}
