import { asc, eq } from "drizzle-orm";
import type { Locale } from "../../../i18n/locales.ts";
import { organisationRefs } from "../../network/queries.ts";
import { type Actor, requireActor } from "../../shared/actor.ts";
import { forbidden } from "../../shared/errors.ts";
import { isAuthorOf } from "../authors.ts";
import type { CatalogueContext } from "../context.ts";
import type { WorkflowDto } from "../dto.ts";
import { shownTitles, toCourseRef } from "../mapping.ts";
import { can } from "../permissions.ts";
import { type CourseRow, findCourse } from "../rows.ts";
import { courses, courseTranslations } from "../schema.ts";
import { adaptedFrom, adaptTargets, forbidsDerivatives } from "./adaptations.ts";
import { noticesOf } from "./notices.ts";
import { reviewsOf } from "./reviews.ts";
import { listCriteria } from "./rubric.ts";

/** What each reader may do next with the course, by their permissions and its status. */
function actionsOn(course: CourseRow, actor: Actor, author: boolean, reviewer: boolean, adaptable: boolean): WorkflowDto["can"] {
  const { status } = course;
  return {
    edit: author && status === "draft",
    submit: author && status === "draft",
    review: reviewer && status === "in_review",
    archive: author && !course.revisionOfId && (status === "published" || status === "draft"),
    discard: author && status === "draft" && !course.publishedAt,
    revise: author && status === "published",
    adapt: adaptable && !forbidsDerivatives(course.licence),
    requestLanguage: author && status !== "archived",
    translate: can(actor, "course.translate", course.ownerOrganisationId) && status !== "archived",
  };
}

/** Everything the workflow page shows and offers to this reader: its authors, its reviewers, and those who may adapt it. */
export async function workflow(ctx: CatalogueContext, actor: Actor | null, ref: string, reader: Locale): Promise<WorkflowDto> {
  const { db } = ctx;
  const signedIn = requireActor(actor);
  const course = await findCourse(db, ref);
  const author = can(signedIn, "course.author", course.ownerOrganisationId);
  const reviewer = can(signedIn, "course.review", course.ownerOrganisationId) && !(await isAuthorOf(db, course.id, signedIn.userId));
  const adaptFor = course.status === "published" ? await adaptTargets(ctx, signedIn, course, reader) : [];
  if (!author && !reviewer && !adaptFor.length) throw forbidden();
  const [owners, titles, revisionOf, openRevision, origin, translations] = await Promise.all([
    organisationRefs(db, [course.ownerOrganisationId], reader),
    shownTitles(db, [course.id, ...(course.revisionOfId ? [course.revisionOfId] : [])], reader),
    course.revisionOfId ? db.select().from(courses).where(eq(courses.id, course.revisionOfId)) : [],
    db.select().from(courses).where(eq(courses.revisionOfId, course.id)),
    adaptedFrom(ctx, course, reader),
    db
      .select({ locale: courseTranslations.locale, status: courseTranslations.status })
      .from(courseTranslations)
      .where(eq(courseTranslations.courseId, course.id))
      .orderBy(asc(courseTranslations.locale)),
  ]);
  const revised = revisionOf[0];
  return {
    course: {
      ...toCourseRef(course),
      title: titles.get(course.id) ?? course.slug,
      licence: course.licence,
      defaultLocale: course.defaultLocale,
      owner: owners.get(course.ownerOrganisationId)!,
    },
    revisionOf: revised ? { slug: revised.slug, title: titles.get(revised.id) ?? revised.slug } : null,
    openRevision: openRevision[0] ? { slug: openRevision[0].slug, status: openRevision[0].status } : null,
    adaptedFrom: origin,
    can: actionsOn(course, signedIn, author, reviewer, adaptFor.length > 0),
    translations: translations.filter((t) => t.locale !== course.defaultLocale),
    adaptFor,
    criteria: reviewer && course.status === "in_review" ? await listCriteria(ctx, reader, { activeOnly: true }) : [],
    reviews: author || reviewer ? await reviewsOf(ctx, course, reader) : null,
    notices: author ? await noticesOf(ctx, course, reader) : [],
  };
}
