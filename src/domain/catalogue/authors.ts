import { and, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { peopleByIds } from "../identity/queries.ts";
import type { Actor } from "../shared/actor.ts";
import { DomainError } from "../shared/errors.ts";
import { courseAuthors } from "./schema.ts";

/**
 * Separation of duties (docs/security.md): the people who wrote a version of a course are
 * recorded as they write it, and none of them may review that version, whatever roles they hold.
 */

/** Notes the actor as one of the version's authors; an actor without an account (the seed's system actor) is not recorded. */
export async function recordAuthor(db: Executor, courseId: string, actor: Actor, at: Date): Promise<void> {
  if (!(await peopleByIds(db, [actor.userId])).has(actor.userId)) return;
  await db.insert(courseAuthors).values({ courseId, userId: actor.userId, firstAt: at }).onConflictDoNothing();
}

export async function isAuthorOf(db: Executor, courseId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: courseAuthors.userId })
    .from(courseAuthors)
    .where(and(eq(courseAuthors.courseId, courseId), eq(courseAuthors.userId, userId)));
  return rows.length > 0;
}

/** The versions among these that the person wrote, to leave them out of their review queue. */
export async function authoredAmong(db: Executor, userId: string): Promise<Set<string>> {
  const rows = await db.select({ courseId: courseAuthors.courseId }).from(courseAuthors).where(eq(courseAuthors.userId, userId));
  return new Set(rows.map((row) => row.courseId));
}

/** Nobody reviews their own work: 403 `own_work`. */
export async function requireNotAuthor(db: Executor, courseId: string, actor: Actor): Promise<void> {
  if (await isAuthorOf(db, courseId, actor.userId)) throw new DomainError("own_work", 403);
}
