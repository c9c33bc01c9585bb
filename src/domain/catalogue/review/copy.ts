import { and, asc, eq, inArray, notInArray } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { freeSlug } from "../../shared/slugs.ts";
import { type CourseRow, slugTaken, wrongStatus } from "../rows.ts";
import {
  courseCoCreators,
  courseModules,
  courseReviews,
  courses,
  courseTranslations,
  courseVersions,
  lessonCaptions,
  lessonFiles,
  lessons,
  lessonTranslations,
  moduleTranslations,
  quizOptions,
  quizOptionTranslations,
  quizQuestions,
  quizQuestionTranslations,
  quizzes,
} from "../schema.ts";

/**
 * Copies and merges of course content, for new versions (a revision merged back on approval) and
 * adaptations (a copy another centre owns). Every copied module, lesson, question and option
 * records the row it came from in `originId`; that is how a merge knows which lessons to keep.
 */

/** Copies one lesson's texts, files, captions and quiz onto another lesson. */
async function copyLessonContent(tx: Executor, fromId: string, toId: string) {
  const [texts, files, captions, quiz, questions] = await Promise.all([
    tx.select().from(lessonTranslations).where(eq(lessonTranslations.lessonId, fromId)),
    tx.select().from(lessonFiles).where(eq(lessonFiles.lessonId, fromId)),
    tx.select().from(lessonCaptions).where(eq(lessonCaptions.lessonId, fromId)),
    tx.select().from(quizzes).where(eq(quizzes.lessonId, fromId)),
    tx.select().from(quizQuestions).where(eq(quizQuestions.lessonId, fromId)).orderBy(asc(quizQuestions.position)),
  ]);
  if (texts.length) await tx.insert(lessonTranslations).values(texts.map((t) => ({ ...t, lessonId: toId })));
  if (files.length) await tx.insert(lessonFiles).values(files.map(({ id: _, ...f }) => ({ ...f, lessonId: toId })));
  if (captions.length) await tx.insert(lessonCaptions).values(captions.map((c) => ({ ...c, lessonId: toId })));
  if (quiz[0]) await tx.insert(quizzes).values({ ...quiz[0], lessonId: toId });
  for (const { id: questionId, ...question } of questions) {
    const [copy] = await tx
      .insert(quizQuestions)
      .values({ ...question, lessonId: toId, originId: questionId })
      .returning({ id: quizQuestions.id });
    const [questionTexts, options] = await Promise.all([
      tx.select().from(quizQuestionTranslations).where(eq(quizQuestionTranslations.questionId, questionId)),
      tx.select().from(quizOptions).where(eq(quizOptions.questionId, questionId)).orderBy(asc(quizOptions.position)),
    ]);
    if (questionTexts.length) await tx.insert(quizQuestionTranslations).values(questionTexts.map((t) => ({ ...t, questionId: copy!.id })));
    for (const { id: optionId, ...option } of options) {
      const [optionCopy] = await tx
        .insert(quizOptions)
        .values({ ...option, questionId: copy!.id, originId: optionId })
        .returning({ id: quizOptions.id });
      const optionTexts = await tx.select().from(quizOptionTranslations).where(eq(quizOptionTranslations.optionId, optionId));
      if (optionTexts.length) await tx.insert(quizOptionTranslations).values(optionTexts.map((t) => ({ ...t, optionId: optionCopy!.id })));
    }
  }
}

/**
 * Copies a course's translations, modules, lessons (with everything in them) and, when asked,
 * its co-creators into another course row, which must have none yet.
 */
