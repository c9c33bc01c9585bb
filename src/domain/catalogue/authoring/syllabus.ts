import { and, asc, eq, inArray } from "drizzle-orm";
import type { Actor } from "../../shared/actor.ts";
import type { CatalogueContext } from "../context.ts";
import type { AuthoringSyllabus } from "../dto.ts";
import { courseModules, lessons, lessonTranslations, moduleTranslations } from "../schema.ts";
import { authoredCourse } from "./authored-course.ts";

/** The syllabus in the default language, in order, for the syllabus editor. */
export async function getSyllabus(ctx: CatalogueContext, actor: Actor | null, ref: string): Promise<AuthoringSyllabus> {
  const { db } = ctx;
  const course = await authoredCourse(db, actor, ref);
  const modules = await db
    .select()
    .from(courseModules)
    .where(eq(courseModules.courseId, course.id))
    .orderBy(asc(courseModules.position), asc(courseModules.id));
  const moduleIds = modules.map((m) => m.id);
  if (!moduleIds.length) return [];
  const [moduleTexts, lessonRows] = await Promise.all([
    db
      .select()
      .from(moduleTranslations)
      .where(and(inArray(moduleTranslations.moduleId, moduleIds), eq(moduleTranslations.locale, course.defaultLocale))),
    db.select().from(lessons).where(inArray(lessons.moduleId, moduleIds)).orderBy(asc(lessons.position), asc(lessons.id)),
  ]);
  const lessonTexts = lessonRows.length
    ? await db
        .select({ lessonId: lessonTranslations.lessonId, title: lessonTranslations.title })
        .from(lessonTranslations)
        .where(
          and(
            inArray(
              lessonTranslations.lessonId,
              lessonRows.map((l) => l.id),
            ),
            eq(lessonTranslations.locale, course.defaultLocale),
          ),
        )
    : [];
  return modules.map((module) => ({
    id: module.id,
    title: moduleTexts.find((t) => t.moduleId === module.id)?.title ?? "",
    lessons: lessonRows
      .filter((l) => l.moduleId === module.id)
      .map((l) => ({ id: l.id, title: lessonTexts.find((t) => t.lessonId === l.id)?.title ?? "", kind: l.kind, required: l.required })),
  }));
}
