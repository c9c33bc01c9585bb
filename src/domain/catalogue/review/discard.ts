import { eq } from "drizzle-orm";
import type { Actor } from "../../shared/actor.ts";
import { constraintError } from "../../shared/db-errors.ts";
import type { CatalogueContext } from "../context.ts";
import { courseFor } from "../guards.ts";
import { wrongStatus } from "../rows.ts";
import { courses } from "../schema.ts";

/**
 * Deletes a draft that was never published (a new version started by mistake, an adaptation
 * not wanted after all, a course begun and given up) with everything in it. Files stay in
 * storage: a version's lessons share them with the course it copies. Nobody can be enrolled in
 * a course never published; a programme listing the draft keeps it (409).
 */
export async function discard(ctx: CatalogueContext, actor: Actor | null, ref: string): Promise<{ revisionOf: string | null }> {
  const { db } = ctx;
  const { course } = await courseFor(db, actor, ref, "course.author");
  if (course.status !== "draft" || course.publishedAt) throw wrongStatus(course);
  const [revised] = course.revisionOfId
    ? await db.select({ slug: courses.slug }).from(courses).where(eq(courses.id, course.revisionOfId))
    : [];
  await db
    .delete(courses)
    .where(eq(courses.id, course.id))
    .catch((error: unknown) => {
      throw constraintError(error, {});
    });
  return { revisionOf: revised?.slug ?? null };
}
