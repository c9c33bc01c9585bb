import type { Database } from "../../db/client.ts";
import type { FileStorage } from "../../infra/storage.ts";
import type { Outbox } from "../notifications/service.ts";
import type { Actor } from "../shared/actor.ts";
import { withContext } from "../shared/compose.ts";
import { listAuthoredCourses } from "./authoring/authored-courses.ts";
import { getTexts } from "./authoring/course-texts.ts";
import { getLesson as getAuthoringLesson } from "./authoring/lesson.ts";
import { moveLesson, moveModule } from "./authoring/reorder.ts";
import { getSyllabus } from "./authoring/syllabus.ts";
import type { CatalogueContext, MediaContext, ReviewContext } from "./context.ts";
import { getCourse, getCoursePage } from "./course-page.ts";
import { addTranslation } from "./course-translation.ts";
import { createCourse, updateCourse } from "./courses.ts";
import type { UploadLimits } from "./dto.ts";
import { getLesson, getLessonPage } from "./lesson-page.ts";
import { removeCaptions, uploadCaptions } from "./media/captions.ts";
import { removeCover, uploadCover } from "./media/cover.ts";
import { removeLessonFile, setExternalVideo, uploadLessonFile } from "./media/lesson-files.ts";
import { getLessonMedia } from "./media/lesson-media.ts";
import { openFile } from "./media/open-file.ts";
import { defaultUploadLimits } from "./media/storing.ts";
import { acceptAttributes } from "./media/types.ts";
import { can } from "./permissions.ts";
import { getAuthorQuiz } from "./quiz/author-quiz.ts";
import { removeQuestion, saveQuestion } from "./quiz/questions.ts";
import { moveQuestion } from "./quiz/reorder.ts";
import { setQuiz, setQuizSettings } from "./quiz/settings.ts";
import { quizTextsFor, writeQuizTranslation } from "./quiz/translations.ts";
import { adapt, courseOrigin } from "./review/adaptations.ts";
import { archive } from "./review/archive.ts";
import { discard } from "./review/discard.ts";
import { dismissNotice, notices } from "./review/notices.ts";
import { reviewQueue } from "./review/queue.ts";
import { review } from "./review/review.ts";
import { reviews } from "./review/reviews.ts";
import { getCriterion, listCriteria } from "./review/rubric.ts";
import { createCriterion, updateCriterion } from "./review/rubric-edit.ts";
import { submit } from "./review/submit.ts";
import { startRevision } from "./review/versions.ts";
import { workflow } from "./review/workflow-page.ts";
import { facets, searchCourses } from "./search.ts";
import { editor } from "./translation/editor.ts";
import { queue } from "./translation/queue.ts";
import { requestLanguage } from "./translation/request-language.ts";

/**
 * The catalogue's services, composed from its use cases (one file each): the course core, and
 * the review, translation, quiz, authoring and media parts in their folders.
 */
export type CatalogueServiceDeps = { db: Database; now: () => Date };

/** Courses: public search and pages, and the authors' writes. */
export function createCatalogueService(deps: CatalogueServiceDeps) {
  const ctx: CatalogueContext = { db: deps.db, now: deps.now };
  return withContext(ctx, {
    searchCourses,
    facets,
    getCourse,
    getCoursePage,
    getLesson,
    getLessonPage,
    createCourse,
    updateCourse,
    addTranslation,
    moveModule,
    moveLesson,
  });
}
export type CatalogueService = ReturnType<typeof createCatalogueService>;

/** The quality rubric reviewers score courses against. */
export function createRubricService(deps: CatalogueServiceDeps) {
  const ctx: CatalogueContext = { db: deps.db, now: deps.now };
  return withContext(ctx, { listCriteria, getCriterion, createCriterion, updateCriterion });
}
export type RubricService = ReturnType<typeof createRubricService>;

export type WorkflowServiceDeps = CatalogueServiceDeps & { outbox: Outbox; publicUrl: string };

/**
 * The quality gate and the life of a course: draft → in review → published (a reviewer approves,
 * scoring the rubric) or back to draft (returned with comments) → archived. A published course
 * changes through a new version (a revision merged back on approval), and other centres adapt it
 * into copies of their own that hear when it changes.
 */
export function createWorkflowService(deps: WorkflowServiceDeps) {
  const ctx: ReviewContext = { db: deps.db, now: deps.now, outbox: deps.outbox, publicUrl: deps.publicUrl };
  return withContext(ctx, {
    submit,
    review,
    reviews,
    archive,
    discard,
    startRevision,
    adapt,
    notices,
    dismissNotice,
    reviewQueue,
    courseOrigin,
    workflow,
  });
}
export type WorkflowService = ReturnType<typeof createWorkflowService>;

/** The translators' queue and editor. */
export function createTranslationQueueService(deps: CatalogueServiceDeps) {
  const ctx: CatalogueContext = { db: deps.db, now: deps.now };
  return withContext(ctx, { queue, editor, requestLanguage });
}
export type TranslationQueueService = ReturnType<typeof createTranslationQueueService>;

/** Quiz authoring and translation; what learners see and how they are graded is in learning. */
export function createQuizService(deps: CatalogueServiceDeps) {
  const ctx: CatalogueContext = { db: deps.db, now: deps.now };
  return {
    /** Whether the actor may write the quizzes of this owner's courses (to offer the editor). */
    mayEdit: (actor: Actor | null, ownerId: string) => can(actor, "course.author", ownerId),
    ...withContext(ctx, {
      getAuthorQuiz,
      setQuiz,
      setQuizSettings,
      saveQuestion,
      removeQuestion,
      moveQuestion,
      quizTextsFor,
      writeQuizTranslation,
    }),
  };
}
export type QuizService = ReturnType<typeof createQuizService>;

/** Reads for the authoring screens; every write goes through the catalogue and media services. */
export function createAuthoringService(deps: CatalogueServiceDeps) {
  const ctx: CatalogueContext = { db: deps.db, now: deps.now };
  return withContext(ctx, { listAuthoredCourses, getTexts, getSyllabus, getLesson: getAuthoringLesson });
}
export type AuthoringService = ReturnType<typeof createAuthoringService>;

export type MediaServiceDeps = CatalogueServiceDeps & { storage: FileStorage; limits?: Partial<UploadLimits> | undefined };

/** Lesson media and course covers: uploads checked by size and sniffed type, files served to those who may read them. */
export function createMediaService(deps: MediaServiceDeps) {
  const ctx: MediaContext = { db: deps.db, now: deps.now, storage: deps.storage, limits: { ...defaultUploadLimits, ...deps.limits } };
  return {
    limits: ctx.limits,
    /** The file name extensions each kind of upload takes, for file pickers. */
    accept: acceptAttributes,
    /** Where the bytes live, for writers that run in a transaction of their own (the demo seed). */
    storage: ctx.storage,
    ...withContext(ctx, {
      getLessonMedia,
      uploadLessonFile,
      uploadCaptions,
      removeCaptions,
      removeLessonFile,
      setExternalVideo,
      uploadCover,
      removeCover,
      openFile,
    }),
  };
}
export type MediaService = ReturnType<typeof createMediaService>;
