import { z } from "zod";
import { locales } from "../../i18n/locales.ts";
import { slugSchema } from "../shared/slugs.ts";
import { displayName, multiLine } from "../shared/text.ts";
import { contentLocaleSchema } from "../shared/validation.ts";
import { coCreatorRoles, courseCategories, courseLevels, courseSorts, lessonKinds, reviewDecisions } from "./dto.ts";

/** The catalogue module's inputs, checked with `parseInput` at the top of each use case and by the HTTP routes. */

const title = displayName(z.string().trim().min(2).max(200));
const summary = multiLine(z.string().trim().max(600));
const description = multiLine(z.string().trim().max(10_000));
/** Rich text before sanitising; what is stored is what the sanitiser keeps of it. */
const lessonBody = multiLine(z.string().max(200_000));

export const licenceSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9.+-]{1,39}$/, "an SPDX licence id such as CC-BY-4.0");

const subjectTags = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} -]{0,39}$/u, "a tag of letters, digits, spaces and hyphens"),
  )
  .max(20);

const coCreators = z
  .array(z.object({ organisationId: z.uuid(), role: z.enum(coCreatorRoles) }).strict())
  .max(30)
  .refine((list) => new Set(list.map((c) => `${c.organisationId}/${c.role}`)).size === list.length, "listed twice");

const lessonInput = z
  .object({
    /** An existing lesson to keep (its progress and translations); omitted for a new one. */
    id: z.uuid().optional(),
    kind: z.enum(lessonKinds),
    required: z.boolean().optional(),
    title,
    body: lessonBody.optional(),
  })
  .strict();

const moduleInput = z
  .object({
    id: z.uuid().optional(),
    title,
    lessons: z.array(lessonInput).max(100),
  })
  .strict();

/** The syllabus in the course's default language, in order. */
export const syllabusSchema = z.array(moduleInput).max(50);
export type SyllabusInput = z.infer<typeof syllabusSchema>;

export const courseInputSchema = z
  .object({
    slug: slugSchema.optional(),
    ownerId: z.uuid(),
    category: z.enum(courseCategories),
    level: z.enum(courseLevels),
    estimatedHours: z.number().int().min(1).max(2000),
    licence: licenceSchema,
    defaultLocale: contentLocaleSchema,
    subjectTags: subjectTags.optional(),
    coCreators: coCreators.optional(),
    title,
    summary,
    description: description.optional(),
    syllabus: syllabusSchema.optional(),
  })
  .strict();
export type CourseInput = z.input<typeof courseInputSchema>;

/** A patch changes only what it names; texts in other languages go through translations. */
export const coursePatchSchema = z
  .object({
    slug: slugSchema,
    ownerId: z.uuid(),
    category: z.enum(courseCategories),
    level: z.enum(courseLevels),
    estimatedHours: z.number().int().min(1).max(2000),
    licence: licenceSchema,
    defaultLocale: contentLocaleSchema,
    subjectTags,
    coCreators,
    syllabus: syllabusSchema,
  })
  .partial()
  .strict();
export type CoursePatch = z.input<typeof coursePatchSchema>;

/** What a translator says of a field (or captions): still being written, or fit for readers. */
export const fieldStatusSchema = z.enum(["draft", "ready"]);

/**
 * A course's texts in one language: the course, and any of its modules and lessons by id, each
 * with its own status (the course's when left out).
 */
export const translationInputSchema = z
  .object({
    title,
    summary,
    description: description.optional(),
    status: fieldStatusSchema,
    modules: z
      .array(z.object({ id: z.uuid(), title, status: fieldStatusSchema.optional() }).strict())
      .max(50)
      .optional(),
    lessons: z
      .array(z.object({ id: z.uuid(), title, body: lessonBody.optional(), status: fieldStatusSchema.optional() }).strict())
      .max(1000)
      .optional(),
  })
  .strict();
export type TranslationInput = z.input<typeof translationInputSchema>;

export const courseSearchSchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    lang: contentLocaleSchema.optional(),
    category: z.enum(courseCategories).optional(),
    centre: slugSchema.optional(),
    level: z.enum(courseLevels).optional(),
    sort: z.enum(courseSorts).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();
export type CourseSearch = z.input<typeof courseSearchSchema>;

/** A course is named by its id or its slug. */
export const courseRefSchema = z.union([z.uuid(), slugSchema]);

// Reviews and adaptations.

const scoreInput = z
  .object({ criterionId: z.uuid(), score: z.number().int().min(0).max(10), comment: multiLine(z.string().trim().max(2000)).default("") })
  .strict();

export const reviewInputSchema = z
  .object({
    decision: z.enum(reviewDecisions),
    comment: multiLine(z.string().trim().max(5000)).default(""),
    scores: z.array(scoreInput).max(100),
  })
  .strict()
  .refine((review) => review.decision === "approved" || review.comment.length > 0, {
    message: "quality.field.commentRequired",
    path: ["comment"],
  });
