import type { Readable } from "node:stream";
import { z } from "zod";
import { locales } from "../../i18n/locales.ts";
import { organisationRef } from "../network/dto.ts";
import { page } from "../shared/dto.ts";
import {
  coCreatorRoles,
  courseCategories,
  courseLevels,
  courseStatuses,
  lessonKinds,
  noticeKinds,
  questionKinds,
  reviewDecisions,
  translationStatuses,
  type UploadKind,
} from "./values.ts";

export type { Page } from "../shared/dto.ts";

/**
 * The catalogue module's contract: what its services answer, as Zod schemas the HTTP routes use
 * as response schemas (so the API document and the types come from one declaration). Course texts
 * exist per language; a reader gets their language when its translation is ready, else the
 * course's default language, and `shownLocale` says which one they got.
 *
 * The value lists are plain arrays in values.ts, which the UI imports without bringing Zod to
 * the browser; it takes this file's types with `import type` only.
 */
export * from "./values.ts";

/** A language of course content: an ISO 639 code, not limited to the interface languages. */
export type ContentLocale = string;

// Courses and lessons, as the public catalogue shows them.

export const courseSummaryDto = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  shownLocale: z.string().describe("Language of title and summary: the reader's when ready, else defaultLocale"),
  summaryLocale: z.string().describe("Language of the summary: shownLocale, or defaultLocale when that translation's summary is empty"),
  defaultLocale: z.string(),
  languages: z.array(z.string()).describe("Languages with a ready translation, the default first"),
  owner: organisationRef,
  category: z.enum(courseCategories),
  level: z.enum(courseLevels),
  estimatedHours: z.number().int(),
  subjectTags: z.array(z.string()),
  status: z.enum(courseStatuses),
  publishedAt: z.string().nullable(),
  coverImageUrl: z.string().nullable().describe("The cover image, served by the files route"),
});
export type CourseSummaryDto = z.infer<typeof courseSummaryDto>;

export const coursePage = page(courseSummaryDto);

export const lessonOutlineDto = z.object({
  id: z.uuid(),
  position: z.number().int(),
  kind: z.enum(lessonKinds),
  required: z.boolean(),
  title: z.string(),
});
export type LessonOutlineDto = z.infer<typeof lessonOutlineDto>;

export const moduleOutlineDto = z.object({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  lessons: z.array(lessonOutlineDto),
});
export type ModuleOutlineDto = z.infer<typeof moduleOutlineDto>;

export const coCreatorDto = z.object({ organisation: organisationRef, role: z.enum(coCreatorRoles) });
export type CoCreatorDto = z.infer<typeof coCreatorDto>;

