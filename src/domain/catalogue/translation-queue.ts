import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import type { OrganisationRef } from "../network/dto.ts";
import { toOrganisationRef } from "../network/mapping.ts";
import { organisations } from "../network/schema.ts";
import { type Actor, isGlobalStaff, type Role, requireActor } from "../shared/actor.ts";
import { DomainError, fieldError, forbidden } from "../shared/errors.ts";
import { contentLocaleSchema, parseInput } from "../shared/validation.ts";
import { authorRoles, type CourseRow, canAuthor, canTranslate, findCourseRow } from "./course-access.ts";
import type { ContentLocale, CourseStatus, LessonKind, TranslationStatus } from "./dto.ts";
import {
  courseModules,
  courses,
  courseTranslations,
  lessonCaptions,
  lessons,
  lessonTranslations,
  moduleTranslations,
  quizOptions,
  quizOptionTranslations,
  quizQuestions,
  quizQuestionTranslations,
} from "./schema.ts";

/**
 * The translators' work queue: for each course and language asked for, how many translatable
 * fields are missing, drafted or ready; and, for one course and language, each field's source
 * text (the default language) beside its translation and status.
 */
export type FieldCounts = { missing: number; draft: number; ready: number };

type CourseInfo = { id: string; slug: string; title: string; status: CourseStatus; defaultLocale: ContentLocale; owner: OrganisationRef };

export type QueueItemDto = { course: CourseInfo; locale: ContentLocale; status: TranslationStatus; counts: FieldCounts; total: number };

type Pair = { source: string; target: string };
export type TranslationEditorDto = {
  course: CourseInfo;
  locale: ContentLocale;
  status: TranslationStatus;
  title: Pair;
  summary: Pair;
  description: Pair;
  modules: {
    id: string;
    title: Pair;
    status: TranslationStatus;
    lessons: { id: string; kind: LessonKind; title: Pair; body: Pair; status: TranslationStatus }[];
  }[];
  questions: {
    id: string;
    lessonId: string;
    prompt: Pair;
    feedback: Pair;
    status: TranslationStatus;
    options: { id: string; text: Pair; status: TranslationStatus }[];
  }[];
  captions: { lessonId: string; status: TranslationStatus }[];
  counts: FieldCounts;
};

const translatorLike: ReadonlySet<Role> = new Set([...authorRoles, "translator"]);

const statusOf = (row: { status: string } | undefined): TranslationStatus => (row ? (row.status as TranslationStatus) : "missing");

/** Everything translatable of some courses, every language, in a few queries. */
async function loadTexts(db: Database, courseIds: string[]) {
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

type Texts = NonNullable<Awaited<ReturnType<typeof loadTexts>>>;

/** One course's fields in its default language beside the target language. */
function editorOf(texts: Texts, course: CourseInfo, target: ContentLocale): TranslationEditorDto {
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
              kind: lesson.kind as LessonKind,
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
  const add = (status: TranslationStatus, pair?: Pair) => {
    if (!pair || pair.source.trim()) counts[status] += 1;
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

export function createTranslationQueueService(deps: { db: Database; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  function courseInfos(rows: { course: CourseRow; owner: typeof organisations.$inferSelect }[], texts: Texts | null, reader: Locale) {
    return rows.map(({ course, owner }) => {
      const own = texts?.courseTexts.filter((t) => t.courseId === course.id) ?? [];
      const shown = own.find((t) => t.locale === reader && t.status === "ready") ?? own.find((t) => t.locale === course.defaultLocale);
      return {
        id: course.id,
        slug: course.slug,
        title: shown?.title || course.slug,
        status: course.status as CourseStatus,
        defaultLocale: course.defaultLocale,
        owner: toOrganisationRef(owner, reader),
      };
    });
  }

  /** Translators and authors only; each sees the courses of the owners they translate for. */
  function requireTranslator(actor: Actor | null) {
    const signedIn = requireActor(actor);
    if (!isGlobalStaff(signedIn) && !signedIn.roles.some((g) => translatorLike.has(g.role))) throw forbidden();
    return signedIn;
  }

  async function queue(
    actor: Actor | null,
    filter: { locale?: string | undefined; owner?: string | undefined },
    reader: Locale,
  ): Promise<QueueItemDto[]> {
    const signedIn = requireTranslator(actor);
    const locale = filter.locale ? parseInput(contentLocaleSchema, filter.locale) : undefined;
    const rows = (
      await db
        .select({ course: courses, owner: organisations })
        .from(courses)
        .innerJoin(organisations, eq(organisations.id, courses.ownerOrganisationId))
        .where(and(ne(courses.status, "archived"), filter.owner ? eq(organisations.slug, filter.owner) : undefined))
    ).filter((r) => canTranslate(signedIn, r.course.ownerOrganisationId));
    const texts = await loadTexts(
      db,
      rows.map((r) => r.course.id),
    );
    if (!texts) return [];
    const infos = courseInfos(rows, texts, reader);
    const items: QueueItemDto[] = [];
    for (const info of infos) {
      const targets = texts.courseTexts
        .filter((t) => t.courseId === info.id && t.locale !== info.defaultLocale && (!locale || t.locale === locale))
        .map((t) => t.locale)
        .sort();
      for (const target of targets) {
        const editor = editorOf(texts, info, target);
        const total = editor.counts.missing + editor.counts.draft + editor.counts.ready;
        items.push({ course: info, locale: target, status: editor.status, counts: editor.counts, total });
      }
    }
    // The most work left first; then by title, so the list is stable.
    return items.sort(
      (a, b) =>
        b.counts.missing + b.counts.draft - (a.counts.missing + a.counts.draft) || a.course.title.localeCompare(b.course.title, reader),
    );
  }

  async function editor(actor: Actor | null, ref: string, target: string, reader: Locale): Promise<TranslationEditorDto> {
    const signedIn = requireActor(actor);
    const locale = parseInput(contentLocaleSchema, target);
    const course = await findCourseRow(db, ref);
    if (!canTranslate(signedIn, course.ownerOrganisationId)) throw forbidden();
    if (locale === course.defaultLocale) throw fieldError("locale", "quality.field.translateDefault");
    const [owner] = await db.select().from(organisations).where(eq(organisations.id, course.ownerOrganisationId));
    const texts = (await loadTexts(db, [course.id]))!;
    const [info] = courseInfos([{ course, owner: owner! }], texts, reader);
    return editorOf(texts, info!, locale);
  }

  /** An author asks for a language: its translation appears in the queue, every field missing. */
  async function requestLanguage(actor: Actor | null, ref: string, target: string, reader: Locale): Promise<QueueItemDto> {
    const signedIn = requireActor(actor);
    const locale = parseInput(contentLocaleSchema, target);
    const course = await findCourseRow(db, ref);
    if (!canAuthor(signedIn, course.ownerOrganisationId)) throw forbidden();
    if (course.status === "archived") throw new DomainError("wrong_status", 409, { status: course.status });
    if (locale === course.defaultLocale) throw fieldError("locale", "quality.field.translateDefault");
    await db
      .insert(courseTranslations)
      .values({ courseId: course.id, locale, title: "", status: "missing", updatedAt: now() })
      .onConflictDoNothing();
    const found = await editor(signedIn, course.id, locale, reader);
    const { counts } = found;
    return { course: found.course, locale, status: found.status, counts, total: counts.missing + counts.draft + counts.ready };
  }

  return { queue, editor, requestLanguage };
}

export type TranslationQueueService = ReturnType<typeof createTranslationQueueService>;
