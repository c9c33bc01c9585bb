import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { fieldError } from "../shared/errors.ts";
import type { ContentLocale, TranslationStatus } from "./dto.ts";
import { sanitizeLessonHtml } from "./rich-text.ts";
import { structureOf } from "./rows.ts";
import { courseModules, lessons, lessonTranslations, moduleTranslations } from "./schema.ts";
import type { SyllabusInput } from "./validation.ts";

function duplicateIds(ids: (string | undefined)[]): boolean {
  const present = ids.filter((id): id is string => !!id);
  return new Set(present).size !== present.length;
}

/** Refuses a syllabus naming modules or lessons the course does not have, or naming one twice. */
function checkIds(syllabus: SyllabusInput, moduleIds: Set<string>, lessonIds: Set<string>) {
  syllabus.forEach((module, m) => {
    if (module.id && !moduleIds.has(module.id)) throw fieldError(`syllabus.${m}.id`, "catalogue.field.unknownModule");
    module.lessons.forEach((lesson, l) => {
      if (lesson.id && !lessonIds.has(lesson.id)) throw fieldError(`syllabus.${m}.lessons.${l}.id`, "catalogue.field.unknownLesson");
    });
  });
  if (duplicateIds(syllabus.map((m) => m.id)) || duplicateIds(syllabus.flatMap((m) => m.lessons.map((l) => l.id)))) {
    throw fieldError("syllabus", "catalogue.field.duplicateId");
  }
}

/**
 * Makes the course's modules and lessons what the syllabus says, in its order. Listed ids are
 * kept (so translations and, later, learners' progress survive a reordering); modules and
 * lessons left out are removed. Texts are written in the given (default) language.
 */
export async function writeSyllabus(tx: Executor, courseId: string, textLocale: ContentLocale, syllabus: SyllabusInput) {
  const { moduleIds, lessonIds } = await structureOf(tx, courseId);
  checkIds(syllabus, moduleIds, lessonIds);

  const keptLessons = syllabus.flatMap((m) => m.lessons.flatMap((l) => (l.id ? [l.id] : [])));
  if (moduleIds.size) {
    await tx
      .delete(lessons)
      .where(and(inArray(lessons.moduleId, [...moduleIds]), keptLessons.length ? notInArray(lessons.id, keptLessons) : undefined));
  }

  const writtenModules: string[] = [];
  for (const [position, module] of syllabus.entries()) {
    let moduleId = module.id;
    if (moduleId) await tx.update(courseModules).set({ position }).where(eq(courseModules.id, moduleId));
    else moduleId = (await tx.insert(courseModules).values({ courseId, position }).returning({ id: courseModules.id }))[0]!.id;
    writtenModules.push(moduleId);
    await tx
      .insert(moduleTranslations)
      .values({ moduleId, locale: textLocale, title: module.title })
      .onConflictDoUpdate({ target: [moduleTranslations.moduleId, moduleTranslations.locale], set: { title: module.title } });

    for (const [lessonPosition, lesson] of module.lessons.entries()) {
      const fields = { moduleId, position: lessonPosition, kind: lesson.kind, required: lesson.required ?? true };
      let lessonId = lesson.id;
      if (lessonId) await tx.update(lessons).set(fields).where(eq(lessons.id, lessonId));
      else lessonId = (await tx.insert(lessons).values(fields).returning({ id: lessons.id }))[0]!.id;
      await writeLessonText(tx, lessonId, textLocale, lesson.title, lesson.body);
    }
  }
  // Last, once the lessons kept have moved out of them.
  if (moduleIds.size) {
    await tx
      .delete(courseModules)
      .where(and(eq(courseModules.courseId, courseId), writtenModules.length ? notInArray(courseModules.id, writtenModules) : undefined));
  }
}

/** A lesson's text in one language, sanitised before it is stored; a body left out keeps the one stored. */
export async function writeLessonText(
  tx: Executor,
  lessonId: string,
  locale: ContentLocale,
  title: string,
  body: string | undefined,
  status: TranslationStatus = "ready",
) {
  const clean = body === undefined ? undefined : sanitizeLessonHtml(body);
  await tx
    .insert(lessonTranslations)
    .values({ lessonId, locale, title, body: clean ?? "", status })
    .onConflictDoUpdate({
      target: [lessonTranslations.lessonId, lessonTranslations.locale],
      set: clean === undefined ? { title, status } : { title, body: clean, status },
    });
}