export const courseDto = courseSummaryDto.extend({
  description: z.string(),
  descriptionLocale: z.string().describe("Language of the description: shownLocale, or defaultLocale when that translation's is empty"),
  licence: z.string(),
  version: z.number().int(),
  coCreators: z.array(coCreatorDto),
  /** Every translation with its status; `languages` lists only the ready ones. */
  translations: z.array(z.object({ locale: z.string(), status: z.enum(translationStatuses) })),
  syllabus: z.array(moduleOutlineDto),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CourseDto = z.infer<typeof courseDto>;

/** What a lesson plays and offers; URLs are served by the files route with range requests. */
export const lessonMediaDto = z.object({
  /** An uploaded video, or a link to one hosted elsewhere; null for lessons without video. */
  video: z.union([z.object({ url: z.string(), mimeType: z.string() }), z.object({ externalUrl: z.string() })]).nullable(),
  captions: z.array(z.object({ locale: z.string(), url: z.string() })).describe("Ready WebVTT captions, one per language"),
  downloads: z.array(
    z.object({ name: z.string(), url: z.string(), mimeType: z.string(), byteSize: z.number().int(), locale: z.string().nullable() }),
  ),
});
export type LessonMediaDto = z.infer<typeof lessonMediaDto>;

/** One lesson; also the lesson of the learning module's player. */
export const lessonDto = lessonOutlineDto.extend({
  bodyHtml: z.string().describe("Sanitised HTML"),
  media: lessonMediaDto,
  shownLocale: z.string(),
  bodyLocale: z.string().describe("Language of the body: shownLocale, or the course's default when that translation's body is empty"),
  course: z.object({ id: z.uuid(), slug: z.string(), title: z.string() }),
});
export type LessonDto = z.infer<typeof lessonDto>;

/** What the catalogue's filters can offer: languages and owners that have published courses. */
export const catalogueFacetsDto = z.object({ languages: z.array(z.string()), owners: z.array(organisationRef) });
export type CatalogueFacets = z.infer<typeof catalogueFacetsDto>;

// The review workflow: the quality gate, versions and adaptations, and the rubric.

export const courseRefDto = z.object({ id: z.uuid(), slug: z.string(), status: z.enum(courseStatuses), version: z.number().int() });
export type CourseRefDto = z.infer<typeof courseRefDto>;

export const reviewDto = z.object({
  id: z.uuid(),
  courseVersion: z.number().int(),
  decision: z.enum(reviewDecisions),
  comment: z.string(),
  reviewer: z.string().nullable().describe("The reviewer's name; null once their account is gone"),
  createdAt: z.string(),
  scores: z.array(
    z.object({
      criterionId: z.uuid(),
      title: z.string(),
      score: z.number().int(),
      maxScore: z.number().int(),
      essential: z.boolean(),
      comment: z.string(),
    }),
  ),
});
export type ReviewDto = z.infer<typeof reviewDto>;
export type ReviewScoreDto = ReviewDto["scores"][number];

export const noticeDto = z.object({
  id: z.uuid(),
  kind: z.enum(noticeKinds),
  createdAt: z.string(),
  source: z.object({ slug: z.string(), title: z.string(), version: z.number().int() }).nullable(),
});
export type NoticeDto = z.infer<typeof noticeDto>;

/** A criterion of the quality rubric; `title` and `description` in the reader's language when written in it, else English. */
export const rubricCriterionDto = z.object({
  id: z.uuid(),
  position: z.number().int(),
  maxScore: z.number().int(),
  essential: z.boolean(),
  active: z.boolean(),
  title: z.string().describe("In the reader's language, else English"),
  description: z.string(),
  translations: z.array(z.object({ locale: z.enum(locales), title: z.string(), description: z.string() })),
});
export type RubricCriterionDto = z.infer<typeof rubricCriterionDto>;

export const reviewQueueItemDto = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  owner: organisationRef,
  version: z.number().int(),
  isRevision: z.boolean(),
  submittedAt: z.string(),
});
export type ReviewQueueItemDto = z.infer<typeof reviewQueueItemDto>;

/** Where an adaptation came from, for its public page. */
export const adaptedFromDto = z.object({
  slug: z.string(),
  title: z.string(),
  owner: organisationRef,
  version: z.number().int(),
  licence: z.string(),
  published: z.boolean(),
});
export type AdaptedFromDto = z.infer<typeof adaptedFromDto>;

/** Everything the workflow page shows and offers to its reader. */
export const workflowDto = z.object({
  course: courseRefDto.extend({ title: z.string(), licence: z.string(), defaultLocale: z.string(), owner: organisationRef }),
  revisionOf: z.object({ slug: z.string(), title: z.string() }).nullable(),
  openRevision: z.object({ slug: z.string(), status: z.enum(courseStatuses) }).nullable(),
  adaptedFrom: adaptedFromDto.nullable(),
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    review: z.boolean(),
    archive: z.boolean(),
    /** Delete a draft never published. */
    discard: z.boolean(),
    revise: z.boolean(),
    adapt: z.boolean(),
    requestLanguage: z.boolean(),
    translate: z.boolean(),
  }),
  /** Languages other than the default, with the status of the course's own texts in each. */
  translations: z.array(z.object({ locale: z.string(), status: z.enum(translationStatuses) })),
  /** Organisations the reader may adapt the course for. */
  adaptFor: z.array(organisationRef),
  criteria: z.array(rubricCriterionDto),
  reviews: z.array(reviewDto).nullable(),
  notices: z.array(noticeDto),
});
export type WorkflowDto = z.infer<typeof workflowDto>;

// The translators' queue and editor.

