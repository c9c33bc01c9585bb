import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import type { OrganisationRef } from "../network/dto.ts";
import { organisationRefs } from "../network/queries.ts";
import { readyLanguages, shownLanguage, shownText } from "../shared/reader-language.ts";
import type { FrameworkDto, FrameworkSummaryDto, ItemDto, LevelDto } from "./dto.ts";
import type { FrameworkRow, ItemRow } from "./rows.ts";
import { itemsOf } from "./rows.ts";
import { competencyFrameworks, competencyFrameworkTexts, competencyItemTexts, competencyLevels } from "./schema.ts";

export type FrameworkTextRow = typeof competencyFrameworkTexts.$inferSelect;
export type ItemTextRow = typeof competencyItemTexts.$inferSelect;
export type LevelRow = typeof competencyLevels.$inferSelect;

/** CASE URIs of this instance: the public endpoints answer them. */
export function caseUri(
  publicUrl: string,
  kind: "CFDocuments" | "CFItems" | "CFItemAssociations" | "CFPackages" | "CFRubrics",
  identifier: string,
) {
  return `${publicUrl.replace(/\/$/, "")}/ims/case/v1p0/${kind}/${encodeURIComponent(identifier)}`;
}

export async function frameworkTextsOf(db: Executor, ids: readonly string[]): Promise<Map<string, FrameworkTextRow[]>> {
  const out = new Map<string, FrameworkTextRow[]>();
  if (!ids.length) return out;
  const rows = await db
    .select()
    .from(competencyFrameworkTexts)
    .where(inArray(competencyFrameworkTexts.frameworkId, [...ids]));
  for (const row of rows) out.set(row.frameworkId, [...(out.get(row.frameworkId) ?? []), row]);
  return out;
}

export async function itemTextsOf(db: Executor, ids: readonly string[]): Promise<Map<string, ItemTextRow[]>> {
  const out = new Map<string, ItemTextRow[]>();
  if (!ids.length) return out;
  const rows = await db
    .select()
    .from(competencyItemTexts)
    .where(inArray(competencyItemTexts.itemId, [...ids]));
  for (const row of rows) out.set(row.itemId, [...(out.get(row.itemId) ?? []), row]);
  return out;
}

export async function levelsOf(db: Executor, frameworkId: string): Promise<LevelRow[]> {
  return db.select().from(competencyLevels).where(eq(competencyLevels.frameworkId, frameworkId)).orderBy(asc(competencyLevels.position));
}

/** A level's name in the reader's language, else the framework's own. */
export function toLevel(level: LevelRow, reader: Locale, defaultLocale: string): LevelDto {
  return {
    id: level.id,
    code: level.code,
    position: level.position,
    name: level.names[reader] ?? level.names[defaultLocale] ?? level.code,
    description: level.descriptions[reader] ?? level.descriptions[defaultLocale] ?? "",
  };
}

export function toItem(item: ItemRow, texts: ItemTextRow[], reader: Locale, defaultLocale: string, publicUrl: string): ItemDto {
  const shown = shownText(texts, reader, defaultLocale);
  return {
    id: item.id,
    identifier: item.identifier,
    uri: caseUri(publicUrl, "CFItems", item.identifier),
    parentId: item.parentId,
    kind: item.kind,
    code: item.code,
    position: item.position,
    levelId: item.levelId,
    title: shown?.title ?? item.code ?? "",
    description: shown?.description ?? "",
    shownLocale: shown?.locale ?? defaultLocale,
  };
}

/** Items depth first: each parent followed by its children in position order. */
export function depthFirst<T extends { id: string; parentId: string | null; position: number }>(items: T[]): T[] {
  const children = new Map<string | null, T[]>();
  for (const item of items) children.set(item.parentId, [...(children.get(item.parentId) ?? []), item]);
  for (const list of children.values()) list.sort((a, b) => a.position - b.position);
  const out: T[] = [];
  const visit = (parentId: string | null) => {
    for (const child of children.get(parentId) ?? []) {
      out.push(child);
      visit(child.id);
    }
  };
  visit(null);
  return out;
}

export function toSummary(framework: FrameworkRow, owner: OrganisationRef, texts: FrameworkTextRow[], reader: Locale): FrameworkSummaryDto {
  const shownLocale = shownLanguage(texts, reader, framework.defaultLocale);
  const shown = texts.find((t) => t.locale === shownLocale) ?? texts[0];
  return {
    id: framework.id,
    identifier: framework.identifier,
    slug: framework.slug,
    version: framework.version,
    status: framework.status,
    owner,
    creator: framework.creator,
    licence: framework.licence,
    title: shown?.title ?? framework.slug,
    description: shown?.description ?? "",
    shownLocale,
    defaultLocale: framework.defaultLocale,
    languages: readyLanguages(texts, framework.defaultLocale),
    publishedAt: framework.publishedAt?.toISOString() ?? null,
  };
}

export async function toSummaries(db: Executor, frameworks: FrameworkRow[], reader: Locale): Promise<FrameworkSummaryDto[]> {
  const [owners, texts] = await Promise.all([
    organisationRefs(
      db,
      frameworks.map((f) => f.ownerOrganisationId),
      reader,
    ),
    frameworkTextsOf(
      db,
      frameworks.map((f) => f.id),
    ),
  ]);
  return frameworks.map((f) => toSummary(f, owners.get(f.ownerOrganisationId)!, texts.get(f.id) ?? [], reader));
}

/** A framework with its levels and its whole tree, in the reader's language where ready. */
export async function toFramework(db: Executor, framework: FrameworkRow, reader: Locale, publicUrl: string): Promise<FrameworkDto> {
  const [[summary], levels, items, versions] = await Promise.all([
    toSummaries(db, [framework], reader),
    levelsOf(db, framework.id),
    itemsOf(db, [framework.id]),
    db
      .select({ id: competencyFrameworks.id, version: competencyFrameworks.version, status: competencyFrameworks.status })
      .from(competencyFrameworks)
      .where(eq(competencyFrameworks.slug, framework.slug))
      .orderBy(asc(competencyFrameworks.version)),
  ]);
  const [texts, itemTexts] = await Promise.all([
    frameworkTextsOf(db, [framework.id]),
    itemTextsOf(
      db,
      items.map((i) => i.id),
    ),
  ]);
  const next = versions.find((v) => v.version === framework.version + 1 && v.status !== "draft");
  return {
    ...summary!,
    officialSourceUrl: framework.officialSourceUrl,
    uri: caseUri(publicUrl, "CFDocuments", framework.identifier),
    supersededById: framework.status === "superseded" ? (next?.id ?? null) : null,
    translations: (texts.get(framework.id) ?? []).map((t) => ({ locale: t.locale, status: t.status })),
    levels: levels.map((l) => toLevel(l, reader, framework.defaultLocale)),
    items: depthFirst(items).map((i) => toItem(i, itemTexts.get(i.id) ?? [], reader, framework.defaultLocale, publicUrl)),
    versions,
    updatedAt: framework.updatedAt.toISOString(),
  };
}
