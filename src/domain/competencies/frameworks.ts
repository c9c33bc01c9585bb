import crypto from "node:crypto";
import { and, count, desc, eq, inArray, ne, type SQL } from "drizzle-orm";
import type { Executor, Transaction } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { existingOrganisations, organisationFacts, organisationHasSlug } from "../network/queries.ts";
import type { Actor } from "../shared/actor.ts";
import { constraintError } from "../shared/db-errors.ts";
import { fieldError } from "../shared/errors.ts";
import { freeSlug } from "../shared/slugs.ts";
import { parseInput } from "../shared/validation.ts";
import type { CompetenciesContext } from "./context.ts";
import type { FrameworkDto, FrameworkSummaryDto, Page } from "./dto.ts";
import { toFramework, toSummaries } from "./mapping.ts";
import { can } from "./permissions.ts";
import { canManage, draftToEdit, findFramework, frameworkToManage, notDraft, requireManager } from "./rows.ts";
import {
  competencyAssociations,
  competencyFrameworks,
  competencyFrameworkTexts,
  competencyItems,
  competencyItemTexts,
  competencyLevels,
} from "./schema.ts";
import {
  type FrameworkFilters,
  frameworkFiltersSchema,
  frameworkInputSchema,
  frameworkPatchSchema,
  type LevelInput,
  levelsInputSchema,
} from "./validation.ts";

/** What a clash on the frameworks' unique constraints means (concurrent writers hear the same). */
const uniqueRules = {
  competency_frameworks_slug_version_key: { code: "duplicate_slug", field: "slug", messageId: "competencies.field.slugTaken" },
  competency_frameworks_one_draft_idx: { code: "conflict", field: "version", messageId: "competencies.field.draftExists" },
} as const;

/** Frameworks, newest first; drafts only for those who manage them (the secretariat sees every draft). */
export async function listFrameworks(
  ctx: CompetenciesContext,
  actor: Actor | null,
  filters: FrameworkFilters,
  reader: Locale,
): Promise<Page<FrameworkSummaryDto>> {
  const f = parseInput(frameworkFiltersSchema, filters);
  const conditions: (SQL | undefined)[] = [
    f.owner ? organisationHasSlug(competencyFrameworks.ownerOrganisationId, f.owner) : undefined,
    f.status ? eq(competencyFrameworks.status, f.status) : undefined,
  ];
  const rows = await ctx.db
    .select()
    .from(competencyFrameworks)
    .where(and(...conditions))
    .orderBy(desc(competencyFrameworks.updatedAt), desc(competencyFrameworks.version));
  const visible: typeof rows = [];
  const seeAll = can(actor, "framework.network");
  for (const row of rows) {
    if (row.status !== "draft" || seeAll || (await canManage(ctx.db, actor, row.ownerOrganisationId))) visible.push(row);
  }
  const window = visible.slice(f.offset, f.offset + f.limit);
  return { items: await toSummaries(ctx.db, window, reader), total: visible.length, limit: f.limit, offset: f.offset };
}

export async function getFramework(ctx: CompetenciesContext, actor: Actor | null, ref: string, reader: Locale): Promise<FrameworkDto> {
  const framework = await findFramework(ctx.db, actor, ref);
  return toFramework(ctx.db, framework, reader, ctx.publicUrl);
}

/** Whether the actor may edit this framework's owner's frameworks (a page shows its forms). */
export async function canManageFramework(ctx: CompetenciesContext, actor: Actor | null, ref: string): Promise<boolean> {
  const framework = await findFramework(ctx.db, actor, ref);
  return canManage(ctx.db, actor, framework.ownerOrganisationId);
}

export async function writeLevels(tx: Executor, frameworkId: string, defaultLocale: string, levels: LevelInput[]) {
  await tx.delete(competencyLevels).where(eq(competencyLevels.frameworkId, frameworkId));
  if (!levels.length) return;
  await tx.insert(competencyLevels).values(
    levels.map((level, position) => ({
      frameworkId,
      identifier: crypto.randomUUID(),
      code: level.code,
      position,
      names: { [defaultLocale]: level.name },
      descriptions: level.description ? { [defaultLocale]: level.description } : {},
    })),
  );
}

