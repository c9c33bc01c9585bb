import { asc, eq, max } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import type { Locale } from "../../../i18n/locales.ts";
import type { Actor } from "../../shared/actor.ts";
import { notFound } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { parseInput } from "../../shared/validation.ts";
import type { CatalogueContext } from "../context.ts";
import type { RubricCriterionDto } from "../dto.ts";
import { requireAccess } from "../permissions.ts";
import { rubricCriteria, rubricCriterionTranslations } from "../schema.ts";
import { type CriterionTexts, criterionInputSchema, criterionPatchSchema } from "../validation.ts";
import { getCriterion } from "./rubric.ts";

async function writeTexts(tx: Executor, criterionId: string, texts: CriterionTexts) {
  for (const [locale, text] of Object.entries(texts)) {
    if (!text) continue;
    await tx
      .insert(rubricCriterionTranslations)
      .values({ criterionId, locale, ...text })
      .onConflictDoUpdate({ target: [rubricCriterionTranslations.criterionId, rubricCriterionTranslations.locale], set: text });
  }
}

/** Puts a criterion at `position` and numbers the rest around it, 0, 1, 2... */
async function renumber(tx: Executor, criterionId: string, position: number) {
  const ids = (
    await tx.select({ id: rubricCriteria.id }).from(rubricCriteria).orderBy(asc(rubricCriteria.position), asc(rubricCriteria.createdAt))
  )
    .map((r) => r.id)
    .filter((id) => id !== criterionId);
  ids.splice(Math.min(position, ids.length), 0, criterionId);
  for (const [index, id] of ids.entries()) await tx.update(rubricCriteria).set({ position: index }).where(eq(rubricCriteria.id, id));
}

/** A new criterion at the end of the rubric. */
export async function createCriterion(
  ctx: CatalogueContext,
  actor: Actor | null,
  input: unknown,
  reader: Locale,
): Promise<RubricCriterionDto> {
  requireAccess(actor, "rubric.manage");
  const data = parseInput(criterionInputSchema, input);
  const id = await ctx.db.transaction(async (tx) => {
    const [last] = await tx.select({ position: max(rubricCriteria.position) }).from(rubricCriteria);
    const [row] = await tx
      .insert(rubricCriteria)
      .values({
        position: (last?.position ?? -1) + 1,
        maxScore: data.maxScore,
        essential: data.essential,
        active: data.active,
        createdAt: ctx.now(),
      })
      .returning({ id: rubricCriteria.id });
    await writeTexts(tx, row!.id, data.translations);
    return row!.id;
  });
  return getCriterion(ctx, id, reader);
}

/** Changes, moves or retires a criterion; texts of the languages listed are replaced. */
export async function updateCriterion(
  ctx: CatalogueContext,
  actor: Actor | null,
  id: string,
  patch: unknown,
  reader: Locale,
): Promise<RubricCriterionDto> {
  requireAccess(actor, "rubric.manage");
  const data = parseInput(criterionPatchSchema, patch);
  if (!isUuid(id)) throw notFound("criterion");
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select({ id: rubricCriteria.id }).from(rubricCriteria).where(eq(rubricCriteria.id, id));
    if (!row) throw notFound("criterion");
    const { translations: texts, position, ...settings } = data;
    if (Object.values(settings).some((value) => value !== undefined)) {
      await tx.update(rubricCriteria).set(settings).where(eq(rubricCriteria.id, id));
    }
    if (texts) await writeTexts(tx, id, texts);
    if (position !== undefined) await renumber(tx, id, position);
  });
  return getCriterion(ctx, id, reader);
}
