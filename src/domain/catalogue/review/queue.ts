import { asc, eq } from "drizzle-orm";
import type { Locale } from "../../../i18n/locales.ts";
import { organisationRefs } from "../../network/queries.ts";
import { type Actor, requireActor } from "../../shared/actor.ts";
import { forbidden } from "../../shared/errors.ts";
import { authoredAmong } from "../authors.ts";
import type { CatalogueContext } from "../context.ts";
import type { ReviewQueueItemDto } from "../dto.ts";
import { shownTitles } from "../mapping.ts";
import { can, canAnywhere } from "../permissions.ts";
import { courses } from "../schema.ts";

/** Courses waiting for the reader's review, oldest submission first; for reviewers only. */
export async function reviewQueue(ctx: CatalogueContext, actor: Actor | null, reader: Locale): Promise<ReviewQueueItemDto[]> {
  const { db } = ctx;
  const reviewer = requireActor(actor);
  const rows = await db.select().from(courses).where(eq(courses.status, "in_review")).orderBy(asc(courses.updatedAt));
  const reviewable = rows.filter((course) => can(reviewer, "course.review", course.ownerOrganisationId));
  if (!reviewable.length && !canAnywhere(reviewer, "course.review")) throw forbidden();
  // Their own work waits for someone else.
  const own = await authoredAmong(db, reviewer.userId);
  const mine = reviewable.filter((course) => !own.has(course.id));
  const [titles, owners] = await Promise.all([
    shownTitles(
      db,
      mine.map((c) => c.id),
      reader,
    ),
    organisationRefs(
      db,
      mine.map((c) => c.ownerOrganisationId),
      reader,
    ),
  ]);
  return mine.map((course) => ({
    id: course.id,
    slug: course.slug,
    title: titles.get(course.id) ?? course.slug,
    owner: owners.get(course.ownerOrganisationId)!,
    version: course.version,
    isRevision: !!course.revisionOfId,
    submittedAt: course.updatedAt.toISOString(),
  }));
}