export async function createFramework(
  ctx: CompetenciesContext,
  actor: Actor | null,
  input: unknown,
  reader: Locale,
): Promise<FrameworkDto> {
  const { db, now } = ctx;
  const data = parseInput(frameworkInputSchema, input);
  if (!(await existingOrganisations(db, [data.ownerId])).has(data.ownerId))
    throw fieldError("ownerId", "network.field.unknownOrganisation");
  await requireManager(db, actor, data.ownerId);
  const owner = (await organisationFacts(db, [data.ownerId], "en")).get(data.ownerId)!;
  const slug =
    data.slug ??
    (await freeSlug(data.title, "framework", async (s) => {
      const [row] = await db.select({ n: count() }).from(competencyFrameworks).where(eq(competencyFrameworks.slug, s));
      return (row?.n ?? 0) > 0;
    }));
  try {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(competencyFrameworks)
        .values({
          identifier: crypto.randomUUID(),
          slug,
          ownerOrganisationId: data.ownerId,
          creator: data.creator ?? owner.name,
          publisher: data.publisher ?? null,
          licence: data.licence ?? null,
          licenceUri: data.licenceUri ?? null,
          officialSourceUrl: data.officialSourceUrl ?? null,
          defaultLocale: data.defaultLocale,
          createdAt: now(),
          updatedAt: now(),
        })
        .returning({ id: competencyFrameworks.id });
      await tx.insert(competencyFrameworkTexts).values({
        frameworkId: row!.id,
        locale: data.defaultLocale,
        title: data.title,
        description: data.description ?? "",
        status: "ready",
      });
      await writeLevels(tx, row!.id, data.defaultLocale, data.levels ?? []);
      return row!.id;
    });
    return getFramework(ctx, actor, id, reader);
  } catch (error) {
    throw constraintError(error, uniqueRules);
  }
}

/** Changes a draft's description, licence and texts in its own language. */
export async function updateFramework(ctx: CompetenciesContext, actor: Actor | null, ref: string, input: unknown, reader: Locale) {
  const data = parseInput(frameworkPatchSchema, input);
  const framework = await draftToEdit(ctx.db, actor, ref);
  if (data.defaultLocale && data.defaultLocale !== framework.defaultLocale)
    throw fieldError("defaultLocale", "competencies.field.ownLanguage");
  await ctx.db.transaction(async (tx) => {
    const { title, description, levels, defaultLocale: _, ...meta } = data;
    await tx
      .update(competencyFrameworks)
      .set({ ...meta, updatedAt: ctx.now() })
      .where(eq(competencyFrameworks.id, framework.id));
    if (title !== undefined || description !== undefined) {
      await tx
        .update(competencyFrameworkTexts)
        .set({ ...(title !== undefined ? { title } : {}), ...(description !== undefined ? { description } : {}) })
        .where(and(eq(competencyFrameworkTexts.frameworkId, framework.id), eq(competencyFrameworkTexts.locale, framework.defaultLocale)));
    }
    if (levels) await replaceLevels(tx, framework.id, framework.defaultLocale, levels);
  });
  return getFramework(ctx, actor, framework.id, reader);
}

/** Replaces a draft's levels, keeping the rows (and items' links) of codes that stay. */
async function replaceLevels(tx: Transaction, frameworkId: string, defaultLocale: string, levels: LevelInput[]) {
  const current = await tx.select().from(competencyLevels).where(eq(competencyLevels.frameworkId, frameworkId));
  const byCode = new Map(current.map((l) => [l.code, l]));
  const kept = new Set(levels.map((l) => l.code));
  const gone = current.filter((l) => !kept.has(l.code)).map((l) => l.id);
  if (gone.length) await tx.delete(competencyLevels).where(inArray(competencyLevels.id, gone));
  for (const [position, level] of levels.entries()) {
    const existing = byCode.get(level.code);
    const names = { ...(existing?.names ?? {}), [defaultLocale]: level.name };
    const descriptions = { ...(existing?.descriptions ?? {}), [defaultLocale]: level.description ?? "" };
    if (existing) await tx.update(competencyLevels).set({ position, names, descriptions }).where(eq(competencyLevels.id, existing.id));
    else
      await tx
        .insert(competencyLevels)
        .values({ frameworkId, identifier: crypto.randomUUID(), code: level.code, position, names, descriptions });
  }
}

export async function setLevels(ctx: CompetenciesContext, actor: Actor | null, ref: string, input: unknown, reader: Locale) {
  const data = parseInput(levelsInputSchema, input);
  const framework = await draftToEdit(ctx.db, actor, ref);
  await ctx.db.transaction((tx) => replaceLevels(tx, framework.id, framework.defaultLocale, data.levels));
  return getFramework(ctx, actor, framework.id, reader);
}

/**
 * Publishes a draft: from now on it does not change, and the version it follows is superseded.
 * A framework with no items has nothing to align to.
 */
