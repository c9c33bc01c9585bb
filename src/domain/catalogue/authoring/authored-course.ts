import type { Executor } from "../../../db/client.ts";
import { type Actor, requireActor } from "../../shared/actor.ts";
import { notFound } from "../../shared/errors.ts";
import { can } from "../permissions.ts";
import { type CourseRow, findCourse } from "../rows.ts";

/** A course the actor writes; to anyone else the authoring screens answer "not found". */
export async function authoredCourse(db: Executor, actor: Actor | null, ref: string): Promise<CourseRow> {
  requireActor(actor);
  const course = await findCourse(db, ref);
  if (!can(actor, "course.author", course.ownerOrganisationId)) throw notFound("course");
  return course;
}
