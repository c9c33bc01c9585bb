import { and, eq, inArray } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.ts";
import type { Actor } from "../shared/actor.ts";
import { fieldError } from "../shared/errors.ts";
import { contentLocaleSchema, parseInput } from "../shared/validation.ts";
import type { CompetenciesContext } from "./context.ts";
import type { FrameworkDto } from "./dto.ts";
import { getFramework } from "./frameworks.ts";
import { draftToEdit, frameworkToManage } from "./rows.ts";
import { competencyFrameworks, competencyFrameworkTexts, competencyItems, competencyItemTexts, competencyLevels } from "./schema.ts";
import { frameworkTranslationSchema } from "./validation.ts";

/**
 * Writes a framework's texts in one language, each with its status: readers see a language once
 * it is ready, else the framework's own. The framework's own language is its content and changes
 * only in a draft; translations into other languages may be added to published versions too
 * (they change how it reads, not what it says), as for courses.
 */
export async function addTranslation(
  ctx: CompetenciesContext,
  actor: Actor | null,
  ref: string,
  translationLocale: string,
  input: unknown,
  reader: Locale,
): Promise<FrameworkDto> {
  const target = parseInput(contentLocaleSchema, translationLocale);
  const data = parseInput(frameworkTranslationSchema, input);
  const managed = await frameworkToManage(ctx.db, actor, ref);
  const framework = target === managed.defaultLocale ? await draftToEdit(ctx.db, actor, ref) : managed;
  const itemIds = (data.items ?? []).map((i) => i.id);
  const known = itemIds.length
    ? new Set(
        (
          await ctx.db
            .select({ id: competencyItems.id })
            .from(competencyItems)
            .where(and(eq(competencyItems.frameworkId, framework.id), inArray(competencyItems.id, itemIds)))
        ).map((r) => r.id),
      )
    : new Set<string>();
  data.items?.forEach((item, i) => {
    if (!known.has(item.id)) throw fieldError(`items.${i}.id`, "competencies.field.unknownItem");
  });
  const levels = await ctx.db.select().from(competencyLevels).where(eq(competencyLevels.frameworkId, framework.id));
  const levelById = new Map(levels.map((l) => [l.id, l]));
  data.levels?.forEach((level, i) => {
    if (!levelById.has(level.id)) throw fieldError(`levels.${i}.id`, "competencies.field.unknownLevel");
  });
  await ctx.db.transaction(async (tx) => {
    if (data.title) {
      const text = { title: data.title, description: data.description ?? "", status: data.status };
      await tx
        .insert(competencyFrameworkTexts)
        .values({ frameworkId: framework.id, locale: target, ...text })
        .onConflictDoUpdate({ target: [competencyFrameworkTexts.frameworkId, competencyFrameworkTexts.locale], set: text });
    }
    for (const item of data.items ?? []) {
      const itemText = { title: item.title, description: item.description ?? "", status: item.status ?? data.status };
      await tx
        .insert(competencyItemTexts)
        .values({ itemId: item.id, locale: target, ...itemText })
        .onConflictDoUpdate({ target: [competencyItemTexts.itemId, competencyItemTexts.locale], set: itemText });
    }
    for (const level of data.levels ?? []) {
      const row = levelById.get(level.id)!;
      await tx
        .update(competencyLevels)
        .set({
          names: { ...row.names, [target]: level.name },
          descriptions: { ...row.descriptions, ...(level.description ? { [target]: level.description } : {}) },
        })
        .where(eq(competencyLevels.id, row.id));
    }
    await tx.update(competencyFrameworks).set({ updatedAt: ctx.now() }).where(eq(competencyFrameworks.id, framework.id));
  });
  return getFramework(ctx, actor, framework.id, reader);
}
