import { asc, eq, inArray } from "drizzle-orm";
import type { Transaction } from "../../../db/client.ts";
import type { Actor } from "../../shared/actor.ts";
import { notFound } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { parseInput } from "../../shared/validation.ts";
import type { CatalogueContext } from "../context.ts";
import type { AuthoringSyllabus } from "../dto.ts";
import { editableCourse } from "../guards.ts";
import { lockCourse, movedOne } from "../positions.ts";
import { courseModules, lessons } from "../schema.ts";
import { moveInputSchema } from "../validation.ts";
import { getSyllabus } from "./syllabus.ts";

type LessonPlace = { id: string; moduleId: string };

async function moduleIdsOf(tx: Transaction, courseId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: courseModules.id })
    .from(courseModules)
    .where(eq(courseModules.courseId, courseId))
    .orderBy(asc(courseModules.position), asc(courseModules.id));
  return rows.map((r) => r.id);
}

/** Positions 0..n-1 in the given order; the ids are the course's own, checked by the caller. */
async function renumberModules(tx: Transaction, ids: string[]) {
  for (const [position, id] of ids.entries()) await tx.update(courseModules).set({ position }).where(eq(courseModules.id, id));
}

/** A draft course's module one step up or down the syllabus, in one transaction. */
export async function moveModule(
  ctx: CatalogueContext,
  actor: Actor | null,
  ref: string,
  moduleId: string,
  input: unknown,
): Promise<AuthoringSyllabus> {
  const course = await editableCourse(ctx, actor, ref);
  const { direction } = parseInput(moveInputSchema, input);
  await ctx.db.transaction(async (tx) => {
    await lockCourse(tx, course.id);
    const ids = await moduleIdsOf(tx, course.id);
    if (!isUuid(moduleId) || !ids.includes(moduleId)) throw notFound("module");
    const next = movedOne(ids, (id) => id === moduleId, direction);
    if (next) await renumberModules(tx, next);
  });
  return getSyllabus(ctx, actor, course.id);
}

/**
 * The syllabus's lessons read as one list through its modules. A lesson that moves past the
 * first or last place of its module goes to the end of the module before or the start of the one
 * after, so moving is all an author needs to rearrange a syllabus.
 */
function lessonsMoved(modules: string[], list: LessonPlace[], lessonId: string, direction: "up" | "down"): LessonPlace[] | null {
  const lesson = list.find((l) => l.id === lessonId)!;
  const siblings = list.filter((l) => l.moduleId === lesson.moduleId);
  const within = movedOne(siblings, (l) => l.id === lessonId, direction);
  if (within) return [...list.filter((l) => l.moduleId !== lesson.moduleId), ...within];
  const neighbour = modules[modules.indexOf(lesson.moduleId) + (direction === "up" ? -1 : 1)];
  if (!neighbour) return null;
  const others = list.filter((l) => l.id !== lessonId);
  const moved = { id: lessonId, moduleId: neighbour };
  const target = others.filter((l) => l.moduleId === neighbour);
  const rest = others.filter((l) => l.moduleId !== neighbour);
  return direction === "up" ? [...rest, ...target, moved] : [...rest, moved, ...target];
}

/** A draft course's lesson one step up or down, across into the next module at either end; one transaction. */
export async function moveLesson(
  ctx: CatalogueContext,
  actor: Actor | null,
  ref: string,
  lessonId: string,
  input: unknown,
): Promise<AuthoringSyllabus> {
  const course = await editableCourse(ctx, actor, ref);
  const { direction } = parseInput(moveInputSchema, input);
  await ctx.db.transaction(async (tx) => {
    await lockCourse(tx, course.id);
    const modules = await moduleIdsOf(tx, course.id);
    const list = modules.length
      ? await tx
          .select({ id: lessons.id, moduleId: lessons.moduleId })
          .from(lessons)
          .where(inArray(lessons.moduleId, modules))
          .orderBy(asc(lessons.position), asc(lessons.id))
      : [];
    if (!isUuid(lessonId) || !list.some((l) => l.id === lessonId)) throw notFound("lesson");
    const next = lessonsMoved(modules, list, lessonId, direction);
    if (!next) return;
    for (const moduleId of modules) {
      const inModule = next.filter((l) => l.moduleId === moduleId);
      for (const [position, l] of inModule.entries()) {
        await tx.update(lessons).set({ position, moduleId }).where(eq(lessons.id, l.id));
      }
    }
  });
  return getSyllabus(ctx, actor, course.id);
}
