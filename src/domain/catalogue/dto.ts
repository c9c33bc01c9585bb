import { z } from "zod";
import type { OrganisationRef, Page } from "../network/dto.ts";
import { questionKinds } from "./quiz-dto.ts";

/**
 * The catalogue module's contract: what its service returns and takes. Course texts exist per
 * language; a reader gets their language when its translation is ready, else the course's default
 * language, and `shownLocale` says which one they got.
 */
export const courseCategories = ["discipline", "tvet", "teacher_professional_development"] as const;
export type CourseCategory = (typeof courseCategories)[number];

export const courseLevels = ["introductory", "intermediate", "advanced"] as const;
export type CourseLevel = (typeof courseLevels)[number];

export const courseStatuses = ["draft", "in_review", "published", "archived"] as const;
export type CourseStatus = (typeof courseStatuses)[number];

export const translationStatuses = ["missing", "draft", "ready"] as const;
export type TranslationStatus = (typeof translationStatuses)[number];

export const lessonKinds = ["text", "video", "file", "quiz"] as const;
export type LessonKind = (typeof lessonKinds)[number];

export const coCreatorRoles = ["co_developer", "translator", "reviewer", "funder"] as const;
export type CoCreatorRole = (typeof coCreatorRoles)[number];

export const courseSorts = ["relevance", "newest", "title"] as const;
export type CourseSort = (typeof courseSorts)[number];

/** A language of course content: an ISO 639 code, not limited to the interface languages. */
export type ContentLocale = string;

export type CourseSummaryDto = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  /** The language of `title` and `summary`: the reader's when ready, else `defaultLocale`. */
  shownLocale: ContentLocale;
  defaultLocale: ContentLocale;
  /** Languages whose translation is ready, the default language first. */
  languages: ContentLocale[];
  owner: OrganisationRef;
  category: CourseCategory;
  level: CourseLevel;
  estimatedHours: number;
  subjectTags: string[];
  status: CourseStatus;
  publishedAt: string | null;
  /** Set through the cover upload, served by the files route. */
  coverImageUrl: string | null;
};

export type LessonOutlineDto = { id: string; position: number; kind: LessonKind; required: boolean; title: string };

export type ModuleOutlineDto = { id: string; position: number; title: string; lessons: LessonOutlineDto[] };

export type CoCreatorDto = { organisation: OrganisationRef; role: CoCreatorRole };

export type CourseTranslationStateDto = { locale: ContentLocale; status: TranslationStatus };

export type CourseDto = CourseSummaryDto & {
  description: string;
  licence: string;
  version: number;
  coCreators: CoCreatorDto[];
  /** Every translation with its status; `languages` lists only the ready ones. */
  translations: CourseTranslationStateDto[];
  syllabus: ModuleOutlineDto[];
  createdAt: string;
  updatedAt: string;
};

/** What a lesson plays and offers; URLs are served by the files route with range requests. */
export type LessonMediaDto = {
  /** An uploaded video, or a link to one hosted elsewhere; null for lessons without video. */
  video: { url: string; mimeType: string } | { externalUrl: string } | null;
  /** Ready captions, one WebVTT file per language. */
  captions: { locale: ContentLocale; url: string }[];
  downloads: { name: string; url: string; mimeType: string; byteSize: number; locale: ContentLocale | null }[];
};

export type LessonDto = LessonOutlineDto & {
  /** Sanitised HTML, safe to insert into a page. */
  bodyHtml: string;
  media: LessonMediaDto;
  shownLocale: ContentLocale;
  course: { id: string; slug: string; title: string };
};

export type CourseSearch = {
  q?: string | undefined;
  lang?: ContentLocale | undefined;
  category?: CourseCategory | undefined;
  centre?: string | undefined;
  level?: CourseLevel | undefined;
  sort?: CourseSort | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
};

/** What the catalogue's filters can offer: languages and owners that have published courses. */
export type CatalogueFacets = { languages: ContentLocale[]; owners: OrganisationRef[] };

export type { Page };

/*
 * Zod schemas of lessons and quizzes as the API answers them, declared once for the catalogue's
 * routes and the learning module's player (moved verbatim from the route files).
 */

export const lessonOutlineDto = z.object({
  id: z.uuid(),
  position: z.number().int(),
  kind: z.enum(lessonKinds),
  required: z.boolean(),
  title: z.string(),
});

/** Also the lesson of the learning module's player. */
export const lessonDto = lessonOutlineDto.extend({
  bodyHtml: z.string().describe("Sanitised HTML"),
  media: z.object({
    video: z.union([z.object({ url: z.string(), mimeType: z.string() }), z.object({ externalUrl: z.string() })]).nullable(),
    captions: z.array(z.object({ locale: z.string(), url: z.string() })).describe("Ready WebVTT captions, one per language"),
    downloads: z.array(
      z.object({ name: z.string(), url: z.string(), mimeType: z.string(), byteSize: z.number().int(), locale: z.string().nullable() }),
    ),
  }),
  shownLocale: z.string(),
  course: z.object({ id: z.uuid(), slug: z.string(), title: z.string() }),
});

/** A quiz as a learner answers it. */
export const quizDto = z
  .object({
    lessonId: z.uuid(),
    passingScore: z.number().int().describe("Percentage of the points needed to pass"),
    maxAttempts: z.number().int().nullable().describe("Null: unlimited"),
    maxScore: z.number().int(),
    questions: z.array(
      z.object({
        id: z.uuid(),
        position: z.number().int(),
        kind: z.enum(questionKinds),
        points: z.number().int(),
        prompt: z.string(),
        shownLocale: z.string().describe("The reader's language when this question's translation is ready, else the course's default"),
        options: z.array(z.object({ id: z.uuid(), text: z.string() })),
      }),
    ),
  })
  .describe("The questions without what is correct");

/** A quiz as its authors write it, answers included. */
export const authorQuizDto = z.object({
  lessonId: z.uuid(),
  lessonTitle: z.string(),
  course: z.object({ id: z.uuid(), slug: z.string(), title: z.string(), status: z.enum(courseStatuses), defaultLocale: z.string() }),
  passingScore: z.number().int(),
  maxAttempts: z.number().int().nullable(),
  editable: z.boolean().describe("False unless the course is a draft"),
  questions: z.array(
    z.object({
      id: z.uuid(),
      position: z.number().int(),
      kind: z.enum(questionKinds),
      points: z.number().int(),
      prompt: z.string(),
      feedback: z.string(),
      answerTrue: z.boolean().nullable(),
      acceptedAnswers: z.array(z.string()),
      options: z.array(z.object({ id: z.uuid(), text: z.string(), correct: z.boolean() })),
    }),
  ),
});

const quizText = z.object({ prompt: z.string(), feedback: z.string(), acceptedAnswers: z.array(z.string()) });
/** A quiz's texts in one language next to the source texts, for its translators. */
export const quizTextsDto = z.object({
  lessonId: z.uuid(),
  locale: z.string(),
  sourceLocale: z.string(),
  questions: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(questionKinds),
      source: quizText,
      translation: quizText.extend({ status: z.enum(translationStatuses) }).nullable(),
      options: z.array(
        z.object({
          id: z.uuid(),
          source: z.string(),
          translation: z.object({ text: z.string(), status: z.enum(translationStatuses) }).nullable(),
        }),
      ),
    }),
  ),
});

/** What grading needs of a quiz (correct options, accepted answers): it never leaves the server. */
export type { QuizKey } from "./quiz.ts";
