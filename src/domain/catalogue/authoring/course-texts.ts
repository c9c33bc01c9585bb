import { and, eq } from "drizzle-orm";
import type { Actor } from "../../shared/actor.ts";
import type { CatalogueContext } from "../context.ts";
import type { CourseTextsDto } from "../dto.ts";
import { courseTranslations } from "../schema.ts";
import { authoredCourse } from "./authored-course.ts";

/** The course's own texts, in its default language, for the form that edits them. */
export async function getTexts(ctx: CatalogueContext, actor: Actor | null, ref: string): Promise<CourseTextsDto> {
  const course = await authoredCourse(ctx.db, actor, ref);
  const [text] = await ctx.db
    .select()
    .from(courseTranslations)
    .where(and(eq(courseTranslations.courseId, course.id), eq(courseTranslations.locale, course.defaultLocale)));
  return { locale: course.defaultLocale, title: text?.title ?? "", summary: text?.summary ?? "", description: text?.description ?? "" };
}