async function copyCourseContent(tx: Executor, fromId: string, toId: string, options: { coCreators: boolean }) {
  const [translations, coCreators, modules] = await Promise.all([
    tx.select().from(courseTranslations).where(eq(courseTranslations.courseId, fromId)),
    tx.select().from(courseCoCreators).where(eq(courseCoCreators.courseId, fromId)),
    tx.select().from(courseModules).where(eq(courseModules.courseId, fromId)).orderBy(asc(courseModules.position)),
  ]);
  if (translations.length) {
    await tx.insert(courseTranslations).values(translations.map(({ searchText: _, searchVector: __, ...t }) => ({ ...t, courseId: toId })));
  }
  if (options.coCreators && coCreators.length) await tx.insert(courseCoCreators).values(coCreators.map((c) => ({ ...c, courseId: toId })));
  for (const module of modules) {
    const [copy] = await tx
      .insert(courseModules)
      .values({ courseId: toId, position: module.position, originId: module.id })
      .returning({ id: courseModules.id });
    const [moduleTexts, moduleLessons] = await Promise.all([
      tx.select().from(moduleTranslations).where(eq(moduleTranslations.moduleId, module.id)),
      tx.select().from(lessons).where(eq(lessons.moduleId, module.id)).orderBy(asc(lessons.position)),
    ]);
    if (moduleTexts.length) await tx.insert(moduleTranslations).values(moduleTexts.map((t) => ({ ...t, moduleId: copy!.id })));
    for (const { id: lessonId, ...lesson } of moduleLessons) {
      const [lessonCopy] = await tx
        .insert(lessons)
        .values({ ...lesson, moduleId: copy!.id, originId: lessonId })
        .returning({ id: lessons.id });
      await copyLessonContent(tx, lessonId, lessonCopy!.id);
    }
  }
}

/** Moves a lesson's texts, files, captions and quiz onto the lesson it revises, replacing what it had. */
async function moveLessonContent(tx: Executor, fromId: string, toId: string) {
  await Promise.all([
    tx.delete(lessonTranslations).where(eq(lessonTranslations.lessonId, toId)),
    tx.delete(lessonFiles).where(eq(lessonFiles.lessonId, toId)),
    tx.delete(lessonCaptions).where(eq(lessonCaptions.lessonId, toId)),
    tx.delete(quizzes).where(eq(quizzes.lessonId, toId)),
    tx.delete(quizQuestions).where(eq(quizQuestions.lessonId, toId)),
  ]);
  await Promise.all([
    tx.update(lessonTranslations).set({ lessonId: toId }).where(eq(lessonTranslations.lessonId, fromId)),
    tx.update(lessonFiles).set({ lessonId: toId }).where(eq(lessonFiles.lessonId, fromId)),
    tx.update(lessonCaptions).set({ lessonId: toId }).where(eq(lessonCaptions.lessonId, fromId)),
    tx.update(quizzes).set({ lessonId: toId }).where(eq(quizzes.lessonId, fromId)),
    tx.update(quizQuestions).set({ lessonId: toId }).where(eq(quizQuestions.lessonId, fromId)),
  ]);
}

/**
 * Merges an approved revision into the course it revises. The course keeps its id and slug, and
 * the ids of the lessons the revision kept, so enrolments, progress and quiz attempts stay
 * attached; it takes the revision's details, texts, structure, quizzes and media; lessons the
 * revision removed are deleted; the revision's reviews join the course's history; the revision row
 * goes. Runs inside the caller's transaction.
 */
