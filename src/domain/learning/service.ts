import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import type { CourseFacts as CourseRow, QuizKey } from "../catalogue/dto.ts";
import { lessonOfCourse as findCourseLesson, courseForLearner as findCourseRow, quizForLearner as quizFor } from "../catalogue/queries.ts";
import { courseModules, courses, courseTranslations, lessons } from "../catalogue/schema.ts";
import type { CatalogueService } from "../catalogue/service.ts";
import { users } from "../identity/schema.ts";
import { type Actor, hasRole, isGlobalStaff, type Role, requireActor, requireRole } from "../shared/actor.ts";

import { pgErrorOf } from "../shared/db-errors.ts";
import { conflict, DomainError, fieldError, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import type {
  AttemptAnswers,
  AttemptDto,
  AttemptResultDto,
  EnrolmentDto,
  EnrolmentStatus,
  LearnerQuizDto,
  LearningItemDto,
  MyLearningDto,
  PlayerDto,
  PlayerLessonRef,
} from "./dto.ts";
import { enrolInTransaction } from "./enrol.ts";
import { answerProblems, grade } from "./grading.ts";
import { enrolments, lessonProgress, quizAttempts } from "./schema.ts";
import { attemptInputSchema, staffEnrolmentSchema } from "./validation.ts";

export type LearningServiceDeps = { db: Database; catalogue: CatalogueService; now?: () => Date };

type EnrolmentRow = typeof enrolments.$inferSelect;
type AttemptRow = typeof quizAttempts.$inferSelect;

/** Staff of the owner centre who enrol learners; global staff enrol anyone anywhere. */
const enrollerRoles: readonly Role[] = ["centre_admin", "centre_staff"];

const answerMessages = {
  unknownQuestion: "learning.quiz.field.unknownQuestion",
  unknownOption: "learning.quiz.field.unknownOption",
  wrongAnswer: "learning.quiz.field.wrongAnswer",
} as const;

const notEnrolled = () => new DomainError("not_enrolled", 403);

/** The lessons of a course in syllabus order. */
async function courseLessons(db: Executor, courseIds: string[]) {
  if (!courseIds.length) return [];
  return db
    .select({ id: lessons.id, courseId: courseModules.courseId, kind: lessons.kind, required: lessons.required })
    .from(lessons)
    .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
    .where(inArray(courseModules.courseId, courseIds))
    .orderBy(asc(courseModules.position), asc(courseModules.id), asc(lessons.position), asc(lessons.id));
}
type CourseLesson = Awaited<ReturnType<typeof courseLessons>>[number];

/** The lessons that count towards completion: the required ones, or all when none is marked required. */
function countedLessons(list: CourseLesson[]): CourseLesson[] {
  const required = list.filter((l) => l.required);
  return required.length ? required : list;
}

function toEnrolmentDto(row: EnrolmentRow, course: CourseRow, list: CourseLesson[], done: Set<string>): EnrolmentDto {
  const counted = countedLessons(list);
  const resume = row.lastLessonId ?? list.find((l) => !done.has(l.id))?.id ?? list[0]?.id ?? null;
  return {
    courseId: course.id,
    courseSlug: course.slug,
    status: row.status as EnrolmentStatus,
    enrolledAt: row.enrolledAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    completedVersion: row.completedVersion,
    progress: { done: counted.filter((l) => done.has(l.id)).length, required: counted.length },
    resumeLessonId: resume,
  };
}

const toAttemptDto = (row: AttemptRow): AttemptDto => ({
  attemptNumber: row.attemptNumber,
  score: row.score,
  maxScore: row.maxScore,
  percent: row.percent,
  passed: row.passed,
  submittedAt: row.submittedAt.toISOString(),
});

const attemptsLeft = (key: { maxAttempts: number | null }, used: number) =>
  key.maxAttempts === null ? null : Math.max(0, key.maxAttempts - used);

export function createLearningService(deps: LearningServiceDeps) {
  const { db, catalogue } = deps;
  const now = deps.now ?? (() => new Date());

  async function enrolmentRow(tx: Executor, userId: string, courseId: string): Promise<EnrolmentRow | undefined> {
    const [row] = await tx
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.userId, userId), eq(enrolments.courseId, courseId)));
    return row;
  }

  /** The actor's enrolment, which must not be withdrawn: learning needs one, 403 otherwise. */
  async function requireEnrolment(tx: Executor, actor: Actor, courseId: string): Promise<EnrolmentRow> {
    const row = await enrolmentRow(tx, actor.userId, courseId);
    if (!row || row.status === "withdrawn") throw notEnrolled();
    return row;
  }

  async function doneLessons(tx: Executor, enrolmentIds: string[]): Promise<Map<string, Set<string>>> {
    const byEnrolment = new Map<string, Set<string>>(enrolmentIds.map((id) => [id, new Set()]));
    if (!enrolmentIds.length) return byEnrolment;
    const rows = await tx.select().from(lessonProgress).where(inArray(lessonProgress.enrolmentId, enrolmentIds));
    for (const row of rows) byEnrolment.get(row.enrolmentId)?.add(row.lessonId);
    return byEnrolment;
  }

  async function enrolmentDto(tx: Executor, row: EnrolmentRow, course: CourseRow): Promise<EnrolmentDto> {
    const [list, done] = await Promise.all([courseLessons(tx, [course.id]), doneLessons(tx, [row.id])]);
    return toEnrolmentDto(row, course, list, done.get(row.id)!);
  }

  /**
   * Records a lesson as done and completes the enrolment once every counted lesson is: in the
   * caller's transaction, so progress and completion never disagree.
   */
  async function recordDone(tx: Executor, enrolment: EnrolmentRow, course: CourseRow, lessonId: string) {
    await tx.insert(lessonProgress).values({ enrolmentId: enrolment.id, lessonId, completedAt: now() }).onConflictDoNothing();
    if (enrolment.status === "completed") return;
    const [list, done] = await Promise.all([courseLessons(tx, [course.id]), doneLessons(tx, [enrolment.id])]);
    const finished = done.get(enrolment.id)!;
    if (countedLessons(list).every((l) => finished.has(l.id))) {
      await tx
        .update(enrolments)
        .set({ status: "completed", completedAt: now(), completedVersion: course.version })
        .where(eq(enrolments.id, enrolment.id));
    }
  }

  /** Inserts an enrolment; someone already enrolled hears 409 and nothing changes (a withdrawn one comes back). */
  async function insertEnrolment(userId: string, course: CourseRow, enrolledById: string | null): Promise<EnrolmentDto> {
    return db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(enrolments)
        .values({ userId, courseId: course.id, enrolledById, enrolledAt: now() })
        .onConflictDoNothing({ target: [enrolments.userId, enrolments.courseId] })
        .returning();
      if (inserted) return enrolmentDto(tx, inserted, course);
      const [reopened] = await tx
        .update(enrolments)
        .set({ status: "active", enrolledById, enrolledAt: now() })
        .where(and(eq(enrolments.userId, userId), eq(enrolments.courseId, course.id), eq(enrolments.status, "withdrawn")))
        .returning();
      if (!reopened) throw conflict("already_enrolled");
      return enrolmentDto(tx, reopened, course);
    });
  }

  /** Enrols the actor in a published course. */
  async function enrol(actor: Actor | null, ref: string): Promise<EnrolmentDto> {
    const a = requireActor(actor);
    const course = await findCourseRow(db, ref);
    if (course.status !== "published") throw notFound("course");
    return insertEnrolment(a.userId, course, null);
  }

  /** Whether the actor may enrol others in the courses of this owner. */
  function mayEnrolOthers(actor: Actor | null, ownerId: string): boolean {
    return isGlobalStaff(actor) || hasRole(actor, enrollerRoles, ownerId);
  }

  /** Staff of the owner centre enrol someone who has an account, by email. */
  async function enrolByEmail(actor: Actor | null, ref: string, input: unknown): Promise<EnrolmentDto> {
    requireActor(actor);
    const course = await findCourseRow(db, ref);
    const staff = requireRole(actor, enrollerRoles, course.ownerOrganisationId);
    const { email } = parseInput(staffEnrolmentSchema, input);
    if (course.status !== "published") throw conflict("wrong_status", { status: course.status });
    const [user] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${email})`);
    if (!user) throw fieldError("email", "learning.field.unknownEmail");
    return insertEnrolment(user.id, course, staff.userId);
  }

  /** Leaves a course; progress is kept, so enrolling again carries on. */
  async function withdraw(actor: Actor | null, ref: string): Promise<EnrolmentDto> {
    const a = requireActor(actor);
    const course = await findCourseRow(db, ref);
    const [row] = await db
      .update(enrolments)
      .set({ status: "withdrawn" })
      .where(and(eq(enrolments.userId, a.userId), eq(enrolments.courseId, course.id), eq(enrolments.status, "active")))
      .returning();
    if (!row) throw notEnrolled();
    return enrolmentDto(db, row, course);
  }

  /** The actor's enrolment in a course, or null (also for anyone signed out): what the course page offers. */
  async function enrolmentIn(actor: Actor | null, ref: string): Promise<EnrolmentDto | null> {
    if (!actor) return null;
    const course = await findCourseRow(db, ref);
    const row = await enrolmentRow(db, actor.userId, course.id);
    return row && row.status !== "withdrawn" ? enrolmentDto(db, row, course) : null;
  }

  async function attemptsOf(tx: Executor, enrolmentId: string, lessonId: string): Promise<AttemptRow[]> {
    return tx
      .select()
      .from(quizAttempts)
      .where(and(eq(quizAttempts.enrolmentId, enrolmentId), eq(quizAttempts.lessonId, lessonId)))
      .orderBy(asc(quizAttempts.attemptNumber));
  }

  /** The language a lesson is shown in decides the language of its quiz questions. */
  async function keyFor(ref: string, lessonId: string, course: CourseRow, locale: Locale, actor: Actor): Promise<QuizKey> {
    const lesson = await catalogue.getLesson(ref, lessonId, locale, actor);
    return (await quizFor(db, lessonId, lesson.shownLocale, course.defaultLocale)).key;
  }

  async function learnerView(enrolment: EnrolmentRow, course: CourseRow, lessonId: string, shownLocale: string): Promise<LearnerQuizDto> {
    const [{ quiz, key }, attempts] = await Promise.all([
      quizFor(db, lessonId, shownLocale, course.defaultLocale),
      attemptsOf(db, enrolment.id, lessonId),
    ]);
    const last = attempts.at(-1);
    // Published quizzes do not change, so grading the stored answers again gives the feedback shown then.
    const latest = last ? { ...toAttemptDto(last), questions: grade(key, last.answers as AttemptAnswers).questions } : null;
    return {
      quiz,
      attempts: attempts.map(toAttemptDto),
      attemptsLeft: attemptsLeft(key, attempts.length),
      passed: attempts.some((x) => x.passed),
      latest,
    };
  }

  /** A quiz lesson as its learner sees it, in their language where its questions are ready. */
  async function getQuiz(actor: Actor | null, ref: string, lessonId: string, locale: Locale): Promise<LearnerQuizDto> {
    const a = requireActor(actor);
    const { course, lesson } = await findCourseLesson(db, ref, lessonId);
    const enrolment = await requireEnrolment(db, a, course.id);
    if (lesson.kind !== "quiz") throw notFound("quiz");
    const shown = await catalogue.getLesson(ref, lessonId, locale, a);
    return learnerView(enrolment, course, lessonId, shown.shownLocale);
  }

  /**
   * Grades an attempt on the server and records it. The enrolment row is locked while the
   * attempts are counted, so two submissions at once cannot pass the limit between them.
   */
  async function submitAttempt(
    actor: Actor | null,
    ref: string,
    lessonId: string,
    input: unknown,
    locale: Locale,
  ): Promise<AttemptResultDto> {
    const a = requireActor(actor);
    const { course, lesson } = await findCourseLesson(db, ref, lessonId);
    await requireEnrolment(db, a, course.id);
    if (lesson.kind !== "quiz") throw notFound("quiz");
    const { answers } = parseInput(attemptInputSchema, input);
    const key = await keyFor(ref, lessonId, course, locale, a);
    if (!key.questions.length) throw notFound("quiz");
    const problems = answerProblems(key, answers);
    if (problems.length) {
      throw new DomainError(
        "validation_failed",
        400,
        {},
        problems.map((p) => ({ path: p.path, code: "custom", messageId: answerMessages[p.message] })),
      );
    }
    const result = grade(key, answers);
    try {
      return await db.transaction(async (tx) => {
        const [enrolment] = await tx
          .select()
          .from(enrolments)
          .where(and(eq(enrolments.userId, a.userId), eq(enrolments.courseId, course.id), ne(enrolments.status, "withdrawn")))
          .for("update");
        if (!enrolment) throw notEnrolled();
        const used = (await attemptsOf(tx, enrolment.id, lessonId)).length;
        if (key.maxAttempts !== null && used >= key.maxAttempts) throw conflict("no_attempts_left");
        const [row] = await tx
          .insert(quizAttempts)
          .values({
            enrolmentId: enrolment.id,
            lessonId,
            attemptNumber: used + 1,
            score: result.score,
            maxScore: result.maxScore,
            percent: result.percent,
            passed: result.passed,
            answers,
            submittedAt: now(),
          })
          .returning();
        if (result.passed) await recordDone(tx, enrolment, course, lessonId);
        const [current] = await tx.select().from(enrolments).where(eq(enrolments.id, enrolment.id));
        return {
          ...toAttemptDto(row!),
          questions: result.questions,
          attemptsLeft: attemptsLeft(key, used + 1),
          enrolment: await enrolmentDto(tx, current!, course),
        };
      });
    } catch (error) {
      // The attempt number is unique: a submission that raced past the lock still cannot add one.
      if (pgErrorOf(error)?.code === "23505") throw conflict("no_attempts_left");
      throw error;
    }
  }

  /** "Mark as done" for reading, video and file lessons; a quiz lesson is done when passed. */
  async function markDone(actor: Actor | null, ref: string, lessonId: string): Promise<EnrolmentDto> {
    const a = requireActor(actor);
    const { course, lesson } = await findCourseLesson(db, ref, lessonId);
    await requireEnrolment(db, a, course.id);
    if (lesson.kind === "quiz") throw fieldError("lessonId", "learning.field.quizDoneWhenPassed");
    return db.transaction(async (tx) => {
      const enrolment = await requireEnrolment(tx, a, course.id);
      await recordDone(tx, enrolment, course, lessonId);
      return enrolmentDto(tx, (await enrolmentRow(tx, a.userId, course.id))!, course);
    });
  }

  /**
   * What the lesson player shows: the lesson, the syllabus with what is done, previous and next,
   * and the quiz of a quiz lesson. Opening a lesson makes it the place to resume.
   */
  async function player(actor: Actor | null, ref: string, lessonId: string, locale: Locale): Promise<PlayerDto> {
    const a = requireActor(actor);
    const { course } = await findCourseLesson(db, ref, lessonId);
    const opened = await requireEnrolment(db, a, course.id);
    // The course is built once (`getCourse`): its syllabus is the outline and the lesson list progress is counted on.
    const [lesson, outline] = await Promise.all([catalogue.getLesson(ref, lessonId, locale, a), catalogue.getCourse(ref, locale, a)]);
    if (opened.lastLessonId !== lessonId) await db.update(enrolments).set({ lastLessonId: lessonId }).where(eq(enrolments.id, opened.id));
    const enrolment = { ...opened, lastLessonId: lessonId };
    const done = (await doneLessons(db, [enrolment.id])).get(enrolment.id)!;
    const list = outline.syllabus.flatMap((m) =>
      m.lessons.map((l) => ({ id: l.id, courseId: course.id, kind: l.kind, required: l.required })),
    );
    const syllabus = outline.syllabus.map((m) => ({
      id: m.id,
      title: m.title,
      lessons: m.lessons.map(
        (l): PlayerLessonRef => ({ id: l.id, title: l.title, kind: l.kind, required: l.required, done: done.has(l.id) }),
      ),
    }));
    const flat = syllabus.flatMap((m) => m.lessons);
    const index = flat.findIndex((l) => l.id === lessonId);
    return {
      lesson,
      course: {
        id: course.id,
        slug: course.slug,
        title: outline.title,
        shownLocale: outline.shownLocale,
        defaultLocale: course.defaultLocale,
      },
      syllabus,
      previous: flat[index - 1] ?? null,
      next: flat[index + 1] ?? null,
      done: done.has(lessonId),
      enrolment: toEnrolmentDto(enrolment, course, list, done),
      quiz: lesson.kind === "quiz" ? await learnerView(enrolment, course, lessonId, lesson.shownLocale) : null,
    };
  }

  /** The actor's courses, in progress (most recently enrolled first) and completed. */
  async function myLearning(actor: Actor | null, reader: Locale): Promise<MyLearningDto> {
    const a = requireActor(actor);
    const rows = await db
      .select({ enrolment: enrolments, course: courses })
      .from(enrolments)
      .innerJoin(courses, eq(courses.id, enrolments.courseId))
      .where(and(eq(enrolments.userId, a.userId), ne(enrolments.status, "withdrawn")))
      .orderBy(desc(enrolments.enrolledAt));
    const courseIds = rows.map((r) => r.course.id);
    const [list, done, texts] = await Promise.all([
      courseLessons(db, courseIds),
      doneLessons(
        db,
        rows.map((r) => r.enrolment.id),
      ),
      courseIds.length ? db.select().from(courseTranslations).where(inArray(courseTranslations.courseId, courseIds)) : [],
    ]);
    const items: LearningItemDto[] = rows.map(({ enrolment, course }) => {
      const own = texts.filter((t) => t.courseId === course.id);
      const shown = own.find((t) => t.locale === reader && t.status === "ready") ?? own.find((t) => t.locale === course.defaultLocale);
      return {
        course: {
          id: course.id,
          slug: course.slug,
          title: shown?.title ?? course.slug,
          shownLocale: shown?.locale ?? course.defaultLocale,
        },
        enrolment: toEnrolmentDto(
          enrolment,
          course,
          list.filter((l) => l.courseId === course.id),
          done.get(enrolment.id)!,
        ),
      };
    });
    return {
      inProgress: items.filter((i) => i.enrolment.status === "active"),
      completed: items.filter((i) => i.enrolment.status === "completed"),
    };
  }

  return {
    enrol,
    mayEnrolOthers,
    enrolByEmail,
    withdraw,
    enrolmentIn,
    getQuiz,
    submitAttempt,
    markDone,
    player,
    myLearning,
    /** For other modules' writes (a cohort's courses): enrols in the caller's transaction. */
    enrolInTransaction,
  };
}

export type LearningService = ReturnType<typeof createLearningService>;
