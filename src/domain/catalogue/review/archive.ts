import { eq } from "drizzle-orm";
import type { Actor } from "../../shared/actor.ts";
import type { CatalogueContext } from "../context.ts";
import type { CourseRefDto } from "../dto.ts";
import { courseFor } from "../guards.ts";
import { toCourseRef } from "../mapping.ts";
import { wrongStatus } from "../rows.ts";
import { courses } from "../schema.ts";

/** Archived courses leave the catalogue; their enrolled learners keep reading them. */
export async function archive(ctx: CatalogueContext, actor: Actor | null, ref: string): Promise<CourseRefDto> {
  const { course } = await courseFor(ctx.db, actor, ref, "course.author");
  if (course.revisionOfId || (course.status !== "published" && course.status !== "draft")) throw wrongStatus(course);
  const [updated] = await ctx.db
    .update(courses)
    .set({ status: "archived", updatedAt: ctx.now() })
    .where(eq(courses.id, course.id))
    .returning();
  return toCourseRef(updated!);
}
