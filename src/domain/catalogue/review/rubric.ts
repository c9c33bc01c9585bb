import { asc } from "drizzle-orm";
import { type Locale, locales } from "../../../i18n/locales.ts";
import { notFound } from "../../shared/errors.ts";
import type { CatalogueContext } from "../context.ts";
import type { RubricCriterionDto } from "../dto.ts";
import { rubricCriteria, rubricCriterionTranslations } from "../schema.ts";

/**
 * The quality rubric for online and blended teaching, kept as data: the secretariat writes its
 * criteria in the interface languages (English is every other language's fallback), orders them
 * and retires the ones it no longer uses. Reviews keep the scores of retired criteria.
 */
export async function listCriteria(
  ctx: CatalogueContext,
  reader: Locale,
  options: { activeOnly?: boolean } = {},
): Promise<RubricCriterionDto[]> {
  const [rows, texts] = await Promise.all([
    ctx.db.select().from(rubricCriteria).orderBy(asc(rubricCriteria.position), asc(rubricCriteria.createdAt)),
    ctx.db.select().from(rubricCriterionTranslations),
  ]);
  return rows
    .filter((row) => row.active || !options.activeOnly)
    .map((row) => {
      const own = texts.filter((t) => t.criterionId === row.id);
      const shown = own.find((t) => t.locale === reader) ?? own.find((t) => t.locale === "en") ?? own[0];
      return {
        id: row.id,
        position: row.position,
        maxScore: row.maxScore,
        essential: row.essential,
        active: row.active,
        title: shown?.title ?? "",
        description: shown?.description ?? "",
        translations: own
          .map((t) => ({ locale: t.locale as Locale, title: t.title, description: t.description }))
          .sort((a, b) => locales.indexOf(a.locale) - locales.indexOf(b.locale)),
      };
    });
}

export async function getCriterion(ctx: CatalogueContext, id: string, reader: Locale): Promise<RubricCriterionDto> {
  const found = (await listCriteria(ctx, reader)).find((c) => c.id === id);
  if (!found) throw notFound("criterion");
  return found;
}
