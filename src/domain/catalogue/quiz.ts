import { and, asc, eq, inArray, max, notInArray } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "../../db/client.ts";
import { type Actor, requireActor } from "../shared/actor.ts";

import { conflict, fieldError, forbidden, notFound } from "../shared/errors.ts";
import { contentLocaleSchema, parseInput } from "../shared/validation.ts";
import { type CourseRow, canAuthor, canTranslate, requireEditable } from "./course-access.ts";
import type { ContentLocale, CourseStatus, TranslationStatus } from "./dto.ts";
import type { AuthorQuizDto, QuestionKind, QuizDto, QuizTextsDto } from "./quiz-dto.ts";
import {
  type QuestionInput,
  type QuizInput,
  type QuizSettingsInput,
  questionInputSchema,
  quizInputSchema,
  quizSettingsSchema,
  quizTranslationSchema,
} from "./quiz-validation.ts";
import {
  courseModules,
  courses,
  courseTranslations,
  lessons,
  lessonTranslations,
  quizOptions,
  quizOptionTranslations,
  quizQuestions,
  quizQuestionTranslations,
  quizzes,
} from "./schema.ts";
import { courseRefSchema } from "./validation.ts";

/** The database or a transaction in progress. */

const uuid = z.uuid();

/** A lesson of the course named by id or slug, with its course; 404 when either is not there. */
export async function findCourseLesson(db: Executor, ref: string, lessonId: string) {
  parseInput(courseRefSchema, ref);
  if (!uuid.safeParse(lessonId).success) throw notFound("lesson");
  const [row] = await db
    .select({ course: courses, lesson: lessons })
    .from(lessons)
    .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, courseModules.courseId))
    .where(and(eq(lessons.id, lessonId), uuid.safeParse(ref).success ? eq(courses.id, ref) : eq(courses.slug, ref)));
  if (!row) throw notFound("lesson");
  return row;
}