export async function mergeRevision(tx: Executor, revision: CourseRow, at: Date) {
  const originalId = revision.revisionOfId!;
  const [originalModules, revisionModules] = await Promise.all([
    tx.select({ id: courseModules.id }).from(courseModules).where(eq(courseModules.courseId, originalId)),
    tx.select().from(courseModules).where(eq(courseModules.courseId, revision.id)),
  ]);
  const originalModuleIds = new Set(originalModules.map((m) => m.id));
  const originalLessonIds = new Set(
    originalModuleIds.size
      ? (
          await tx
            .select({ id: lessons.id })
            .from(lessons)
            .where(inArray(lessons.moduleId, [...originalModuleIds]))
        ).map((l) => l.id)
      : [],
  );

  const keptModules: string[] = [];
  const keptLessons: string[] = [];
  for (const module of revisionModules) {
    let targetModule = module.id;
    if (module.originId && originalModuleIds.has(module.originId)) {
      targetModule = module.originId;
      await tx.update(courseModules).set({ position: module.position }).where(eq(courseModules.id, targetModule));
      await tx.delete(moduleTranslations).where(eq(moduleTranslations.moduleId, targetModule));
      await tx.update(moduleTranslations).set({ moduleId: targetModule }).where(eq(moduleTranslations.moduleId, module.id));
    } else {
      await tx.update(courseModules).set({ courseId: originalId, originId: null }).where(eq(courseModules.id, module.id));
    }
    keptModules.push(targetModule);

    const revisionLessons = await tx.select().from(lessons).where(eq(lessons.moduleId, module.id));
    for (const lesson of revisionLessons) {
      const fields = {
        moduleId: targetModule,
        position: lesson.position,
        kind: lesson.kind,
        required: lesson.required,
        externalUrl: lesson.externalUrl,
      };
      if (lesson.originId && originalLessonIds.has(lesson.originId)) {
        await tx.update(lessons).set(fields).where(eq(lessons.id, lesson.originId));
        await moveLessonContent(tx, lesson.id, lesson.originId);
        await tx.delete(lessons).where(eq(lessons.id, lesson.id));
        keptLessons.push(lesson.originId);
      } else {
        await tx
          .update(lessons)
          .set({ ...fields, originId: null })
          .where(eq(lessons.id, lesson.id));
      }
    }
  }
  const removedLessons = [...originalLessonIds].filter((id) => !keptLessons.includes(id));
  if (removedLessons.length) await tx.delete(lessons).where(inArray(lessons.id, removedLessons));
  await tx.delete(courseModules).where(and(eq(courseModules.courseId, originalId), notInArray(courseModules.id, keptModules)));

  await tx.delete(courseTranslations).where(eq(courseTranslations.courseId, originalId));
  await tx.update(courseTranslations).set({ courseId: originalId }).where(eq(courseTranslations.courseId, revision.id));
  await tx.delete(courseCoCreators).where(eq(courseCoCreators.courseId, originalId));
  await tx.update(courseCoCreators).set({ courseId: originalId }).where(eq(courseCoCreators.courseId, revision.id));
  await tx.update(courseReviews).set({ courseId: originalId }).where(eq(courseReviews.courseId, revision.id));
  await tx.delete(courses).where(eq(courses.id, revision.id));
  await tx
    .update(courses)
    .set({
      category: revision.category,
      level: revision.level,
      estimatedHours: revision.estimatedHours,
      licence: revision.licence,
      defaultLocale: revision.defaultLocale,
      subjectTags: revision.subjectTags,
      coverImagePath: revision.coverImagePath,
      version: revision.version,
      status: "published",
      publishedAt: at,
      updatedAt: at,
    })
    .where(eq(courses.id, originalId));
  return originalId;
}

