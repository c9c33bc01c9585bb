/**
 * The catalogue's value lists, as plain arrays without Zod: the UI imports them for its select
 * options and filters, so they reach the browser alone. dto.ts builds its schemas on them.
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

export const questionKinds = ["single", "multiple", "true_false", "short_answer"] as const;
export type QuestionKind = (typeof questionKinds)[number];

export const reviewDecisions = ["approved", "returned"] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

/** What a course notice tells its authors. */
export const noticeKinds = ["source_updated"] as const;

/** What a file is to its lesson: the video the player plays, or a download. */
export const lessonFileRoles = ["video", "download"] as const;
export type LessonFileRole = (typeof lessonFileRoles)[number];

/** What an upload is for; each has its own accepted types and size limit. */
export const uploadKinds = ["video", "download", "captions", "cover"] as const;
export type UploadKind = (typeof uploadKinds)[number];
