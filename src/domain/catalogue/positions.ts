import { eq } from "drizzle-orm";
import type { Transaction } from "../../db/client.ts";
import { courses } from "./schema.ts";

export type Direction = "up" | "down";

/**
 * The list with one item moved a step, or null when it cannot move that way (already first or
 * last, or not in the list).
 */
export function movedOne<T>(items: readonly T[], isIt: (item: T) => boolean, direction: Direction): T[] | null {
  const from = items.findIndex(isIt);
  const to = direction === "up" ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= items.length) return null;
  const next = [...items];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/**
 * Moves in one course wait for each other: each reads the order it changes, so two at once must
 * not both start from the same order.
 */
export async function lockCourse(tx: Transaction, courseId: string): Promise<void> {
  await tx.select({ id: courses.id }).from(courses).where(eq(courses.id, courseId)).for("update");
}
