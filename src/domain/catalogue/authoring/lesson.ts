import { and, eq } from "drizzle-orm";
import type { Actor } from "../../shared/actor.ts";
import type { CatalogueContext } from "../context.ts";
import type { AuthoringLessonDto } from "../dto.ts";
import { sanitizeLessonHtml } from "../rich-text.ts";
import { requireLessonOf } from "../rows.ts";
import { lessonTranslations } from "../schema.ts";
import { authoredCourse } from "./authored-course.ts";

/** One lesson's default-language title and body, for the lesson editor. */
export async function getLesson(ctx: CatalogueContext, actor: Actor | null, ref: string, lessonId: string): Promise<AuthoringLessonDto> {
  const course = await authoredCourse(ctx.db, actor, ref);
  const lesson = await requireLessonOf(ctx.db, course.id, lessonId);
  const [text] = await ctx.db
    .select()
    .from(lessonTranslations)
    .where(and(eq(lessonTranslations.lessonId, lessonId), eq(lessonTranslations.locale, course.defaultLocale)));
  return {
    id: lesson.id,
    moduleId: lesson.moduleId,
    kind: lesson.kind,
    required: lesson.required,
    title: text?.title ?? "",
    body: sanitizeLessonHtml(text?.body ?? ""),
  };
}
