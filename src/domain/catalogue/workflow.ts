import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "../../db/client.ts";
import { isLocale, type Locale, locales } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import type { MailMessage } from "../../infra/mailer.ts";
import { roleAssignments, users } from "../identity/schema.ts";
import type { OrganisationRef } from "../network/dto.ts";
import { toOrganisationRef } from "../network/mapping.ts";
import { organisations } from "../network/schema.ts";
import type { Outbox } from "../notifications/service.ts";
import { type Actor, isGlobalStaff, requireActor, requireRole } from "../shared/actor.ts";
import { FOREIGN_KEY_VIOLATION, pgErrorOf } from "../shared/db-errors.ts";
import { DomainError, fieldError, forbidden, notFound } from "../shared/errors.ts";
import { slugify } from "../shared/slugs.ts";
import { parseInput } from "../shared/validation.ts";
import { authorRoles, type CourseRow, canAuthor, canReview, canTranslate, findCourseRow } from "./course-access.ts";
import { copyCourseContent, mergeRevision, recordVersion } from "./course-copy.ts";
import type { CourseStatus, TranslationStatus } from "./dto.ts";
import type { RubricCriterionDto, RubricService } from "./rubric.ts";
import {
  courseModules,
  courseNotices,
  courseReviewScores,
  courseReviews,
  courses,
  courseTranslations,
  lessons,
  quizOptions,
  quizQuestions,
  quizQuestionTranslations,
  quizzes,
  rubricCriteria,
} from "./schema.ts";

/**
 * The quality gate and the life of a course: draft → in review → published (a reviewer approves,
 * scoring the rubric) or back to draft (returned with comments) → archived. A published course
 * changes through a new version (a revision merged back on approval), and other centres adapt it
 * into copies of their own that hear when it changes.
 */

export type CourseRefDto = { id: string; slug: string; status: CourseStatus; version: number };

export type ReviewScoreDto = { criterionId: string; title: string; score: number; maxScore: number; essential: boolean; comment: string };
export type ReviewDto = {
  id: string;
  courseVersion: number;
  decision: "approved" | "returned";
  comment: string;
  reviewer: string | null;
  createdAt: string;
  scores: ReviewScoreDto[];
};

export type NoticeDto = {
  id: string;
  kind: "source_updated";
  createdAt: string;
  source: { slug: string; title: string; version: number } | null;
};

export type AdaptedFromDto = { slug: string; title: string; owner: OrganisationRef; version: number; licence: string; published: boolean };

export type ReviewQueueItemDto = {
  id: string;
  slug: string;
  title: string;
  owner: OrganisationRef;
  version: number;
  isRevision: boolean;
  submittedAt: string;
};

export type WorkflowDto = {
  course: CourseRefDto & { title: string; licence: string; defaultLocale: string; owner: OrganisationRef };
  revisionOf: { slug: string; title: string } | null;
  openRevision: { slug: string; status: CourseStatus } | null;
  adaptedFrom: AdaptedFromDto | null;
  can: {
    edit: boolean;
    submit: boolean;
    review: boolean;
    archive: boolean;
    /** Delete a draft never published. */
    discard: boolean;
    revise: boolean;
    adapt: boolean;
    requestLanguage: boolean;
    translate: boolean;
  };
  /** Languages other than the default, with the status of the course's own texts in each. */
  translations: { locale: string; status: TranslationStatus }[];
  /** Organisations the reader may adapt the course for. */
  adaptFor: OrganisationRef[];
  criteria: RubricCriterionDto[];
  reviews: ReviewDto[] | null;
  notices: NoticeDto[];
};

const scoreInput = z
  .object({ criterionId: z.uuid(), score: z.number().int().min(0).max(10), comment: z.string().trim().max(2000).default("") })
  .strict();

