import { eq } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { fieldError } from "../shared/errors.ts";
import { contentLocaleSchema, parseInput } from "../shared/validation.ts";
import { recordAuthor } from "./authors.ts";
import type { CatalogueContext } from "./context.ts";
import { getCourse } from "./course-page.ts";
import type { CourseDto } from "./dto.ts";
import { requireAccess } from "./permissions.ts";
import { type CourseRow, findCourse, requireEditable, structureOf, wrongStatus } from "./rows.ts";
import { courses, courseTranslations, moduleTranslations } from "./schema.ts";
import { writeLessonText } from "./syllabus.ts";
import { refuseHollowReady } from "./translation-completeness.ts";
import { translationInputSchema } from "./validation.ts";

/**
 * The default language is the course's content, written by its authors while it is a draft.
 * Other languages are translations: the owner's authors and translators add them at any time
 * before the course is archived, published versions included (decision 0010).
 */
async function courseToTranslate(ctx: CatalogueContext, actor: Actor | null, ref: string, target: string): Promise<CourseRow> {
  const writer = requireActor(actor);
  const course = await findCourse(ctx.db, ref);
  if (target === course.defaultLocale) {
    requireAccess(actor, "course.author", course.ownerOrganisationId);
    requireEditable(course);
    await recordAuthor(ctx.db, course.id, writer, ctx.now());
    return course;
  }
  requireAccess(actor, "course.translate", course.ownerOrganisationId);
  if (course.status === "archived") throw wrongStatus(course);
  // A translator writes part of this version: they may not review it either (authors.ts).
  await recordAuthor(ctx.db, course.id, writer, ctx.now());
  return course;
}

/**
 * Writes the course's texts in one language: its title, summary and description, and the
 * titles (and lesson bodies) of the modules and lessons named, each with its own status (the
 * course's when not given): readers see a field in their language only once it is ready.
 */
export async function addTranslation(
  ctx: CatalogueContext,
  actor: Actor | null,
  ref: string,
  translationLocale: string,
  input: unknown,
  reader: Locale,
): Promise<CourseDto> {
  const { db, now } = ctx;
  const target = parseInput(contentLocaleSchema, translationLocale);
  const course = await courseToTranslate(ctx, actor, ref, target);
  const data = parseInput(translationInputSchema, input);
  const { moduleIds, lessonIds } = await structureOf(db, course.id);
  data.modules?.forEach((m, i) => {
    if (!moduleIds.has(m.id)) throw fieldError(`modules.${i}.id`, "catalogue.field.unknownModule");
  });
  data.lessons?.forEach((l, i) => {
    if (!lessonIds.has(l.id)) throw fieldError(`lessons.${i}.id`, "catalogue.field.unknownLesson");
  });
  await refuseHollowReady(db, course, target, data);

  await db.transaction(async (tx) => {
    const texts = { title: data.title, summary: data.summary, description: data.description ?? "", status: data.status, updatedAt: now() };
    await tx
      .insert(courseTranslations)
      .values({ courseId: course.id, locale: target, ...texts })
      .onConflictDoUpdate({ target: [courseTranslations.courseId, courseTranslations.locale], set: texts });
    for (const module of data.modules ?? []) {
      const text = { title: module.title, status: module.status ?? data.status };
      await tx
        .insert(moduleTranslations)
        .values({ moduleId: module.id, locale: target, ...text })
        .onConflictDoUpdate({ target: [moduleTranslations.moduleId, moduleTranslations.locale], set: text });
    }
    for (const lesson of data.lessons ?? []) {
      await writeLessonText(tx, lesson.id, target, lesson.title, lesson.body, lesson.status ?? data.status);
    }
    await tx.update(courses).set({ updatedAt: now() }).where(eq(courses.id, course.id));
  });
  return getCourse(ctx, course.id, reader, actor);
}
