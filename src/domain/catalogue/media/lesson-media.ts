import { type Actor, requireActor } from "../../shared/actor.ts";
import { notFound } from "../../shared/errors.ts";
import type { MediaContext } from "../context.ts";
import type { LessonMediaAdminDto } from "../dto.ts";
import { can } from "../permissions.ts";
import { findCourse, requireLessonOf } from "../rows.ts";
import { adminMediaOf } from "./files.ts";

/** A lesson's media as those who work on the course see it, drafts and all. */
export async function getLessonMedia(ctx: MediaContext, actor: Actor | null, ref: string, lessonId: string): Promise<LessonMediaAdminDto> {
  requireActor(actor);
  const course = await findCourse(ctx.db, ref);
  if (!can(actor, "course.readDrafts", course.ownerOrganisationId)) throw notFound("course");
  await requireLessonOf(ctx.db, course.id, lessonId);
  return adminMediaOf(ctx.db, lessonId);
}
