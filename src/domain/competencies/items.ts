import crypto from "node:crypto";
import { and, eq, isNull, max } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import type { Actor } from "../shared/actor.ts";
import { fieldError } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import type { CompetenciesContext } from "./context.ts";
import type { FrameworkDto } from "./dto.ts";
import { getFramework } from "./frameworks.ts";
import { draftToEdit, itemOf, itemsOf } from "./rows.ts";
import { competencyFrameworks, competencyItems, competencyItemTexts, competencyLevels } from "./schema.ts";
import { itemInputSchema, itemListSchema, itemPatchSchema } from "./validation.ts";

async function levelIdOf(db: Executor, frameworkId: string, code: string | null | undefined): Promise<string | null | undefined> {
  if (code === undefined) return undefined;
  if (code === null) return null;
  const [level] = await db
    .select({ id: competencyLevels.id })
    .from(competencyLevels)
    .where(and(eq(competencyLevels.frameworkId, frameworkId), eq(competencyLevels.code, code)));
  if (!level) throw fieldError("levelCode", "competencies.field.unknownLevel");
  return level.id;
}

const touch = (db: Executor, frameworkId: string, at: Date) =>
  db.update(competencyFrameworks).set({ updatedAt: at }).where(eq(competencyFrameworks.id, frameworkId));

/** Adds an area, competency or indicator to a draft, under `parentId` or at the top, after its siblings unless placed. */
export async function addItem(
  ctx: CompetenciesContext,
  actor: Actor | null,
  ref: string,
  input: unknown,
  reader: Locale,
): Promise<FrameworkDto> {
  const data = parseInput(itemInputSchema, input);
  const framework = await draftToEdit(ctx.db, actor, ref);
  if (data.parentId)
    await itemOf(ctx.db, framework.id, data.parentId).catch(() => {
      throw fieldError("parentId", "competencies.field.unknownItem");
    });
  const levelId = await levelIdOf(ctx.db, framework.id, data.levelCode);
  await ctx.db.transaction(async (tx) => {
    const siblings = data.parentId ? eq(competencyItems.parentId, data.parentId) : isNull(competencyItems.parentId);
    const [last] = await tx
      .select({ position: max(competencyItems.position) })
      .from(competencyItems)
      .where(and(eq(competencyItems.frameworkId, framework.id), siblings));
    const [item] = await tx
      .insert(competencyItems)
      .values({
        frameworkId: framework.id,
        identifier: crypto.randomUUID(),
        parentId: data.parentId ?? null,
        kind: data.kind,
        code: data.code ?? null,
        position: data.position ?? (last?.position ?? -1) + 1,
        levelId: levelId ?? null,
      })
      .returning({ id: competencyItems.id });
    await tx.insert(competencyItemTexts).values({
      itemId: item!.id,
      locale: framework.defaultLocale,
      title: data.title,
      description: data.description ?? "",
      status: "ready",
    });
    await touch(tx, framework.id, ctx.now());
  });
  return getFramework(ctx, actor, framework.id, reader);
}

export async function updateItem(
  ctx: CompetenciesContext,
  actor: Actor | null,
  ref: string,
  itemId: string,
  input: unknown,
  reader: Locale,
): Promise<FrameworkDto> {
  const data = parseInput(itemPatchSchema, input);
  const framework = await draftToEdit(ctx.db, actor, ref);
  const item = await itemOf(ctx.db, framework.id, itemId);
  const levelId = await levelIdOf(ctx.db, framework.id, data.levelCode);
  await ctx.db.transaction(async (tx) => {
    const { title, description, levelCode: _, ...fields } = data;
    const changes = { ...fields, ...(levelId !== undefined ? { levelId } : {}) };
    if (Object.keys(changes).length) await tx.update(competencyItems).set(changes).where(eq(competencyItems.id, item.id));
    if (title !== undefined || description !== undefined) {
      await tx
        .update(competencyItemTexts)
        .set({ ...(title !== undefined ? { title } : {}), ...(description !== undefined ? { description } : {}) })
        .where(and(eq(competencyItemTexts.itemId, item.id), eq(competencyItemTexts.locale, framework.defaultLocale)));
    }
    await touch(tx, framework.id, ctx.now());
  });
  return getFramework(ctx, actor, framework.id, reader);
}

/** Removes an item of a draft with everything under it. */
export async function removeItem(ctx: CompetenciesContext, actor: Actor | null, ref: string, itemId: string, reader: Locale) {
  const framework = await draftToEdit(ctx.db, actor, ref);
  const item = await itemOf(ctx.db, framework.id, itemId);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(competencyItems).where(eq(competencyItems.id, item.id));
    await touch(tx, framework.id, ctx.now());
  });
  return getFramework(ctx, actor, framework.id, reader);
}

/**
 * Adds many items to a draft in one transaction (a framework typed in or pasted at once), each
 * after its siblings; a parent is named by its code. A code already used, or a parent not yet
 * there, is refused by field and nothing is written.
 */
export async function addItems(
  ctx: CompetenciesContext,
  actor: Actor | null,
  ref: string,
  input: unknown,
  reader: Locale,
): Promise<FrameworkDto> {
  const data = parseInput(itemListSchema, input);
  const framework = await draftToEdit(ctx.db, actor, ref);
  const levels = await ctx.db.select().from(competencyLevels).where(eq(competencyLevels.frameworkId, framework.id));
  await ctx.db.transaction(async (tx) => {
    const existing = await itemsOf(tx, [framework.id]);
    const byCode = new Map(existing.filter((i) => i.code).map((i) => [i.code!, i.id]));
    const nextPosition = new Map<string | null, number>();
    for (const item of existing) nextPosition.set(item.parentId, Math.max(nextPosition.get(item.parentId) ?? 0, item.position + 1));
    for (const [index, item] of data.items.entries()) {
      if (byCode.has(item.code)) throw fieldError(`items.${index}.code`, "competencies.field.codeTaken");
      const parentId = item.parentCode ? byCode.get(item.parentCode) : null;
      if (parentId === undefined) throw fieldError(`items.${index}.parentCode`, "competencies.field.unknownItem");
      const levelId = item.levelCode ? levels.find((l) => l.code === item.levelCode)?.id : null;
      if (levelId === undefined) throw fieldError(`items.${index}.levelCode`, "competencies.field.unknownLevel");
      const position = nextPosition.get(parentId) ?? 0;
      nextPosition.set(parentId, position + 1);
      const [row] = await tx
        .insert(competencyItems)
        .values({
          frameworkId: framework.id,
          identifier: crypto.randomUUID(),
          parentId,
          kind: item.kind,
          code: item.code,
          position,
          levelId,
        })
        .returning({ id: competencyItems.id });
      byCode.set(item.code, row!.id);
      await tx.insert(competencyItemTexts).values({
        itemId: row!.id,
        locale: framework.defaultLocale,
        title: item.title,
        description: item.description ?? "",
        status: "ready",
      });
    }
    await touch(tx, framework.id, ctx.now());
  });
  return getFramework(ctx, actor, framework.id, reader);
}
