import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { CourseDto } from "../catalogue/dto.ts";
import type { LearnerCourse } from "../catalogue/queries.ts";
import { peopleByEmail } from "../identity/queries.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { conflict, fieldError, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import type { LearningContext } from "./context.ts";
import type { EnrolmentDto } from "./dto.ts";
import { toEnrolmentDto } from "./mapping.ts";
import { can, requireAccess } from "./permissions.ts";
import { enrolmentDto, enrolmentRow, enrolmentWithProgress, findCourse, notEnrolled } from "./rows.ts";
import { enrolments } from "./schema.ts";
import { staffEnrolmentSchema } from "./validation.ts";

/** Inserts an enrolment; someone already enrolled hears 409 and nothing changes (a withdrawn one comes back). */
async function insertEnrolment(
  ctx: LearningContext,
  userId: string,
  course: LearnerCourse,
  enrolledById: string | null,
): Promise<EnrolmentDto> {
  return ctx.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(enrolments)
      .values({ userId, courseId: course.id, enrolledById, enrolledAt: ctx.now() })
      .onConflictDoNothing({ target: [enrolments.userId, enrolments.courseId] })
      .returning();
    if (inserted) return enrolmentDto(tx, inserted, course);
    const [reopened] = await tx
      .update(enrolments)
      .set({ status: "active", enrolledById, enrolledAt: ctx.now() })
      .where(and(eq(enrolments.userId, userId), eq(enrolments.courseId, course.id), eq(enrolments.status, "withdrawn")))
      .returning();
    if (!reopened) throw conflict("already_enrolled");
    return enrolmentDto(tx, reopened, course);
  });
}

/** Enrols the actor in a published course. */
export async function enrol(ctx: LearningContext, actor: Actor | null, ref: string): Promise<EnrolmentDto> {
  const learner = requireActor(actor);
  const course = await findCourse(ctx, ref);
  if (course.status !== "published") throw notFound("course");
  return insertEnrolment(ctx, learner.userId, course, null);
}

/** Whether the actor may enrol others in the courses of this owner (the course page shows or hides the way). */
export function mayEnrolOthers(_ctx: LearningContext, actor: Actor | null, ownerId: string): boolean {
  return can(actor, "enrolment.manage", ownerId);
}

/** Staff of the owner centre enrol someone who has an account, by email. */
export async function enrolByEmail(ctx: LearningContext, actor: Actor | null, ref: string, input: unknown): Promise<EnrolmentDto> {
  requireActor(actor);
  const course = await findCourse(ctx, ref);
  const staff = requireAccess(actor, "enrolment.manage", course.ownerOrganisationId);
  const { email } = parseInput(staffEnrolmentSchema, input);
  if (course.status !== "published") throw conflict("wrong_status", { status: course.status });
  const person = (await peopleByEmail(ctx.db, [email])).get(email.toLowerCase());
  if (!person) throw fieldError("email", "learning.field.unknownEmail");
  return insertEnrolment(ctx, person.id, course, staff.userId);
}

/** Leaves a course; progress is kept, so enrolling again carries on. */
export async function withdraw(ctx: LearningContext, actor: Actor | null, ref: string): Promise<EnrolmentDto> {
  const learner = requireActor(actor);
  const course = await findCourse(ctx, ref);
  const [row] = await ctx.db
    .update(enrolments)
    .set({ status: "withdrawn" })
    .where(and(eq(enrolments.userId, learner.userId), eq(enrolments.courseId, course.id), eq(enrolments.status, "active")))
    .returning();
  if (!row) throw notEnrolled();
  return enrolmentDto(ctx.db, row, course);
}

/** The actor's enrolment in a course, or null (also for anyone signed out): what the course page offers. */
export async function enrolmentIn(ctx: LearningContext, actor: Actor | null, ref: string): Promise<EnrolmentDto | null> {
  if (!actor) return null;
  const course = await findCourse(ctx, ref);
  const row = await enrolmentRow(ctx.db, actor.userId, course.id);
  return row && row.status !== "withdrawn" ? enrolmentDto(ctx.db, row, course) : null;
}

/**
 * The actor's enrolment in a course the caller has already read (the course page): the syllabus
 * it was given is the lesson list progress is counted on, so only the enrolment is read.
 */
export async function enrolmentInCourse(
  ctx: LearningContext,
  actor: Actor | null,
  course: Pick<CourseDto, "id" | "slug" | "syllabus">,
): Promise<EnrolmentDto | null> {
  if (!actor) return null;
  const found = await enrolmentWithProgress(ctx.db, actor.userId, course.id);
  if (!found || found.row.status === "withdrawn") return null;
  const list = course.syllabus.flatMap((m) => m.lessons.map((l) => ({ id: l.id, courseId: course.id, required: l.required })));
  return toEnrolmentDto(found.row, course, list, found.done);
}

/**
 * Enrols people in courses inside the caller's transaction, in one statement however many (a
 * cohort's approval admits hundreds at once). Idempotent: someone already enrolled keeps their
 * enrolment, progress and status (a cohort re-nominating a learner must not reset them). Someone
 * who had withdrawn is enrolled again, with the progress they had: admitted to a cohort, they must
 * be able to learn in its courses.
 */
export async function enrolInTransaction(
  tx: Executor,
  input: { userIds: readonly string[]; courseIds: readonly string[]; enrolledById: string | null; at: Date },
): Promise<void> {
  const rows = input.userIds.flatMap((userId) =>
    input.courseIds.map((courseId) => ({ userId, courseId, enrolledById: input.enrolledById, enrolledAt: input.at })),
  );
  if (rows.length === 0) return;
  await tx
    .insert(enrolments)
    .values(rows)
    .onConflictDoUpdate({
      target: [enrolments.userId, enrolments.courseId],
      set: { status: "active", enrolledById: sql`excluded.enrolled_by_id`, enrolledAt: sql`excluded.enrolled_at` },
      setWhere: eq(enrolments.status, "withdrawn"),
    });
}