export const fieldCountsDto = z.object({ missing: z.number().int(), draft: z.number().int(), ready: z.number().int() });
export type FieldCounts = z.infer<typeof fieldCountsDto>;

const queuedCourse = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  status: z.enum(courseStatuses),
  defaultLocale: z.string(),
  owner: organisationRef,
});
export type QueuedCourseDto = z.infer<typeof queuedCourse>;

export const queueItemDto = z.object({
  course: queuedCourse,
  locale: z.string(),
  status: z.enum(translationStatuses),
  counts: fieldCountsDto.describe("Translatable fields of the course in this language, by status"),
  total: z.number().int(),
});
export type QueueItemDto = z.infer<typeof queueItemDto>;

/** A field's text in the default language beside its translation. */
const pair = z.object({ source: z.string(), target: z.string() });
const translationStatus = z.enum(translationStatuses);

/** One course's fields in its default language beside one target language, each with its status. */
export const translationEditorDto = z.object({
  course: queuedCourse,
  locale: z.string(),
  status: translationStatus,
  title: pair,
  summary: pair,
  description: pair,
  modules: z.array(
    z.object({
      id: z.uuid(),
      title: pair,
      status: translationStatus,
      lessons: z.array(z.object({ id: z.uuid(), kind: z.enum(lessonKinds), title: pair, body: pair, status: translationStatus })),
    }),
  ),
  questions: z.array(
    z.object({
      id: z.uuid(),
      lessonId: z.uuid(),
      prompt: pair,
      feedback: pair,
      status: translationStatus,
      options: z.array(z.object({ id: z.uuid(), text: pair, status: translationStatus })),
    }),
  ),
  captions: z.array(z.object({ lessonId: z.uuid(), status: translationStatus })),
  counts: fieldCountsDto,
});
export type TranslationEditorDto = z.infer<typeof translationEditorDto>;
export type TextPair = z.infer<typeof pair>;

// The authors' screens.

/** A row of the authors' course list. */
export const authoredCourseDto = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  status: z.enum(courseStatuses),
  version: z.number().int(),
  defaultLocale: z.string(),
  translations: z.array(z.object({ locale: z.string(), status: translationStatus })),
  owner: organisationRef,
  updatedAt: z.string(),
});
export type AuthoredCourseDto = z.infer<typeof authoredCourseDto>;

/** The course's own texts, in its default language, for the form that edits them. */
export const courseTextsDto = z.object({ locale: z.string(), title: z.string(), summary: z.string(), description: z.string() });
export type CourseTextsDto = z.infer<typeof courseTextsDto>;

/**
 * The syllabus as its authors write it: in the course's default language, whatever the
 * interface language, since that is the language `updateCourse` writes.
 */
export const authoringSyllabusDto = z.array(
  z.object({
    id: z.uuid(),
    title: z.string(),
    lessons: z.array(z.object({ id: z.uuid(), title: z.string(), kind: z.enum(lessonKinds), required: z.boolean() })),
  }),
);
export type AuthoringSyllabus = z.infer<typeof authoringSyllabusDto>;

export const authoringLessonDto = z.object({
  id: z.uuid(),
  moduleId: z.uuid(),
  kind: z.enum(lessonKinds),
  required: z.boolean(),
  title: z.string(),
  /** Sanitised HTML in the default language, for the editor. */
  body: z.string(),
});
export type AuthoringLessonDto = z.infer<typeof authoringLessonDto>;

// Lesson media and uploaded files.

export const storedFileDto = z.object({
  id: z.uuid(),
  name: z.string(),
  mimeType: z.string(),
  byteSize: z.number().int(),
  sha256: z.string(),
  url: z.string().describe("Served with range requests"),
});
export type StoredFileDto = z.infer<typeof storedFileDto>;

/** Everything an author sees and changes about a lesson's media, drafts included. */
export const lessonMediaAdminDto = z.object({
  video: storedFileDto.nullable(),
  externalUrl: z.string().nullable(),
  captions: z.array(z.object({ locale: z.string(), status: z.enum(translationStatuses), file: storedFileDto })),
  downloads: z.array(storedFileDto.extend({ locale: z.string().nullable() })),
});
export type LessonMediaAdminDto = z.infer<typeof lessonMediaAdminDto>;