/** The full content of a course as it is now: what `course_versions` keeps of each publication. */
async function snapshotOf(tx: Executor, courseId: string) {
  const [[course], translations, coCreators, modules] = await Promise.all([
    tx.select().from(courses).where(eq(courses.id, courseId)),
    tx
      .select({
        locale: courseTranslations.locale,
        title: courseTranslations.title,
        summary: courseTranslations.summary,
        description: courseTranslations.description,
        status: courseTranslations.status,
      })
      .from(courseTranslations)
      .where(eq(courseTranslations.courseId, courseId)),
    tx.select().from(courseCoCreators).where(eq(courseCoCreators.courseId, courseId)),
    tx.select().from(courseModules).where(eq(courseModules.courseId, courseId)).orderBy(asc(courseModules.position)),
  ]);
  const moduleSnapshots = [];
  for (const module of modules) {
    const [texts, moduleLessons] = await Promise.all([
      tx.select().from(moduleTranslations).where(eq(moduleTranslations.moduleId, module.id)),
      tx.select().from(lessons).where(eq(lessons.moduleId, module.id)).orderBy(asc(lessons.position)),
    ]);
    const lessonSnapshots = [];
    for (const lesson of moduleLessons) {
      const [lessonTexts, files, captions, quiz, questions] = await Promise.all([
        tx.select().from(lessonTranslations).where(eq(lessonTranslations.lessonId, lesson.id)),
        tx.select().from(lessonFiles).where(eq(lessonFiles.lessonId, lesson.id)),
        tx.select().from(lessonCaptions).where(eq(lessonCaptions.lessonId, lesson.id)),
        tx.select().from(quizzes).where(eq(quizzes.lessonId, lesson.id)),
        tx.select().from(quizQuestions).where(eq(quizQuestions.lessonId, lesson.id)).orderBy(asc(quizQuestions.position)),
      ]);
      const questionSnapshots = [];
      for (const question of questions) {
        const [questionTexts, options] = await Promise.all([
          tx.select().from(quizQuestionTranslations).where(eq(quizQuestionTranslations.questionId, question.id)),
          tx.select().from(quizOptions).where(eq(quizOptions.questionId, question.id)).orderBy(asc(quizOptions.position)),
        ]);
        const optionTexts = options.length
          ? await tx
              .select()
              .from(quizOptionTranslations)
              .where(
                inArray(
                  quizOptionTranslations.optionId,
                  options.map((o) => o.id),
                ),
              )
          : [];
        questionSnapshots.push({
          ...question,
          translations: questionTexts,
          options: options.map((o) => ({ ...o, translations: optionTexts.filter((t) => t.optionId === o.id) })),
        });
      }
      lessonSnapshots.push({
        ...lesson,
        translations: lessonTexts,
        files,
        captions,
        quiz: quiz[0] ? { ...quiz[0], questions: questionSnapshots } : null,
      });
    }
    moduleSnapshots.push({ ...module, translations: texts, lessons: lessonSnapshots });
  }
  return { course, translations, coCreators, modules: moduleSnapshots };
}

/** Records the version just published. */
export async function recordVersion(tx: Executor, courseId: string, version: number, at: Date) {
  await tx
    .insert(courseVersions)
    .values({ courseId, version, snapshot: await snapshotOf(tx, courseId), publishedAt: at })
    .onConflictDoNothing();
}

/**
 * A published course, locked for copying: copies asked for at the same moment (an author clicking
 * twice, two tabs) take turns here, so each sees the copies made before it rather than all but
 * one failing on a unique constraint. Not `FOR UPDATE`: learners enrolling meanwhile are not held up.
 */
export async function lockPublished(tx: Executor, course: Pick<CourseRow, "id" | "status">): Promise<CourseRow> {
  const [source] = await tx.select().from(courses).where(eq(courses.id, course.id)).for("no key update");
  if (source?.status !== "published") throw wrongStatus(source ?? course);
  return source;
}

/** A draft copy of `source` with `changes` and everything in it, under a free slug made from `slugBase`. */
export async function insertCopy(
  tx: Executor,
  source: CourseRow,
  slugBase: string,
  changes: Partial<typeof courses.$inferInsert>,
  options: { coCreators: boolean; at: Date },
): Promise<CourseRow> {
  const slug = await freeSlug(slugBase, "course", (candidate) => slugTaken(tx, candidate));
  const { id: _, slug: __, createdAt: ___, publishedAt: ____, ...fields } = source;
  const [row] = await tx
    .insert(courses)
    .values({ ...fields, ...changes, slug, status: "draft", createdAt: options.at, updatedAt: options.at })
    .returning();
  await copyCourseContent(tx, source.id, row!.id, { coCreators: options.coCreators });
  return row!;
}
