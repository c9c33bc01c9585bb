import { and, eq, gte, inArray, isNull, or } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { shownText } from "../shared/reader-language.ts";
import type { AlignmentTarget } from "./dto.ts";
import { caseUri } from "./mapping.ts";
import {
  competencyAlignments,
  competencyFrameworks,
  competencyFrameworkTexts,
  competencyItems,
  competencyItemTexts,
  competencyLevels,
} from "./schema.ts";

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

export type ItemHeading = { id: string; identifier: string; code: string | null; title: string; uri: string; frameworkTitle: string };

/** Items by id titled for the reader, with their CASE URI and their framework's title (a certification's alignments). */
export async function itemHeadings(
  db: Executor,
  publicUrl: string,
  ids: readonly string[],
  reader: Locale,
): Promise<Map<string, ItemHeading>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ item: competencyItems, defaultLocale: competencyFrameworks.defaultLocale })
    .from(competencyItems)
    .innerJoin(competencyFrameworks, eq(competencyFrameworks.id, competencyItems.frameworkId))
    .where(inArray(competencyItems.id, wanted));
  const frameworkIds = [...new Set(rows.map((r) => r.item.frameworkId))];
  const [texts, frameworkTexts] = await Promise.all([
    db.select().from(competencyItemTexts).where(inArray(competencyItemTexts.itemId, wanted)),
    frameworkIds.length
      ? db.select().from(competencyFrameworkTexts).where(inArray(competencyFrameworkTexts.frameworkId, frameworkIds))
      : [],
  ]);
  const itemTexts = Map.groupBy(texts, (t) => t.itemId);
  const ofFramework = Map.groupBy(frameworkTexts, (t) => t.frameworkId);
  return new Map(
    rows.map(({ item, defaultLocale }) => [
      item.id,
      {
        id: item.id,
        identifier: item.identifier,
        code: item.code,
        title: shownText(itemTexts.get(item.id) ?? [], reader, defaultLocale)?.title ?? item.code ?? item.identifier,
        uri: caseUri(publicUrl, "CFItems", item.identifier),
        frameworkTitle: shownText(ofFramework.get(item.frameworkId) ?? [], reader, defaultLocale)?.title ?? "",
      },
    ]),
  );
}

/**
 * The courses aligned to an item at the given level or above (any level when none is given, or
 * when the alignment names none): completing one demonstrates the competency.
 */
export async function coursesAlignedAtLevel(db: Executor, itemId: string, levelId: string | null): Promise<string[]> {
  let atLeast: number | null = null;
  if (levelId) {
    const [level] = await db.select({ position: competencyLevels.position }).from(competencyLevels).where(eq(competencyLevels.id, levelId));
    atLeast = level?.position ?? null;
  }
  const rows = await db
    .selectDistinct({ courseId: competencyAlignments.courseId })
    .from(competencyAlignments)
    .leftJoin(competencyLevels, eq(competencyLevels.id, competencyAlignments.levelId))
    .where(
      and(
        eq(competencyAlignments.itemId, itemId),
        atLeast === null ? undefined : or(isNull(competencyAlignments.levelId), gte(competencyLevels.position, atLeast)),
      ),
    );
  return rows.flatMap((r) => (r.courseId ? [r.courseId] : []));
}