export const reviewInputSchema = z
  .object({
    decision: z.enum(["approved", "returned"]),
    comment: z.string().trim().max(5000).default(""),
    scores: z.array(scoreInput).max(100),
  })
  .strict()
  .refine((review) => review.decision === "approved" || review.comment.length > 0, {
    message: "quality.field.commentRequired",
    path: ["comment"],
  });
export type ReviewInput = z.input<typeof reviewInputSchema>;
type ReviewData = z.output<typeof reviewInputSchema>;

export const adaptInputSchema = z.object({ ownerId: z.uuid() }).strict();

/** Licences whose terms forbid derivative works (Creative Commons "NoDerivatives"). */
const forbidsDerivatives = (licence: string) => /(^|[-_ ])ND([-_ .]|$)/i.test(licence);

/**
 * Records an approving review and publishes what it approved, in the caller's transaction: a
 * first version becomes public, a revision is merged into the course it revises (whose
 * adaptations get a notice). The version's full content is kept. The one way a course is
 * published, for reviewers and for the demo data alike.
 */
export async function publishApproved(
  tx: Executor,
  course: CourseRow,
  review: { reviewerId: string | null; comment: string; scores: { criterionId: string; score: number; comment: string }[] },
  at: Date,
): Promise<{ courseId: string; adaptations: { id: string; ownerId: string; slug: string }[] }> {
  await recordReview(tx, course, { ...review, decision: "approved" }, at);
  let courseId = course.id;
  let adaptations: { id: string; ownerId: string; slug: string }[] = [];
  if (course.revisionOfId) {
    courseId = await mergeRevision(tx, course, at);
    adaptations = await tx
      .select({ id: courses.id, ownerId: courses.ownerOrganisationId, slug: courses.slug, fromVersion: courses.adaptedFromVersion })
      .from(courses)
      .where(and(eq(courses.adaptedFromId, courseId), isNull(courses.revisionOfId)));
    if (adaptations.length) {
      await tx.insert(courseNotices).values(
        adaptations.map((a) => ({
          courseId: a.id,
          kind: "source_updated",
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

async function recordReview(
  tx: Executor,
  course: CourseRow,
  review: {
    reviewerId: string | null;
    decision: "approved" | "returned";
    comment: string;
    scores: { criterionId: string; score: number; comment: string }[];
  },
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

export type WorkflowServiceDeps = { db: Database; outbox: Outbox; publicUrl: string; rubric: RubricService; now?: () => Date };

export function createWorkflowService(deps: WorkflowServiceDeps) {
  const { db, outbox, rubric } = deps;
  const now = deps.now ?? (() => new Date());

  const refOf = (course: CourseRow): CourseRefDto => ({
    id: course.id,
    slug: course.slug,
    status: course.status as CourseStatus,
    version: course.version,
  });

  /** The course's title for a reader: their language when that translation is ready, else the default. */
  async function titlesOf(courseIds: string[], reader: Locale, tx: Executor = db): Promise<Map<string, string>> {
    if (!courseIds.length) return new Map();
    const rows = await tx
      .select({
        courseId: courseTranslations.courseId,
        locale: courseTranslations.locale,
        title: courseTranslations.title,
        status: courseTranslations.status,
        defaultLocale: courses.defaultLocale,
        slug: courses.slug,
      })
      .from(courseTranslations)
      .innerJoin(courses, eq(courses.id, courseTranslations.courseId))
      .where(inArray(courseTranslations.courseId, courseIds));
    const titles = new Map<string, string>();
    for (const id of courseIds) {
      const own = rows.filter((r) => r.courseId === id);
      const shown = own.find((r) => r.locale === reader && r.status === "ready") ?? own.find((r) => r.locale === r.defaultLocale);
      titles.set(id, shown?.title ?? own[0]?.slug ?? "");
    }
    return titles;
  }

  async function organisationRef(id: string, reader: Locale): Promise<OrganisationRef> {
    const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
    if (!row) throw notFound("organisation");
    return toOrganisationRef(row, reader);
  }

  async function requireAuthorOf(actor: Actor | null, ref: string): Promise<CourseRow> {
    requireActor(actor);
    const course = await findCourseRow(db, ref);
    requireRole(actor, authorRoles, course.ownerOrganisationId);
    return course;
  }

  const wrongStatus = (course: CourseRow) => new DomainError("wrong_status", 409, { status: course.status });

  /**
   * A short message to each of the owner's authors and centre admins in their own language, for
   * the caller to queue in the transaction of the change: a review that rolls back tells nobody,
   * and a mail server that fails does not undo one.
   */
  async function ownerMails(
    tx: Executor,
    courseId: string,
    message: (
      t: ReturnType<typeof translatorFor>,
      course: { title: string; url: string; version: number; locale: Locale },
    ) => { subject: string; text: string },
  ): Promise<MailMessage[]> {
    const [course] = await tx.select().from(courses).where(eq(courses.id, courseId));
    if (!course) return [];
    const recipients = await tx
      .selectDistinct({ email: users.email, locale: users.locale })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(
        and(eq(roleAssignments.organisationId, course.ownerOrganisationId), inArray(roleAssignments.role, ["author", "centre_admin"])),
      );
    const mails: MailMessage[] = [];
    for (const recipient of recipients) {
      const locale: Locale = isLocale(recipient.locale) ? recipient.locale : "en";
      const title = (await titlesOf([courseId], locale, tx)).get(courseId) ?? course.slug;
      const url = `${deps.publicUrl}/${locale}/manage/courses/${course.slug}/review`;
      mails.push({ to: recipient.email, ...message(translatorFor(locale), { title, url, version: course.version, locale }) });
    }
    return mails;
  }

  /** The owner told of the decision; with an approval, the owners of its adaptations too. */
  async function reviewMails(
    tx: Executor,
    outcome: { courseId: string; adaptations: { id: string }[] },
    data: Pick<z.output<typeof reviewInputSchema>, "decision" | "comment">,
  ): Promise<MailMessage[]> {
    const mails = await ownerMails(tx, outcome.courseId, (t, c) =>
      data.decision === "approved"
        ? { subject: t("quality.mail.approvedSubject", { title: c.title }), text: t("quality.mail.approvedText", c) }
        : {
            subject: t("quality.mail.returnedSubject", { title: c.title }),
            text: t("quality.mail.returnedText", { ...c, comment: data.comment }),
          },
    );
    // The source's title as each recipient would read it.
    const sourceTitles = new Map<Locale, string>();
    if (outcome.adaptations.length) {
      for (const l of locales) sourceTitles.set(l, (await titlesOf([outcome.courseId], l, tx)).get(outcome.courseId) ?? "");
    }
    for (const adaptation of outcome.adaptations) {
      mails.push(
        ...(await ownerMails(tx, adaptation.id, (t, c) => ({
          subject: t("quality.mail.sourceUpdatedSubject", { title: sourceTitles.get(c.locale) ?? "" }),
          text: t("quality.mail.sourceUpdatedText", { ...c, source: sourceTitles.get(c.locale) ?? "" }),
        }))),
      );
    }
    return mails;
  }

  /** An author sends a draft to review: its default language ready, a lesson, and answerable quizzes. */
  async function submit(actor: Actor | null, ref: string): Promise<CourseRefDto> {
    const course = await requireAuthorOf(actor, ref);
    if (course.status !== "draft") throw wrongStatus(course);
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
    const unanswerable = await quizzesWithoutAnswer(course);
    if (unanswerable.length) throw fieldError(`lessons.${unanswerable[0]}`, "quality.field.quizWithoutAnswer");
    const [updated] = await db
      .update(courses)
      .set({ status: "in_review", updatedAt: now() })
      .where(and(eq(courses.id, course.id), eq(courses.status, "draft")))
      .returning();
    if (!updated) throw wrongStatus(course);
    return refOf(updated);
  }

  /** Quiz lessons (those with quiz settings) with no question a learner could answer right. */
  async function quizzesWithoutAnswer(course: CourseRow): Promise<string[]> {
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

  /** Checks a review's scores against the active rubric: every criterion once, within its range. */
  async function checkScores(data: ReviewData) {
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
  async function review(actor: Actor | null, ref: string, input: unknown): Promise<CourseRefDto> {
    const reviewer = requireActor(actor);
    const course = await findCourseRow(db, ref);
    if (!canReview(reviewer, course.ownerOrganisationId)) throw forbidden();
    const data = parseInput(reviewInputSchema, input);
    if (course.status !== "in_review") throw wrongStatus(course);
    await checkScores(data);
    // Actors without an account (the demo seed, service tests) review anonymously.
    const [account] = await db.select({ id: users.id }).from(users).where(eq(users.id, reviewer.userId));
    const reviewerId = account?.id ?? null;
    const at = now();
    const outcome = await db.transaction(async (tx) => {
      const [locked] = await tx.select().from(courses).where(eq(courses.id, course.id)).for("update");
      if (locked?.status !== "in_review") throw wrongStatus(locked ?? course);
      let decided: { courseId: string; adaptations: { id: string }[] };
      if (data.decision === "returned") {
        await recordReview(tx, locked, { reviewerId, ...data }, at);
        await tx.update(courses).set({ status: "draft", updatedAt: at }).where(eq(courses.id, locked.id));
        decided = { courseId: locked.id, adaptations: [] };
      } else {
        decided = await publishApproved(tx, locked, { reviewerId, comment: data.comment, scores: data.scores }, at);
      }
      await outbox.enqueueMail(tx, await reviewMails(tx, decided, data));
      return decided;
    });
    outbox.deliverSoon();
    const [after] = await db.select().from(courses).where(eq(courses.id, outcome.courseId));
    return refOf(after!);
  }

  /** Reviews with their scores, newest first: for the owner's authors and the reviewers. */
  async function reviewsOf(course: CourseRow, reader: Locale): Promise<ReviewDto[]> {
    const rows = await db
      .select({ review: courseReviews, reviewer: users.name })
      .from(courseReviews)
      .leftJoin(users, eq(users.id, courseReviews.reviewerId))
      .where(eq(courseReviews.courseId, course.id))
      .orderBy(desc(courseReviews.createdAt));
    if (!rows.length) return [];
    const scores = await db
      .select()
      .from(courseReviewScores)
      .where(
        inArray(
          courseReviewScores.reviewId,
          rows.map((r) => r.review.id),
        ),
      );
    const criteria = new Map((await rubric.listCriteria(reader)).map((c) => [c.id, c]));
    return rows.map(({ review, reviewer }) => ({
      id: review.id,
      courseVersion: review.courseVersion,
      decision: review.decision as ReviewDto["decision"],
      comment: review.comment,
      reviewer,
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

  async function reviews(actor: Actor | null, ref: string, reader: Locale): Promise<ReviewDto[]> {
    requireActor(actor);
    const course = await findCourseRow(db, ref);
    if (!canAuthor(actor, course.ownerOrganisationId) && !canReview(actor, course.ownerOrganisationId)) throw forbidden();
    return reviewsOf(course, reader);
  }

  /** Archived courses leave the catalogue; their enrolled learners keep reading them. */
  async function archive(actor: Actor | null, ref: string): Promise<CourseRefDto> {
    const course = await requireAuthorOf(actor, ref);
    if (course.revisionOfId || (course.status !== "published" && course.status !== "draft")) throw wrongStatus(course);
    const [updated] = await db.update(courses).set({ status: "archived", updatedAt: now() }).where(eq(courses.id, course.id)).returning();
    return refOf(updated!);
  }

  /**
   * Deletes a draft that was never published (a new version started by mistake, an adaptation
   * not wanted after all, a course begun and given up) with everything in it. Files stay in
   * storage: a version's lessons share them with the course it copies. Nobody can be enrolled in
   * a course never published; a programme listing the draft keeps it (409).
   */
  async function discard(actor: Actor | null, ref: string): Promise<{ revisionOf: string | null }> {
    const course = await requireAuthorOf(actor, ref);
    if (course.status !== "draft" || course.publishedAt) throw wrongStatus(course);
    const [revised] = course.revisionOfId
      ? await db.select({ slug: courses.slug }).from(courses).where(eq(courses.id, course.revisionOfId))
      : [];
    await db
      .delete(courses)
      .where(eq(courses.id, course.id))
      .catch((error: unknown) => {
        throw pgErrorOf(error)?.code === FOREIGN_KEY_VIOLATION ? new DomainError("in_use", 409) : error;
      });
    return { revisionOf: revised?.slug ?? null };
  }

  async function freeSlug(base: string, tx: Executor): Promise<string> {
    const stem = slugify(base).slice(0, 70).replace(/-+$/, "") || "course";
    const [taken] = await tx.select({ id: courses.id }).from(courses).where(eq(courses.slug, stem));
    return taken ? `${stem}-${crypto.randomUUID().slice(0, 8)}` : stem;
  }

  /**
   * The draft of a published course's next version, a full copy that is edited and reviewed like
   * any draft; the course has at most one, so asking again opens the same one.
   */
  async function startRevision(actor: Actor | null, ref: string): Promise<CourseRefDto> {
    const course = await requireAuthorOf(actor, ref);
    if (course.status !== "published") throw wrongStatus(course);
    const [open] = await db.select().from(courses).where(eq(courses.revisionOfId, course.id));
    if (open) return refOf(open);
    const slug = await freeSlug(`${course.slug}-v${course.version + 1}`, db);
    const revision = await db.transaction(async (tx) => {
      const { id: _, slug: __, createdAt: ___, publishedAt: ____, ...fields } = course;
      const [row] = await tx
        .insert(courses)
        .values({
          ...fields,
          slug,
          status: "draft",
          version: course.version + 1,
          revisionOfId: course.id,
          createdAt: now(),
          updatedAt: now(),
        })
        .returning();
      await copyCourseContent(tx, course.id, row!.id, { coCreators: true });
      return row!;
    });
    return refOf(revision);
  }

  /**
   * Another centre's draft copy of a published course, recording where it came from and under
   * which licence; a licence without derivatives refuses.
   */
  async function adapt(actor: Actor | null, ref: string, input: unknown, locale: Locale): Promise<CourseRefDto> {
    requireActor(actor);
    const { ownerId } = parseInput(adaptInputSchema, input);
    requireRole(actor, authorRoles, ownerId);
    const source = await findCourseRow(db, ref);
    if (source.status !== "published") throw wrongStatus(source);
    if (source.ownerOrganisationId === ownerId) throw fieldError("ownerId", "quality.field.adaptOwnCourse");
    if (forbidsDerivatives(source.licence)) throw new DomainError("derivatives_forbidden", 409, { licence: source.licence });
    const owner = await organisationRef(ownerId, locale);
    const slug = await freeSlug(`${source.slug}-${owner.slug}`, db);
    const copy = await db.transaction(async (tx) => {
      const { id: _, slug: __, createdAt: ___, publishedAt: ____, revisionOfId: _____, ...fields } = source;
      const [row] = await tx
        .insert(courses)
        .values({
          ...fields,
          slug,
          ownerOrganisationId: ownerId,
          status: "draft",
          version: 1,
          adaptedFromId: source.id,
          adaptedFromVersion: source.version,
          adaptedFromLicence: source.licence,
          createdAt: now(),
          updatedAt: now(),
        })
        .returning();
      await copyCourseContent(tx, source.id, row!.id, { coCreators: false });
      return row!;
    });
    return refOf(copy);
  }

  async function noticesOf(course: CourseRow, reader: Locale): Promise<NoticeDto[]> {
    const rows = await db
      .select()
      .from(courseNotices)
      .where(and(eq(courseNotices.courseId, course.id), isNull(courseNotices.dismissedAt)))
      .orderBy(desc(courseNotices.createdAt));
    const sourceIds = [...new Set(rows.map((r) => (r.data as { sourceId?: string }).sourceId).filter((id): id is string => !!id))];
    const [titles, sources] = await Promise.all([
      titlesOf(sourceIds, reader),
      sourceIds.length ? db.select({ id: courses.id, slug: courses.slug }).from(courses).where(inArray(courses.id, sourceIds)) : [],
    ]);
    return rows.map((row) => {
      const data = row.data as { sourceId?: string; version?: number };
      const source = sources.find((s) => s.id === data.sourceId);
      return {
        id: row.id,
        kind: row.kind as NoticeDto["kind"],
        createdAt: row.createdAt.toISOString(),
        source: source ? { slug: source.slug, title: titles.get(source.id) ?? source.slug, version: data.version ?? 0 } : null,
      };
    });
  }

  async function notices(actor: Actor | null, ref: string, reader: Locale): Promise<NoticeDto[]> {
    const course = await requireAuthorOf(actor, ref);
    return noticesOf(course, reader);
  }

  async function dismissNotice(actor: Actor | null, ref: string, noticeId: string): Promise<void> {
    const course = await requireAuthorOf(actor, ref);
    if (!z.uuid().safeParse(noticeId).success) throw notFound("notice");
    const [row] = await db
      .update(courseNotices)
      .set({ dismissedAt: now() })
      .where(and(eq(courseNotices.id, noticeId), eq(courseNotices.courseId, course.id), isNull(courseNotices.dismissedAt)))
      .returning({ id: courseNotices.id });
    if (!row) throw notFound("notice");
  }

  /** Courses waiting for the reader's review, oldest submission first. */
  async function reviewQueue(actor: Actor | null, reader: Locale): Promise<ReviewQueueItemDto[]> {
    requireActor(actor);
    const rows = await db
      .select({ course: courses, owner: organisations })
      .from(courses)
      .innerJoin(organisations, eq(organisations.id, courses.ownerOrganisationId))
      .where(eq(courses.status, "in_review"))
      .orderBy(asc(courses.updatedAt));
    const mine = rows.filter((r) => canReview(actor, r.course.ownerOrganisationId));
    if (!mine.length && !isGlobalStaff(actor) && !actor?.roles.some((g) => g.role === "reviewer")) throw forbidden();
    const titles = await titlesOf(
      mine.map((r) => r.course.id),
      reader,
    );
    return mine.map(({ course, owner }) => ({
      id: course.id,
      slug: course.slug,
      title: titles.get(course.id) ?? course.slug,
      owner: toOrganisationRef(owner, reader),
      version: course.version,
      isRevision: !!course.revisionOfId,
      submittedAt: course.updatedAt.toISOString(),
    }));
  }

  /** Where a course came from, for its public page; null for an original. */
  async function adaptedFrom(
    course: Pick<CourseRow, "adaptedFromId" | "adaptedFromVersion" | "adaptedFromLicence">,
    reader: Locale,
  ): Promise<AdaptedFromDto | null> {
    if (!course.adaptedFromId) return null;
    const [source] = await db.select().from(courses).where(eq(courses.id, course.adaptedFromId));
    if (!source) return null;
    return {
      slug: source.slug,
      title: (await titlesOf([source.id], reader)).get(source.id) ?? source.slug,
      owner: await organisationRef(source.ownerOrganisationId, reader),
      version: course.adaptedFromVersion ?? source.version,
      licence: course.adaptedFromLicence ?? source.licence,
      published: source.status === "published",
    };
  }

  async function courseOrigin(ref: string, reader: Locale): Promise<AdaptedFromDto | null> {
    return adaptedFrom(await findCourseRow(db, ref), reader);
  }

  /** Organisations an actor writes courses for, to adapt into. */
  async function adaptTargets(actor: Actor, course: CourseRow, reader: Locale): Promise<OrganisationRef[]> {
    const rows = isGlobalStaff(actor)
      ? await db
          .select()
          .from(organisations)
          .where(inArray(organisations.kind, ["institute", "national_centre", "training_centre"]))
      : await (async () => {
          const ids = actor.roles.filter((g) => authorRoles.includes(g.role) && g.organisationId).map((g) => g.organisationId!);
          return ids.length ? db.select().from(organisations).where(inArray(organisations.id, ids)) : [];
        })();
    return rows
      .filter((row) => row.id !== course.ownerOrganisationId)
      .map((row) => toOrganisationRef(row, reader))
      .sort((a, b) => a.name.localeCompare(b.name, reader));
  }

  /** Everything the workflow page shows and offers to this reader. */
  async function workflow(actor: Actor | null, ref: string, reader: Locale): Promise<WorkflowDto> {
    const signedIn = requireActor(actor);
    const course = await findCourseRow(db, ref);
    const author = canAuthor(signedIn, course.ownerOrganisationId);
    const reviewer = canReview(signedIn, course.ownerOrganisationId);
    const adaptFor = course.status === "published" ? await adaptTargets(signedIn, course, reader) : [];
    if (!author && !reviewer && !adaptFor.length) throw forbidden();
    const [owner, titles, revisionOf, openRevision, origin, translations] = await Promise.all([
      organisationRef(course.ownerOrganisationId, reader),
      titlesOf([course.id, ...(course.revisionOfId ? [course.revisionOfId] : [])], reader),
      course.revisionOfId ? db.select().from(courses).where(eq(courses.id, course.revisionOfId)) : [],
      db.select().from(courses).where(eq(courses.revisionOfId, course.id)),
      adaptedFrom(course, reader),
      db
        .select({ locale: courseTranslations.locale, status: courseTranslations.status })
        .from(courseTranslations)
        .where(eq(courseTranslations.courseId, course.id))
        .orderBy(asc(courseTranslations.locale)),
    ]);
    return {
      course: {
        ...refOf(course),
        title: titles.get(course.id) ?? course.slug,
        licence: course.licence,
        defaultLocale: course.defaultLocale,
        owner,
      },
      revisionOf: revisionOf[0] ? { slug: revisionOf[0].slug, title: titles.get(revisionOf[0].id) ?? revisionOf[0].slug } : null,
      openRevision: openRevision[0] ? { slug: openRevision[0].slug, status: openRevision[0].status as CourseStatus } : null,
      adaptedFrom: origin,
      can: {
        edit: author && course.status === "draft",
        submit: author && course.status === "draft",
        review: reviewer && course.status === "in_review",
        archive: author && !course.revisionOfId && (course.status === "published" || course.status === "draft"),
        discard: author && course.status === "draft" && !course.publishedAt,
        revise: author && course.status === "published",
        adapt: adaptFor.length > 0 && !forbidsDerivatives(course.licence),
        requestLanguage: author && course.status !== "archived",
        translate: canTranslate(signedIn, course.ownerOrganisationId) && course.status !== "archived",
      },
      translations: translations
        .filter((t) => t.locale !== course.defaultLocale)
        .map((t) => ({ locale: t.locale, status: t.status as TranslationStatus })),
      adaptFor,
      criteria: reviewer && course.status === "in_review" ? await rubric.listCriteria(reader, { activeOnly: true }) : [],
      reviews: author || reviewer ? await reviewsOf(course, reader) : null,
      notices: author ? await noticesOf(course, reader) : [],
    };
  }

  return { submit, review, reviews, archive, discard, startRevision, adapt, notices, dismissNotice, reviewQueue, courseOrigin, workflow };
}

export type WorkflowService = ReturnType<typeof createWorkflowService>;
