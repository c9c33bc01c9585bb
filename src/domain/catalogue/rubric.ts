import { asc, eq, max } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "../../db/client.ts";
import { type Locale, locales } from "../../i18n/locales.ts";
import { type Actor, requireRole } from "../shared/actor.ts";
import { notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import { rubricCriteria, rubricCriterionTranslations } from "./schema.ts";

/**
 * The quality rubric for online and blended teaching, kept as data: the secretariat writes its
 * criteria in the interface languages (English is required: it is every other language's fallback),
 * orders them and retires the ones it no longer uses. Reviews keep the scores of retired criteria.
 */
export type RubricCriterionDto = {
  id: string;
  position: number;
  maxScore: number;
  essential: boolean;
  active: boolean;
  /** In the reader's language when written in it, else English. */
  title: string;
  description: string;
  translations: { locale: Locale; title: string; description: string }[];
};

const criterionText = z.object({ title: z.string().trim().min(2).max(200), description: z.string().trim().max(2000).default("") }).strict();
const translations = z.partialRecord(z.enum(locales), criterionText);

export const criterionInputSchema = z
  .object({
    maxScore: z.number().int().min(1).max(10),
    essential: z.boolean(),
    active: z.boolean().default(true),
    translations: translations.refine((texts) => !!texts.en, { message: "English", path: ["en"] }),
  })
  .strict();
export type CriterionInput = z.input<typeof criterionInputSchema>;

export const criterionPatchSchema = z
  .object({
    maxScore: z.number().int().min(1).max(10),
    essential: z.boolean(),
    active: z.boolean(),
    /** The criterion's place, from 0; the others move to make room. */
    position: z.number().int().min(0).max(1000),
    /** Languages listed replace their texts; others are kept. */
    translations,
  })
  .partial()
  .strict();
export type CriterionPatch = z.input<typeof criterionPatchSchema>;

export function createRubricService(deps: { db: Database; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  async function listCriteria(reader: Locale, options: { activeOnly?: boolean } = {}): Promise<RubricCriterionDto[]> {
    const [rows, texts] = await Promise.all([
      db.select().from(rubricCriteria).orderBy(asc(rubricCriteria.position), asc(rubricCriteria.createdAt)),
      db.select().from(rubricCriterionTranslations),
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

  async function getCriterion(id: string, reader: Locale): Promise<RubricCriterionDto> {
    const found = (await listCriteria(reader)).find((c) => c.id === id);
    if (!found) throw notFound("criterion");
    return found;
  }

  async function writeTexts(tx: Transaction, criterionId: string, texts: z.output<typeof translations>) {
    for (const [locale, text] of Object.entries(texts)) {
      if (!text) continue;
      await tx
        .insert(rubricCriterionTranslations)
        .values({ criterionId, locale, ...text })
        .onConflictDoUpdate({ target: [rubricCriterionTranslations.criterionId, rubricCriterionTranslations.locale], set: text });
    }
  }

  /** Puts a criterion at `position` and numbers the rest around it, 0, 1, 2... */
  async function renumber(tx: Transaction, criterionId: string, position: number) {
    const ids = (
      await tx.select({ id: rubricCriteria.id }).from(rubricCriteria).orderBy(asc(rubricCriteria.position), asc(rubricCriteria.createdAt))
    )
      .map((r) => r.id)
      .filter((id) => id !== criterionId);
    ids.splice(Math.min(position, ids.length), 0, criterionId);
    for (const [index, id] of ids.entries()) await tx.update(rubricCriteria).set({ position: index }).where(eq(rubricCriteria.id, id));
  }

  /** Only the secretariat and platform admins write the rubric. */
  async function createCriterion(actor: Actor | null, input: unknown, locale: Locale): Promise<RubricCriterionDto> {
    requireRole(actor, []);
    const data = parseInput(criterionInputSchema, input);
    const id = await db.transaction(async (tx) => {
      const [last] = await tx.select({ position: max(rubricCriteria.position) }).from(rubricCriteria);
      const [row] = await tx
        .insert(rubricCriteria)
        .values({
          position: (last?.position ?? -1) + 1,
          maxScore: data.maxScore,
          essential: data.essential,
          active: data.active,
          createdAt: now(),
        })
        .returning({ id: rubricCriteria.id });
      await writeTexts(tx, row!.id, data.translations);
      return row!.id;
    });
    return getCriterion(id, locale);
  }

  async function updateCriterion(actor: Actor | null, id: string, patch: unknown, locale: Locale): Promise<RubricCriterionDto> {
    requireRole(actor, []);
    const data = parseInput(criterionPatchSchema, patch);
    if (!z.uuid().safeParse(id).success) throw notFound("criterion");
    await db.transaction(async (tx) => {
      const [row] = await tx.select({ id: rubricCriteria.id }).from(rubricCriteria).where(eq(rubricCriteria.id, id));
      if (!row) throw notFound("criterion");
      const { translations: texts, position, ...settings } = data;
      if (Object.values(settings).some((value) => value !== undefined)) {
        await tx.update(rubricCriteria).set(settings).where(eq(rubricCriteria.id, id));
      }
      if (texts) await writeTexts(tx, id, texts);
      if (position !== undefined) await renumber(tx, id, position);
    });
    return getCriterion(id, locale);
  }

  return { listCriteria, getCriterion, createCriterion, updateCriterion };
}

export type RubricService = ReturnType<typeof createRubricService>;
