import { asc, inArray } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import type { Locale } from "../../../i18n/locales.ts";
import type { OrganisationRef } from "../../network/dto.ts";
import { shownText } from "../../shared/reader-language.ts";
import type { ContentLocale, FieldCounts, TextPair as Pair, QueuedCourseDto, TranslationEditorDto, TranslationStatus } from "../dto.ts";
import type { CourseRow } from "../rows.ts";
import {
  courseModules,
  courseTranslations,
  lessonCaptions,
  lessons,
  lessonTranslations,
  moduleTranslations,
  quizOptions,
  quizOptionTranslations,
  quizQuestions,
  quizQuestionTranslations,
} from "../schema.ts";

/**
 * The translators' work: for each course and language asked for, how many translatable fields
 * are missing, drafted or ready; and, for one course and language, each field's source text (the
 * default language) beside its translation and status.
 */
const statusOf = (row: { status: TranslationStatus } | undefined): TranslationStatus => row?.status ?? "missing";

/** Everything translatable of some courses, every language, in a few queries. */
export async function loadTexts(db: Executor, courseIds: string[]) {
  if (!courseIds.length) return null;
  const modules = await db
    .select()
    .from(courseModules)
    .where(inArray(courseModules.courseId, courseIds))
    .orderBy(asc(courseModules.position));
  const moduleIds = modules.map((m) => m.id);
  const lessonRows = moduleIds.length
    ? await db.select().from(lessons).where(inArray(lessons.moduleId, moduleIds)).orderBy(asc(lessons.position))
    : [];
  const lessonIds = lessonRows.map((l) => l.id);
  const [courseTexts, moduleTexts, lessonTexts, captions, questions] = await Promise.all([
    db
      .select({
        courseId: courseTranslations.courseId,
        locale: courseTranslations.locale,
        title: courseTranslations.title,
        summary: courseTranslations.summary,
        description: courseTranslations.description,
        status: courseTranslations.status,
      })
      .from(courseTranslations)
      .where(inArray(courseTranslations.courseId, courseIds)),
    moduleIds.length ? db.select().from(moduleTranslations).where(inArray(moduleTranslations.moduleId, moduleIds)) : [],
    lessonIds.length ? db.select().from(lessonTranslations).where(inArray(lessonTranslations.lessonId, lessonIds)) : [],
    lessonIds.length ? db.select().from(lessonCaptions).where(inArray(lessonCaptions.lessonId, lessonIds)) : [],
    lessonIds.length
      ? db.select().from(quizQuestions).where(inArray(quizQuestions.lessonId, lessonIds)).orderBy(asc(quizQuestions.position))
      : [],
  ]);
  const questionIds = questions.map((q) => q.id);
  const [questionTexts, options] = questionIds.length
    ? await Promise.all([
        db.select().from(quizQuestionTranslations).where(inArray(quizQuestionTranslations.questionId, questionIds)),
        db.select().from(quizOptions).where(inArray(quizOptions.questionId, questionIds)).orderBy(asc(quizOptions.position)),
      ])
    : [[], []];
  const optionTexts = options.length
    ? await db
        .select()
        .from(quizOptionTranslations)
        .where(
          inArray(
            quizOptionTranslations.optionId,
            options.map((o) => o.id),
          ),
        )
    : [];
  return { modules, lessonRows, courseTexts, moduleTexts, lessonTexts, captions, questions, questionTexts, options, optionTexts };
}

export type Texts = NonNullable<Awaited<ReturnType<typeof loadTexts>>>;