export type ReviewInput = z.input<typeof reviewInputSchema>;
export type ReviewData = z.output<typeof reviewInputSchema>;

export const adaptInputSchema = z.object({ ownerId: z.uuid() }).strict();

// The quality rubric, written in the interface languages (English required: every other language's fallback).

const criterionText = z
  .object({ title: z.string().trim().min(2).max(200), description: multiLine(z.string().trim().max(2000)).default("") })
  .strict();
const criterionTranslations = z.partialRecord(z.enum(locales), criterionText);
export type CriterionTexts = z.output<typeof criterionTranslations>;

export const criterionInputSchema = z
  .object({
    maxScore: z.number().int().min(1).max(10),
    essential: z.boolean(),
    active: z.boolean().default(true),
    translations: criterionTranslations.refine((texts) => !!texts.en, { message: "English", path: ["en"] }),
  })
  .strict();
export type CriterionInput = z.input<typeof criterionInputSchema>;

export const criterionPatchSchema = z
  .object({
    maxScore: z.number().int().min(1).max(10),
    essential: z.boolean(),
    active: z.boolean(),
    /** The criterion's place, from 0; the others move to make room. */
    position: z.number().int().min(0).max(1000),
    /** Languages listed replace their texts; others are kept. */
    translations: criterionTranslations,
  })
  .partial()
  .strict();
export type CriterionPatch = z.input<typeof criterionPatchSchema>;

// Lesson media.

/** https only: a lesson page must not load a video over plain http or from another scheme. */
export const externalVideoSchema = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https$/, hostname: z.regexes.domain }));

// Quizzes, written in the course's default language; other languages through quiz translations.

const prompt = multiLine(z.string().trim().min(1).max(2000));
const feedback = multiLine(z.string().trim().max(2000));
const points = z.number().int().min(1).max(100);
const acceptedAnswer = z.string().trim().min(1).max(200);
const optionText = z.string().trim().min(1).max(500);

const option = z.object({ id: z.uuid().optional(), text: optionText, correct: z.boolean() }).strict();
const options = z.array(option).min(2, "learning.quiz.field.twoOptions").max(10);

/** Fields every question has; `id` names a question to keep (with its translations), omitted for a new one. */
const common = { id: z.uuid().optional(), prompt, feedback: feedback.optional(), points: points.optional() };

export const questionInputSchema = z.discriminatedUnion("kind", [
  z
    .object({ ...common, kind: z.literal("single"), options })
    .strict()
    .refine((q) => q.options.filter((o) => o.correct).length === 1, {
      message: "learning.quiz.field.exactlyOneCorrect",
      path: ["options"],
    }),
  z
    .object({ ...common, kind: z.literal("multiple"), options })
    .strict()
    .refine((q) => q.options.some((o) => o.correct), { message: "learning.quiz.field.atLeastOneCorrect", path: ["options"] }),
  z.object({ ...common, kind: z.literal("true_false"), answerTrue: z.boolean() }).strict(),
  z
    .object({
      ...common,
      kind: z.literal("short_answer"),
      acceptedAnswers: z.array(acceptedAnswer).min(1, "learning.quiz.field.oneAnswer").max(20),
    })
    .strict(),
]);
export type QuestionInput = z.infer<typeof questionInputSchema>;

export const quizSettingsSchema = z
  .object({
    passingScore: z.number().int().min(0).max(100),
    /** Null: unlimited. */
    maxAttempts: z.number().int().min(1).max(100).nullable(),
  })
  .strict();
export type QuizSettingsInput = z.infer<typeof quizSettingsSchema>;

/** A whole quiz: its settings and its questions in order, in the course's default language. */
export const quizInputSchema = quizSettingsSchema
  .extend({ questions: z.array(questionInputSchema).max(100) })
  .strict()
  .refine((q) => new Set(q.questions.flatMap((x) => (x.id ? [x.id] : []))).size === q.questions.filter((x) => x.id).length, {
    message: "learning.quiz.field.duplicateQuestion",
    path: ["questions"],
  });
export type QuizInput = z.infer<typeof quizInputSchema>;

/** A quiz's texts in another language, question by question; options by id. */
export const quizTranslationSchema = z
  .object({
    questions: z
      .array(
        z
          .object({
            id: z.uuid(),
            prompt,
            feedback: feedback.optional(),
            acceptedAnswers: z.array(acceptedAnswer).max(20).optional(),
            status: fieldStatusSchema,
            options: z
              .array(z.object({ id: z.uuid(), text: optionText, status: fieldStatusSchema }).strict())
              .max(10)
              .optional(),
          })
          .strict(),
      )
      .max(100),
  })
  .strict();
export type QuizTranslationInput = z.infer<typeof quizTranslationSchema>;

/** One step of a module, lesson or question in its list: reordering without typing positions. */
export const moveInputSchema = z.object({ direction: z.enum(["up", "down"]) }).strict();
export type MoveInput = z.infer<typeof moveInputSchema>;