export async function publishFramework(ctx: CompetenciesContext, actor: Actor | null, ref: string, reader: Locale): Promise<FrameworkDto> {
  const framework = await draftToEdit(ctx.db, actor, ref);
  const [items] = await ctx.db.select({ n: count() }).from(competencyItems).where(eq(competencyItems.frameworkId, framework.id));
  if (!items?.n) throw fieldError("items", "competencies.field.noItems");
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(competencyFrameworks)
      .set({ status: "superseded", updatedAt: ctx.now() })
      .where(
        and(
          eq(competencyFrameworks.slug, framework.slug),
          eq(competencyFrameworks.status, "published"),
          ne(competencyFrameworks.id, framework.id),
        ),
      );
    await tx
      .update(competencyFrameworks)
      .set({ status: "published", publishedAt: ctx.now(), updatedAt: ctx.now() })
      .where(and(eq(competencyFrameworks.id, framework.id), eq(competencyFrameworks.status, "draft")));
  });
  return getFramework(ctx, actor, framework.id, reader);
}

/** Deletes a draft that was never published (a first version, or a next version abandoned). */
export async function deleteDraft(ctx: CompetenciesContext, actor: Actor | null, ref: string): Promise<void> {
  const framework = await draftToEdit(ctx.db, actor, ref);
  await ctx.db.delete(competencyFrameworks).where(eq(competencyFrameworks.id, framework.id));
}

/**
 * Starts the next version of a published framework: a draft copy of its texts, levels, items
 * and associations, which keep their CASE identifiers (the same competency in a new version).
 * The published version stays in force until the draft is published.
 */
export async function startNewVersion(ctx: CompetenciesContext, actor: Actor | null, ref: string, reader: Locale): Promise<FrameworkDto> {
  const source = await frameworkToManage(ctx.db, actor, ref);
  if (source.status !== "published") throw notDraft(source);
  try {
    const id = await ctx.db.transaction((tx) => copyFramework(tx, source, ctx.now()));
    return getFramework(ctx, actor, id, reader);
  } catch (error) {
    throw constraintError(error, uniqueRules);
  }
}

async function copyFramework(tx: Transaction, source: typeof competencyFrameworks.$inferSelect, at: Date): Promise<string> {
  const [latest] = await tx
    .select({ version: competencyFrameworks.version })
    .from(competencyFrameworks)
    .where(eq(competencyFrameworks.slug, source.slug))
    .orderBy(desc(competencyFrameworks.version))
    .limit(1);
  const { id: _, identifier: __, createdAt: ___, publishedAt: ____, ...meta } = source;
  const [copy] = await tx
    .insert(competencyFrameworks)
    .values({
      ...meta,
      identifier: crypto.randomUUID(),
      version: (latest?.version ?? source.version) + 1,
      status: "draft",
      previousVersionId: source.id,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: competencyFrameworks.id });
  const frameworkId = copy!.id;
  const texts = await tx.select().from(competencyFrameworkTexts).where(eq(competencyFrameworkTexts.frameworkId, source.id));
  if (texts.length) await tx.insert(competencyFrameworkTexts).values(texts.map((t) => ({ ...t, frameworkId })));
  const levels = await tx.select().from(competencyLevels).where(eq(competencyLevels.frameworkId, source.id));
  const levelIds = new Map<string, string>();
  for (const { id, ...level } of levels) {
    const [row] = await tx
      .insert(competencyLevels)
      .values({ ...level, frameworkId })
      .returning({ id: competencyLevels.id });
    levelIds.set(id, row!.id);
  }
  const items = await tx.select().from(competencyItems).where(eq(competencyItems.frameworkId, source.id));
  const itemIds = new Map(items.map((item) => [item.id, crypto.randomUUID()]));
  if (items.length) {
    await tx.insert(competencyItems).values(
      items.map((item) => ({
        ...item,
        id: itemIds.get(item.id)!,
        frameworkId,
        parentId: item.parentId ? itemIds.get(item.parentId)! : null,
        levelId: item.levelId ? (levelIds.get(item.levelId) ?? null) : null,
      })),
    );
    const itemTexts = await tx
      .select()
      .from(competencyItemTexts)
      .where(inArray(competencyItemTexts.itemId, [...itemIds.keys()]));
    if (itemTexts.length) await tx.insert(competencyItemTexts).values(itemTexts.map((t) => ({ ...t, itemId: itemIds.get(t.itemId)! })));
  }
  const associations = await tx.select().from(competencyAssociations).where(eq(competencyAssociations.frameworkId, source.id));
  if (associations.length) {
    await tx.insert(competencyAssociations).values(
      associations.map(({ id: _id, ...a }) => ({
        ...a,
        frameworkId,
        originItemId: itemIds.get(a.originItemId) ?? a.originItemId,
        destinationItemId: a.destinationItemId ? (itemIds.get(a.destinationItemId) ?? a.destinationItemId) : null,
      })),
    );
  }
  return frameworkId;
}