/** One course's fields in its default language beside the target language. */
export function editorOf(texts: Texts, course: QueuedCourseDto, target: ContentLocale): TranslationEditorDto {
  const from = course.defaultLocale;
  const courseText = (locale: string) => texts.courseTexts.find((t) => t.courseId === course.id && t.locale === locale);
  const source = courseText(from);
  const translation = courseText(target);
  const pair = (s: string | undefined, t: string | undefined): Pair => ({ source: s ?? "", target: t ?? "" });
  const modules = texts.modules
    .filter((m) => m.courseId === course.id)
    .map((module) => {
      const text = (locale: string) => texts.moduleTexts.find((t) => t.moduleId === module.id && t.locale === locale);
      return {
        id: module.id,
        title: pair(text(from)?.title, text(target)?.title),
        status: statusOf(text(target)),
        lessons: texts.lessonRows
          .filter((l) => l.moduleId === module.id)
          .map((lesson) => {
            const lessonText = (locale: string) => texts.lessonTexts.find((t) => t.lessonId === lesson.id && t.locale === locale);
            return {
              id: lesson.id,
              kind: lesson.kind,
              title: pair(lessonText(from)?.title, lessonText(target)?.title),
              body: pair(lessonText(from)?.body, lessonText(target)?.body),
              status: statusOf(lessonText(target)),
            };
          }),
      };
    });
  const lessonIds = new Set(modules.flatMap((m) => m.lessons.map((l) => l.id)));
  const questions = texts.questions
    .filter((q) => lessonIds.has(q.lessonId))
    .map((question) => {
      const text = (locale: string) => texts.questionTexts.find((t) => t.questionId === question.id && t.locale === locale);
      return {
        id: question.id,
        lessonId: question.lessonId,
        prompt: pair(text(from)?.prompt, text(target)?.prompt),
        feedback: pair(text(from)?.feedback, text(target)?.feedback),
        status: statusOf(text(target)),
        options: texts.options
          .filter((o) => o.questionId === question.id)
          .map((option) => {
            const optionText = (locale: string) => texts.optionTexts.find((t) => t.optionId === option.id && t.locale === locale);
            return { id: option.id, text: pair(optionText(from)?.text, optionText(target)?.text), status: statusOf(optionText(target)) };
          }),
      };
    });
  const captioned = [...new Set(texts.captions.filter((c) => lessonIds.has(c.lessonId)).map((c) => c.lessonId))];
  const captions = captioned.map((lessonId) => ({
    lessonId,
    status: statusOf(texts.captions.find((c) => c.lessonId === lessonId && c.locale === target)),
  }));
  const courseStatus = translation?.status === "missing" || !translation ? "missing" : statusOf(translation);
  const editor: TranslationEditorDto = {
    course,
    locale: target,
    status: courseStatus,
    title: pair(source?.title, translation?.title),
    summary: pair(source?.summary, translation?.summary),
    description: pair(source?.description, translation?.description),
    modules,
    questions,
    captions,
    counts: { missing: 0, draft: 0, ready: 0 },
  };
  editor.counts = countFields(editor);
  return editor;
}

/** Every field with source text counts once, in the status of the translation that holds it. */
function countFields(editor: TranslationEditorDto): FieldCounts {
  const counts: FieldCounts = { missing: 0, draft: 0, ready: 0 };
  // An empty translation of a field with source text is missing, whatever its row says.
  const add = (status: TranslationStatus, pair?: Pair) => {
    if (!pair) counts[status] += 1;
    else if (pair.source.trim()) counts[pair.target.trim() ? status : "missing"] += 1;
  };
  add(editor.status, editor.title);
  add(editor.status, editor.summary);
  add(editor.status, editor.description);
  for (const module of editor.modules) {
    add(module.status, module.title);
    for (const lesson of module.lessons) {
      add(lesson.status, lesson.title);
      add(lesson.status, lesson.body);
    }
  }
  for (const question of editor.questions) {
    add(question.status, question.prompt);
    add(question.status, question.feedback);
    for (const option of question.options) add(option.status, option.text);
  }
  for (const caption of editor.captions) add(caption.status);
  return counts;
}

/** The courses as the queue and the editor name them, titles in the reader's language when ready. */
export function courseInfos(
  rows: CourseRow[],
  owners: Map<string, OrganisationRef>,
  texts: Texts | null,
  reader: Locale,
): QueuedCourseDto[] {
  return rows.map((course) => {
    const own = texts?.courseTexts.filter((t) => t.courseId === course.id) ?? [];
    return {
      id: course.id,
      slug: course.slug,
      title: shownText(own, reader, course.defaultLocale)?.title || course.slug,
      status: course.status,
      defaultLocale: course.defaultLocale,
      owner: owners.get(course.ownerOrganisationId)!,
    };
  });
}
