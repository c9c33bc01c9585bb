import { eq } from "drizzle-orm";
import type { Actor } from "../../shared/actor.ts";
import { constraintError } from "../../shared/db-errors.ts";
import { recordAuthor } from "../authors.ts";
import type { CatalogueContext } from "../context.ts";
import type { CourseRefDto } from "../dto.ts";
import { courseFor } from "../guards.ts";
import { toCourseRef } from "../mapping.ts";
import { courseUniqueRules, wrongStatus } from "../rows.ts";
import { courses } from "../schema.ts";
import { insertCopy, lockPublished } from "./copy.ts";

/**
 * The draft of a published course's next version, a full copy that is edited and reviewed like
 * any draft; the course has at most one, so asking again opens the same one.
 */
export async function startRevision(ctx: CatalogueContext, actor: Actor | null, ref: string): Promise<CourseRefDto> {
  const { db, now } = ctx;
  const { actor: author, course } = await courseFor(db, actor, ref, "course.author");
  if (course.status !== "published") throw wrongStatus(course);
  const [open] = await db.select().from(courses).where(eq(courses.revisionOfId, course.id));
  if (open) return toCourseRef(open);
  const revision = await db
    .transaction(async (tx) => {
      const source = await lockPublished(tx, course);
      // Asked for at the same moment, the request before this one may have opened it meanwhile.
      const [opened] = await tx.select().from(courses).where(eq(courses.revisionOfId, source.id));
      if (opened) return opened;
      const next = source.version + 1;
      return insertCopy(tx, source, `${source.slug}-v${next}`, { version: next, revisionOfId: source.id }, { coCreators: true, at: now() });
    })
    .catch((error: unknown) => {
      throw constraintError(error, courseUniqueRules);
    });
  await recordAuthor(db, revision.id, author, now());
  return toCourseRef(revision);
}