/** What the cover upload answers: where the new cover is served. */
export const coverImageDto = z.object({ coverImageUrl: z.string() });

/** Bytes allowed per kind of upload; the video limit comes from configuration. */
export type UploadLimits = Record<UploadKind, number>;

/** A file as its name and a stream of its bytes, read once (not JSON: what the upload routes hand over). */
export type Upload = { fileName: string; stream: Readable };

/** A stored file ready to be served: what the files route needs to answer, and its bytes. */
export type ServedFile = {
  id: string;
  name: string;
  mimeType: string;
  byteSize: number;
  sha256: string;
  /** Downloads are saved, not shown in the page; videos, captions and covers are shown. */
  disposition: "inline" | "attachment";
  /** Files of a published course may be cached by anyone; drafts only by their readers. */
  public: boolean;
  read(range?: { start: number; end: number }): Readable;
};

// Quizzes. Authors see a quiz whole, in the course's default language; learners see it without
// what is correct, each question in the lesson's language when that question's translation is
// ready, else in the default language; translators see the texts of one language next to the source.

export const authorQuizQuestionDto = z.object({
  id: z.uuid(),
  position: z.number().int(),
  kind: z.enum(questionKinds),
  points: z.number().int(),
  prompt: z.string(),
  feedback: z.string(),
  /** The answer of a true/false question; null for other kinds. */
  answerTrue: z.boolean().nullable(),
  /** Short answers accepted in the default language. */
  acceptedAnswers: z.array(z.string()),
  options: z.array(z.object({ id: z.uuid(), text: z.string(), correct: z.boolean() })),
});
export type AuthorQuizQuestionDto = z.infer<typeof authorQuizQuestionDto>;

export const authorQuizDto = z.object({
  lessonId: z.uuid(),
  lessonTitle: z.string(),
  course: z.object({ id: z.uuid(), slug: z.string(), title: z.string(), status: z.enum(courseStatuses), defaultLocale: z.string() }),
  passingScore: z.number().int(),
  maxAttempts: z.number().int().nullable(),
  editable: z.boolean().describe("False unless the course is a draft"),
  questions: z.array(authorQuizQuestionDto),
});
export type AuthorQuizDto = z.infer<typeof authorQuizDto>;

/** What a learner answers: no correct options, answers or feedback before an attempt. */
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
export type QuizDto = z.infer<typeof quizDto>;
export type QuizQuestionDto = QuizDto["questions"][number];

const quizText = z.object({ prompt: z.string(), feedback: z.string(), acceptedAnswers: z.array(z.string()) });
export type QuizTextDto = z.infer<typeof quizText>;

/** The texts of a quiz in one language next to the source (default-language) texts. */
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
export type QuizTextsDto = z.infer<typeof quizTextsDto>;

/**
 * What grading needs of a quiz, with the prompt and feedback the learner is shown. It stays on the
 * server (the learning module grades with it); no route answers it.
 */
export const quizKeyDto = z.object({
  passingScore: z.number().int(),
  maxAttempts: z.number().int().nullable(),
  questions: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(questionKinds),
      points: z.number().int(),
      prompt: z.string(),
      feedback: z.string(),
      answerTrue: z.boolean().nullable(),
      optionIds: z.array(z.uuid()),
      correctOptionIds: z.array(z.uuid()),
      /** Accepted in the language the question is shown in and in the default language. */
      acceptedAnswers: z.array(z.string()),
    }),
  ),
});
export type QuizKey = z.infer<typeof quizKeyDto>;
export type QuizKeyQuestion = QuizKey["questions"][number];

/**
 * A course as other modules need to know it to act on it (enrol, play, grade): never its texts,
 * which they get in the reader's language through the catalogue service or the queries.
 */
export const courseFactsDto = z.object({
  id: z.uuid(),
  slug: z.string(),
  status: z.enum(courseStatuses),
  version: z.number().int(),
  defaultLocale: z.string(),
  ownerOrganisationId: z.uuid(),
});
export type CourseFacts = z.infer<typeof courseFactsDto>;
