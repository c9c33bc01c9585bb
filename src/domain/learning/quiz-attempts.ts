import { and, asc, eq, ne } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import type { QuizKey } from "../catalogue/dto.ts";
import { type LearnerCourse, quizForLearner } from "../catalogue/queries.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { pgErrorOf, UNIQUE_VIOLATION } from "../shared/db-errors.ts";
import { conflict, DomainError, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import type { LearningContext } from "./context.ts";
import type { AttemptAnswers, AttemptResultDto, LearnerQuizDto } from "./dto.ts";
import { answerProblems, grade } from "./grading.ts";
import { toAttemptDto } from "./mapping.ts";
import { type EnrolmentRow, enrolmentDto, findCourseLesson, notEnrolled, recordDone, requireEnrolment } from "./rows.ts";
import { enrolments, quizAttempts } from "./schema.ts";
import { attemptInputSchema } from "./validation.ts";

const answerMessages = {
  unknownQuestion: "learning.quiz.field.unknownQuestion",
  unknownOption: "learning.quiz.field.unknownOption",
  wrongAnswer: "learning.quiz.field.wrongAnswer",
} as const;

const attemptsLeft = (key: { maxAttempts: number | null }, used: number) =>
  key.maxAttempts === null ? null : Math.max(0, key.maxAttempts - used);

async function attemptsOf(tx: Executor, enrolmentId: string, lessonId: string) {
  return tx
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.enrolmentId, enrolmentId), eq(quizAttempts.lessonId, lessonId)))
    .orderBy(asc(quizAttempts.attemptNumber));
}

/** The quiz in the language its lesson is shown in, with the learner's attempts and the latest feedback. */
export async function learnerView(
  ctx: LearningContext,
  enrolment: EnrolmentRow,
  course: LearnerCourse,
  lessonId: string,
  shownLocale: string,
): Promise<LearnerQuizDto> {
  const [{ quiz, key }, attempts] = await Promise.all([
    quizForLearner(ctx.db, lessonId, shownLocale, course.defaultLocale),
    attemptsOf(ctx.db, enrolment.id, lessonId),
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
export async function getQuiz(
  ctx: LearningContext,
  actor: Actor | null,
  ref: string,
  lessonId: string,
  reader: Locale,
): Promise<LearnerQuizDto> {
  const learner = requireActor(actor);
  const { course, lesson } = await findCourseLesson(ctx, ref, lessonId);
  const enrolment = await requireEnrolment(ctx.db, learner, course.id);
  if (lesson.kind !== "quiz") throw notFound("quiz");
  const shown = await ctx.catalogue.getLesson(ref, lessonId, reader, learner);
  return learnerView(ctx, enrolment, course, lessonId, shown.shownLocale);
}

/** The answer key in the language the lesson is shown in, which decides the language of its questions. */
async function keyFor(
  ctx: LearningContext,
  actor: Actor,
  ref: string,
  lessonId: string,
  course: LearnerCourse,
  reader: Locale,
): Promise<QuizKey> {
  const lesson = await ctx.catalogue.getLesson(ref, lessonId, reader, actor);
  return (await quizForLearner(ctx.db, lessonId, lesson.shownLocale, course.defaultLocale)).key;
}

/**
 * Grades an attempt on the server and records it. The enrolment row is locked while the
 * attempts are counted, so two submissions at once cannot pass the limit between them.
 */
export async function submitAttempt(
  ctx: LearningContext,
  actor: Actor | null,
  ref: string,
  lessonId: string,
  input: unknown,
  reader: Locale,
): Promise<AttemptResultDto> {
  const learner = requireActor(actor);
  const { course, lesson } = await findCourseLesson(ctx, ref, lessonId);
  await requireEnrolment(ctx.db, learner, course.id);
  if (lesson.kind !== "quiz") throw notFound("quiz");
  const { answers } = parseInput(attemptInputSchema, input);
  const key = await keyFor(ctx, learner, ref, lessonId, course, reader);
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
    return await ctx.db.transaction(async (tx) => {
      const [enrolment] = await tx
        .select()
        .from(enrolments)
        .where(and(eq(enrolments.userId, learner.userId), eq(enrolments.courseId, course.id), ne(enrolments.status, "withdrawn")))
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
          submittedAt: ctx.now(),
        })
        .returning();
      if (result.passed) await recordDone(ctx, tx, enrolment, course, lessonId);
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
    if (pgErrorOf(error)?.code === UNIQUE_VIOLATION) throw conflict("no_attempts_left");
    throw error;
  }
}
