import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { AlignmentTarget } from "./dto.ts";
import { competencyAlignments, competencyFrameworks, competencyItems } from "./schema.ts";

/**
 * The competencies module's read API for other modules (docs/decisions/0015-module-shape.md):
 * which competencies content is aligned to, for certification rules and self-assessment gaps.
 */

const column = {
  course: competencyAlignments.courseId,
  lesson: competencyAlignments.lessonId,
  question: competencyAlignments.questionId,
  programme: competencyAlignments.programmeId,
  event: competencyAlignments.eventId,
} as const;

/** The items (of published frameworks) each of these courses, programmes... is aligned to, with the level: target id → alignments. */
export async function alignedItems(
  db: Executor,
  target: AlignmentTarget,
  ids: readonly string[],
): Promise<Map<string, { itemId: string; identifier: string; levelId: string | null }[]>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({
      targetId: column[target],
      itemId: competencyItems.id,
      identifier: competencyItems.identifier,
      levelId: competencyAlignments.levelId,
    })
    .from(competencyAlignments)
    .innerJoin(competencyItems, eq(competencyItems.id, competencyAlignments.itemId))
    .innerJoin(competencyFrameworks, eq(competencyFrameworks.id, competencyItems.frameworkId))
    .where(and(inArray(column[target], wanted), eq(competencyFrameworks.status, "published")));
  const out = new Map<string, { itemId: string; identifier: string; levelId: string | null }[]>();
  for (const { targetId, ...rest } of rows) if (targetId) out.set(targetId, [...(out.get(targetId) ?? []), rest]);
  return out;
}