/** Everything stored about a quiz, in every language. */
async function loadQuiz(db: Executor, lessonId: string) {
  const [settings] = await db.select().from(quizzes).where(eq(quizzes.lessonId, lessonId));
  const questions = await db
    .select()
    .from(quizQuestions)
    .where(eq(quizQuestions.lessonId, lessonId))
    .orderBy(asc(quizQuestions.position), asc(quizQuestions.id));
  const questionIds = questions.map((q) => q.id);
  const [questionTexts, options] = questionIds.length
    ? await Promise.all([
        db.select().from(quizQuestionTranslations).where(inArray(quizQuestionTranslations.questionId, questionIds)),
        db
          .select()
          .from(quizOptions)
          .where(inArray(quizOptions.questionId, questionIds))
          .orderBy(asc(quizOptions.position), asc(quizOptions.id)),
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
  return {
    passingScore: settings?.passingScore ?? 70,
    maxAttempts: settings?.maxAttempts ?? null,
    questions: questions.map((q) => ({
      ...q,
      kind: q.kind as QuestionKind,
      texts: questionTexts.filter((t) => t.questionId === q.id),
      options: options.filter((o) => o.questionId === q.id).map((o) => ({ ...o, texts: optionTexts.filter((t) => t.optionId === o.id) })),
    })),
  };
}
type LoadedQuiz = Awaited<ReturnType<typeof loadQuiz>>;
type LoadedQuestion = LoadedQuiz["questions"][number];

const readyIn = <T extends { locale: string; status: string }>(texts: T[], locale: string) =>
  texts.find((t) => t.locale === locale && t.status === "ready");

/**
 * A question as a reader of `shownLocale` sees it: its translation when ready, else the course's
 * default language (one language per question, so prompt and options never mix).
 */
function shownQuestion(question: LoadedQuestion, shownLocale: ContentLocale, defaultLocale: ContentLocale) {
  const translated = readyIn(question.texts, shownLocale);
  const text = translated ?? question.texts.find((t) => t.locale === defaultLocale);
  const locale = translated ? shownLocale : defaultLocale;
  return {
    locale,
    prompt: text?.prompt ?? "",
    feedback: text?.feedback ?? "",
    options: question.options.map((o) => ({
      id: o.id,
      text: (readyIn(o.texts, locale) ?? o.texts.find((t) => t.locale === defaultLocale))?.text ?? "",
    })),
  };
}

export type QuizKeyQuestion = {
  id: string;
  kind: QuestionKind;
  points: number;
  prompt: string;
  feedback: string;
  answerTrue: boolean | null;
  optionIds: string[];
  correctOptionIds: string[];
  /** Accepted in the language the question is shown in and in the default language. */
  acceptedAnswers: string[];
};
export type QuizKey = { passingScore: number; maxAttempts: number | null; questions: QuizKeyQuestion[] };

/**
 * A quiz for a reader of `shownLocale`, in two parts from one read: `quiz`, what the learner answers
 * (nothing in it says what is correct), and `key`, what grading needs with the prompt and feedback
 * the learner is shown, which stays on the server.
 */
export async function quizFor(
  db: Executor,
  lessonId: string,
  shownLocale: ContentLocale,
  defaultLocale: ContentLocale,
): Promise<{ quiz: QuizDto; key: QuizKey }> {
  const loaded = await loadQuiz(db, lessonId);
  const questions = loaded.questions.map((q) => ({ q, shown: shownQuestion(q, shownLocale, defaultLocale) }));
  const answersIn = (q: LoadedQuestion, locale: string) => q.texts.find((t) => t.locale === locale)?.acceptedAnswers ?? [];
  return {
    quiz: {
      lessonId,
      passingScore: loaded.passingScore,
      maxAttempts: loaded.maxAttempts,
      maxScore: loaded.questions.reduce((sum, q) => sum + q.points, 0),
      questions: questions.map(({ q, shown }) => ({
        id: q.id,
        position: q.position,
        kind: q.kind,
        points: q.points,
        prompt: shown.prompt,
        shownLocale: shown.locale,
        options: shown.options,
      })),
    },
    key: {
      passingScore: loaded.passingScore,
      maxAttempts: loaded.maxAttempts,
      questions: questions.map(({ q, shown }) => ({
        id: q.id,
        kind: q.kind,
        points: q.points,
        prompt: shown.prompt,
        feedback: shown.feedback,
        answerTrue: q.answerTrue,
        optionIds: q.options.map((o) => o.id),
        correctOptionIds: q.options.filter((o) => o.correct).map((o) => o.id),
        acceptedAnswers: [
          ...new Set([...(shown.locale === defaultLocale ? [] : answersIn(q, shown.locale)), ...answersIn(q, defaultLocale)]),
        ],
      })),
    },
  };
}

/** Writes one question and its options in `textLocale` (the default language, as ready texts). */
async function writeQuestion(tx: Executor, lessonId: string, textLocale: ContentLocale, question: QuestionInput, position: number) {
  const fields = {
    lessonId,
    position,
    kind: question.kind,
    points: question.points ?? 1,
    answerTrue: question.kind === "true_false" ? question.answerTrue : null,
  };
  let questionId = question.id;
  if (questionId) await tx.update(quizQuestions).set(fields).where(eq(quizQuestions.id, questionId));
  else questionId = (await tx.insert(quizQuestions).values(fields).returning({ id: quizQuestions.id }))[0]!.id;
  const texts = {
    prompt: question.prompt,
    feedback: question.feedback ?? "",
    acceptedAnswers: question.kind === "short_answer" ? [...new Set(question.acceptedAnswers)] : [],
    status: "ready",
  };
  await tx
    .insert(quizQuestionTranslations)
    .values({ questionId, locale: textLocale, ...texts })
    .onConflictDoUpdate({ target: [quizQuestionTranslations.questionId, quizQuestionTranslations.locale], set: texts });

  const options = question.kind === "single" || question.kind === "multiple" ? question.options : [];
  const existing = new Set(
    (await tx.select({ id: quizOptions.id }).from(quizOptions).where(eq(quizOptions.questionId, questionId))).map((o) => o.id),
  );
  options.forEach((option, i) => {
    if (option.id && !existing.has(option.id)) throw fieldError(`options.${i}.id`, "learning.quiz.field.unknownOption");
  });
  const kept = options.flatMap((o) => (o.id ? [o.id] : []));
  if (new Set(kept).size !== kept.length) throw fieldError("options", "learning.quiz.field.unknownOption");
  await tx
    .delete(quizOptions)
    .where(and(eq(quizOptions.questionId, questionId), kept.length ? notInArray(quizOptions.id, kept) : undefined));
  for (const [optionPosition, option] of options.entries()) {
    const optionFields = { questionId, position: optionPosition, correct: option.correct };
    let optionId = option.id;
    if (optionId) await tx.update(quizOptions).set(optionFields).where(eq(quizOptions.id, optionId));
    else optionId = (await tx.insert(quizOptions).values(optionFields).returning({ id: quizOptions.id }))[0]!.id;
    await tx
      .insert(quizOptionTranslations)
      .values({ optionId, locale: textLocale, text: option.text, status: "ready" })
      .onConflictDoUpdate({ target: [quizOptionTranslations.optionId, quizOptionTranslations.locale], set: { text: option.text } });
  }
  return questionId;
}

async function writeSettings(tx: Executor, lessonId: string, settings: QuizSettingsInput) {
  await tx
    .insert(quizzes)
    .values({ lessonId, ...settings })
    .onConflictDoUpdate({ target: quizzes.lessonId, set: settings });
}

async function questionIdsOf(tx: Executor, lessonId: string): Promise<Set<string>> {
  const rows = await tx.select({ id: quizQuestions.id }).from(quizQuestions).where(eq(quizQuestions.lessonId, lessonId));
  return new Set(rows.map((r) => r.id));
}

/**
 * Makes a quiz what `input` says: its settings and questions in order. Listed ids are kept (with
 * their translations); questions left out are removed. Also used by the demo seed, before the
 * course is published.
 */
export async function writeQuiz(tx: Executor, lessonId: string, textLocale: ContentLocale, input: QuizInput) {
  const existing = await questionIdsOf(tx, lessonId);
  input.questions.forEach((q, i) => {
    if (q.id && !existing.has(q.id)) throw fieldError(`questions.${i}.id`, "learning.quiz.field.unknownQuestion");
  });
  await writeSettings(tx, lessonId, { passingScore: input.passingScore, maxAttempts: input.maxAttempts });
  const kept = input.questions.flatMap((q) => (q.id ? [q.id] : []));
  await tx
    .delete(quizQuestions)
    .where(and(eq(quizQuestions.lessonId, lessonId), kept.length ? notInArray(quizQuestions.id, kept) : undefined));
  for (const [position, question] of input.questions.entries()) {
    await writeQuestion(tx, lessonId, textLocale, question, position);
  }
}

export type QuizServiceDeps = { db: Database };

/** Quiz authoring and translation; what learners see and how they are graded is in learning. */
export function createQuizService(deps: QuizServiceDeps) {
  const { db } = deps;

  /** A quiz lesson of a course the actor may write (authors) or translate, or 403/404. */
  async function requireQuizOf(actor: Actor | null, ref: string, lessonId: string, may: (actor: Actor | null, ownerId: string) => boolean) {
    requireActor(actor);
    const { course, lesson } = await findCourseLesson(db, ref, lessonId);
    if (!may(actor, course.ownerOrganisationId)) throw forbidden();
    if (lesson.kind !== "quiz") throw notFound("quiz");
    return course;
  }

  /** Quizzes change with the rest of a draft's content; a published course changes through a revision. */
  async function requireEditableQuiz(actor: Actor | null, ref: string, lessonId: string): Promise<CourseRow> {
    const course = await requireQuizOf(actor, ref, lessonId, canAuthor);
    requireEditable(course);
    return course;
  }

  async function getAuthorQuiz(actor: Actor | null, ref: string, lessonId: string): Promise<AuthorQuizDto> {
    const course = await requireQuizOf(actor, ref, lessonId, canAuthor);
    const [quiz, [lessonText], [courseText]] = await Promise.all([
      loadQuiz(db, lessonId),
      db
        .select({ title: lessonTranslations.title })
        .from(lessonTranslations)
        .where(and(eq(lessonTranslations.lessonId, lessonId), eq(lessonTranslations.locale, course.defaultLocale))),
      db
        .select({ title: courseTranslations.title })
        .from(courseTranslations)
        .where(and(eq(courseTranslations.courseId, course.id), eq(courseTranslations.locale, course.defaultLocale))),
    ]);
    const source = (q: LoadedQuestion) => q.texts.find((t) => t.locale === course.defaultLocale);
    return {
      lessonId,
      lessonTitle: lessonText?.title ?? "",
      course: {
        id: course.id,
        slug: course.slug,
        title: courseText?.title ?? course.slug,
        status: course.status as CourseStatus,
        defaultLocale: course.defaultLocale,
      },
      passingScore: quiz.passingScore,
      maxAttempts: quiz.maxAttempts,
      editable: course.status === "draft",
      questions: quiz.questions.map((q) => ({
        id: q.id,
        position: q.position,
        kind: q.kind,
        points: q.points,
        prompt: source(q)?.prompt ?? "",
        feedback: source(q)?.feedback ?? "",
        answerTrue: q.answerTrue,
        acceptedAnswers: source(q)?.acceptedAnswers ?? [],
        options: q.options.map((o) => ({
          id: o.id,
          text: o.texts.find((t) => t.locale === course.defaultLocale)?.text ?? "",
          correct: o.correct,
        })),
      })),
    };
  }

  /** Replaces the whole quiz: settings and questions (the API's PUT). */
  async function setQuiz(actor: Actor | null, ref: string, lessonId: string, input: unknown) {
    const course = await requireEditableQuiz(actor, ref, lessonId);
    const data = parseInput(quizInputSchema, input);
    await db.transaction((tx) => writeQuiz(tx, lessonId, course.defaultLocale, data));
    return getAuthorQuiz(actor, ref, lessonId);
  }

  async function setQuizSettings(actor: Actor | null, ref: string, lessonId: string, input: unknown) {
    await requireEditableQuiz(actor, ref, lessonId);
    const data = parseInput(quizSettingsSchema, input);
    await writeSettings(db, lessonId, data);
    return getAuthorQuiz(actor, ref, lessonId);
  }

  /** Adds a question at the end, or changes the one named by `id` in place. */
  async function saveQuestion(actor: Actor | null, ref: string, lessonId: string, input: unknown) {
    const course = await requireEditableQuiz(actor, ref, lessonId);
    const data = parseInput(questionInputSchema, input);
    await db.transaction(async (tx) => {
      if (data.id && !(await questionIdsOf(tx, lessonId)).has(data.id)) throw fieldError("id", "learning.quiz.field.unknownQuestion");
      const [current] = data.id
        ? await tx.select({ position: quizQuestions.position }).from(quizQuestions).where(eq(quizQuestions.id, data.id))
        : await tx
            .select({ position: max(quizQuestions.position) })
            .from(quizQuestions)
            .where(eq(quizQuestions.lessonId, lessonId))
            .then((rows) => rows.map((r) => ({ position: r.position === null ? 0 : r.position + 1 })));
      // A quiz gets its settings row with its first question, so learners always have a pass mark.
      await tx.insert(quizzes).values({ lessonId }).onConflictDoNothing();
      await writeQuestion(tx, lessonId, course.defaultLocale, data, current?.position ?? 0);
    });
    return getAuthorQuiz(actor, ref, lessonId);
  }

  async function removeQuestion(actor: Actor | null, ref: string, lessonId: string, questionId: string) {
    await requireEditableQuiz(actor, ref, lessonId);
    if (!uuid.safeParse(questionId).success) throw notFound("question");
    const removed = await db
      .delete(quizQuestions)
      .where(and(eq(quizQuestions.id, questionId), eq(quizQuestions.lessonId, lessonId)))
      .returning({ id: quizQuestions.id });
    if (!removed.length) throw notFound("question");
    return getAuthorQuiz(actor, ref, lessonId);
  }

  /** A quiz's texts in `textLocale` next to the default-language source, for translators. */
  async function quizTextsFor(actor: Actor | null, ref: string, lessonId: string, textLocale: string): Promise<QuizTextsDto> {
    const course = await requireQuizOf(actor, ref, lessonId, canTranslate);
    const target = parseInput(contentLocaleSchema, textLocale);
    const quiz = await loadQuiz(db, lessonId);
    const textIn = (q: LoadedQuestion, l: string) => {
      const t = q.texts.find((x) => x.locale === l);
      return t
        ? { prompt: t.prompt, feedback: t.feedback, acceptedAnswers: t.acceptedAnswers, status: t.status as TranslationStatus }
        : null;
    };
    return {
      lessonId,
      locale: target,
      sourceLocale: course.defaultLocale,
      questions: quiz.questions.map((q) => {
        const source = textIn(q, course.defaultLocale);
        return {
          id: q.id,
          kind: q.kind,
          source: { prompt: source?.prompt ?? "", feedback: source?.feedback ?? "", acceptedAnswers: source?.acceptedAnswers ?? [] },
          translation: textIn(q, target),
          options: q.options.map((o) => {
            const translated = o.texts.find((t) => t.locale === target);
            return {
              id: o.id,
              source: o.texts.find((t) => t.locale === course.defaultLocale)?.text ?? "",
              translation: translated ? { text: translated.text, status: translated.status as TranslationStatus } : null,
            };
          }),
        };
      }),
    };
  }

  /**
   * Writes a quiz's texts in another language than the default, each question and option with its
   * own status: a reader gets a question in their language only once it is ready.
   */
  async function writeQuizTranslation(
    actor: Actor | null,
    ref: string,
    lessonId: string,
    textLocale: string,
    input: unknown,
  ): Promise<QuizTextsDto> {
    const course = await requireQuizOf(actor, ref, lessonId, canTranslate);
    if (course.status === "archived") throw conflict("wrong_status", { status: course.status });
    const target = parseInput(contentLocaleSchema, textLocale);
    if (target === course.defaultLocale) throw fieldError("locale", "learning.quiz.field.defaultLocale");
    const data = parseInput(quizTranslationSchema, input);
    const quiz = await loadQuiz(db, lessonId);
    data.questions.forEach((q, i) => {
      const stored = quiz.questions.find((x) => x.id === q.id);
      if (!stored) throw fieldError(`questions.${i}.id`, "learning.quiz.field.unknownQuestion");
      q.options?.forEach((o, j) => {
        if (!stored.options.some((x) => x.id === o.id))
          throw fieldError(`questions.${i}.options.${j}.id`, "learning.quiz.field.unknownOption");
      });
    });
    await db.transaction(async (tx) => {
      for (const q of data.questions) {
        const texts = {
          prompt: q.prompt,
          feedback: q.feedback ?? "",
          acceptedAnswers: [...new Set(q.acceptedAnswers ?? [])],
          status: q.status,
        };
        await tx
          .insert(quizQuestionTranslations)
          .values({ questionId: q.id, locale: target, ...texts })
          .onConflictDoUpdate({ target: [quizQuestionTranslations.questionId, quizQuestionTranslations.locale], set: texts });
        for (const o of q.options ?? []) {
          await tx
            .insert(quizOptionTranslations)
            .values({ optionId: o.id, locale: target, text: o.text, status: o.status })
            .onConflictDoUpdate({
              target: [quizOptionTranslations.optionId, quizOptionTranslations.locale],
              set: { text: o.text, status: o.status },
            });
        }
      }
    });
    return quizTextsFor(actor, ref, lessonId, target);
  }

  return { mayEdit: canAuthor, getAuthorQuiz, setQuiz, setQuizSettings, saveQuestion, removeQuestion, quizTextsFor, writeQuizTranslation };
}

export type QuizService = ReturnType<typeof createQuizService>;
