import crypto from "node:crypto";
import { count, eq } from "drizzle-orm";
import type { Transaction } from "../../db/client.ts";
import { existingOrganisations } from "../network/queries.ts";
import type { Actor } from "../shared/actor.ts";
import { fieldError } from "../shared/errors.ts";
import { freeSlug } from "../shared/slugs.ts";
import { parseInput } from "../shared/validation.ts";
import { type ReadAssociation, type ReadItem, type ReadPackage, readPackage } from "./case-read.ts";
import type { CompetenciesContext } from "./context.ts";
import type { ImportProblemDto, ImportReportDto, ItemKind } from "./dto.ts";
import { requireManager } from "./rows.ts";
import {
  competencyAssociations,
  competencyFrameworks,
  competencyFrameworkTexts,
  competencyItems,
  competencyItemTexts,
  competencyLevels,
} from "./schema.ts";
import { importInputSchema } from "./validation.ts";

type Placed = ReadItem & { id: string; parentId: string | null; kind: ItemKind; position: number };

/**
 * The tree the isChildOf associations describe. An item whose parent is not in the package is
 * placed at the top (warning); a second parent is ignored (warning); a cycle is an error on each
 * item in it, since no tree can hold them.
 */
function placeItems(pkg: ReadPackage): Placed[] {
  const byIdentifier = new Map(pkg.items.map((item) => [item.identifier, item]));
  const parentOf = new Map<string, string | null>();
  const sequence = new Map<string, number>();
  const documentId = pkg.document?.identifier;
  for (const a of pkg.associations.filter((x) => x.type === "isChildOf")) {
    const where = `CFAssociations (${a.identifier})`;
    if (!byIdentifier.has(a.origin)) {
      pkg.warnings.push({ where, messageId: "competencies.import.unknownNode", params: { value: a.origin } });
      continue;
    }
    if (parentOf.has(a.origin)) {
      pkg.warnings.push({ where, messageId: "competencies.import.secondParent" });
      continue;
    }
    const parent = a.destination.identifier === documentId ? null : a.destination.identifier;
    if (parent !== null && !byIdentifier.has(parent)) {
      pkg.warnings.push({ where, messageId: "competencies.import.unknownNode", params: { value: parent } });
      parentOf.set(a.origin, null);
    } else parentOf.set(a.origin, parent);
    // CASE counts from 1; positions count from 0.
    if (a.sequenceNumber !== null) sequence.set(a.origin, a.sequenceNumber - 1);
  }
  for (const item of pkg.items) {
    const seen = new Set<string>([item.identifier]);
    for (let at = parentOf.get(item.identifier); at; at = parentOf.get(at)) {
      if (seen.has(at)) {
        pkg.problems.push({ where: `CFItems (${item.identifier})`, messageId: "competencies.import.cycle" });
        break;
      }
      seen.add(at);
    }
  }
  const ids = new Map(pkg.items.map((item) => [item.identifier, crypto.randomUUID()]));
  const hasChildren = new Set([...parentOf.values()].filter(Boolean));
  const placed = pkg.items.map((item) => {
    const parent = parentOf.get(item.identifier) ?? null;
    const kind: ItemKind = item.kindHint ?? (!parent && hasChildren.has(item.identifier) ? "area" : "competency");
    return {
      ...item,
      id: ids.get(item.identifier)!,
      parentId: parent ? ids.get(parent)! : null,
      kind,
      position: sequence.get(item.identifier) ?? item.order,
    };
  });
  // Parents before children, so each batch's foreign keys find their rows.
  const depth = (p: Placed): number => {
    let d = 0;
    for (let at = parentOf.get(p.identifier); at && d < placed.length; at = parentOf.get(at)) d++;
    return d;
  };
  return placed
    .map((p) => ({ p, d: depth(p) }))
    .sort((a, b) => a.d - b.d)
    .map(({ p }) => p);
}

/** Other associations: the origin must be an item of the package; the destination may be anywhere. */
function linksToKeep(pkg: ReadPackage, placed: Placed[]) {
  const ids = new Map(placed.map((p) => [p.identifier, p.id]));
  const out: { association: ReadAssociation; originId: string; destinationId: string | null }[] = [];
  for (const a of pkg.associations.filter((x) => x.type !== "isChildOf")) {
    const originId = ids.get(a.origin);
    if (!originId) {
      pkg.warnings.push({ where: `CFAssociations (${a.identifier})`, messageId: "competencies.import.externalOrigin" });
      continue;
    }
    out.push({ association: a, originId, destinationId: ids.get(a.destination.identifier) ?? null });
  }
  return out;
}

const batches = <T>(rows: T[], size = 500) =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

async function writePackage(
  tx: Transaction,
  pkg: ReadPackage,
  placed: Placed[],
  frame: { ownerId: string; slug: string; identifier: string; at: Date },
) {
  const doc = pkg.document!;
  const [framework] = await tx
    .insert(competencyFrameworks)
    .values({
      identifier: frame.identifier,
      slug: frame.slug,
      ownerOrganisationId: frame.ownerId,
      creator: doc.creator ?? doc.publisher ?? "",
      publisher: doc.publisher,
      licence: doc.licence,
      licenceUri: doc.licenceUri,
      officialSourceUrl: doc.officialSourceUrl,
      defaultLocale: doc.language,
      createdAt: frame.at,
      updatedAt: frame.at,
    })
    .returning({ id: competencyFrameworks.id });
  const frameworkId = framework!.id;
  await tx
    .insert(competencyFrameworkTexts)
    .values([
      { frameworkId, locale: doc.language, title: doc.title, description: doc.description, status: "ready" as const },
      ...doc.texts.filter((t) => t.locale !== doc.language).map((t) => ({ frameworkId, ...t })),
    ]);
  const levelIds = new Map<string, string>();
  for (const [position, level] of pkg.levels.entries()) {
    const [row] = await tx
      .insert(competencyLevels)
      .values({
        frameworkId,
        identifier: level.identifier,
        code: level.code,
        position,
        names: { ...level.names, [doc.language]: level.name },
        descriptions: { ...level.descriptions, ...(level.description ? { [doc.language]: level.description } : {}) },
      })
      .returning({ id: competencyLevels.id });
    levelIds.set(level.code, row!.id);
  }
  for (const batch of batches(placed)) {
    await tx.insert(competencyItems).values(
      batch.map((p) => ({
        id: p.id,
        frameworkId,
        identifier: p.identifier,
        parentId: p.parentId,
        kind: p.kind,
        code: p.code,
        position: p.position,
        levelId: p.levelCode ? (levelIds.get(p.levelCode) ?? null) : null,
      })),
    );
  }
  const texts = placed.flatMap((p) => [
    { itemId: p.id, locale: doc.language, title: p.title, description: p.description, status: "ready" as const },
    ...p.texts.filter((t) => t.locale !== doc.language).map((t) => ({ itemId: p.id, ...t })),
  ]);
  for (const batch of batches(texts)) await tx.insert(competencyItemTexts).values(batch);
  const links = linksToKeep(pkg, placed).map(({ association: a, originId, destinationId }) => ({
    identifier: a.identifier,
    frameworkId,
    type: a.type,
    originItemId: originId,
    destinationItemId: destinationId,
    destinationIdentifier: destinationId ? null : a.destination.identifier,
    destinationUri: destinationId ? null : a.destination.uri || null,
    destinationTitle: destinationId ? null : a.destination.title || null,
    sequenceNumber: a.sequenceNumber,
  }));
  for (const batch of batches(links)) await tx.insert(competencyAssociations).values(batch);
  return { frameworkId, links: links.length };
}

/**
 * Imports a CASE package as a draft framework of the owner. Every problem is reported by item;
 * if there is any error nothing is written (one transaction), so the file can be corrected and
 * sent again.
 */
export async function importCase(ctx: CompetenciesContext, actor: Actor | null, input: unknown): Promise<ImportReportDto> {
  const data = parseInput(importInputSchema, input);
  if (!(await existingOrganisations(ctx.db, [data.ownerId])).has(data.ownerId))
    throw fieldError("ownerId", "network.field.unknownOrganisation");
  await requireManager(ctx.db, actor, data.ownerId);
  const pkg = readPackage(data.package);
  const placed = pkg.problems.length ? [] : placeItems(pkg);
  const unknownLevels = placed.filter((p) => p.levelCode && !pkg.levels.some((l) => l.code === p.levelCode));
  for (const p of unknownLevels)
    pkg.warnings.push({
      where: `CFItems (${p.identifier})`,
      messageId: "competencies.import.unknownLevel",
      params: { value: p.levelCode! },
    });
  const identifier = data.newIdentifier ? crypto.randomUUID() : (pkg.document?.identifier ?? "");
  if (pkg.document && !data.newIdentifier) {
    const [taken] = await ctx.db.select({ n: count() }).from(competencyFrameworks).where(eq(competencyFrameworks.identifier, identifier));
    if (taken?.n) pkg.problems.push({ where: `CFDocument (${identifier})`, messageId: "competencies.import.alreadyImported" });
  }
  const report = (frameworkId: string | null, links = 0): ImportReportDto => ({
    imported: frameworkId !== null,
    frameworkId,
    counts: { items: pkg.items.length, associations: links, levels: pkg.levels.length },
    problems: dedupe(pkg.problems),
    warnings: dedupe(pkg.warnings),
  });
  if (pkg.problems.length || !pkg.document) return report(null);
  const slug = await freeSlug(pkg.document.title, "framework", async (s) => {
    const [row] = await ctx.db.select({ n: count() }).from(competencyFrameworks).where(eq(competencyFrameworks.slug, s));
    return (row?.n ?? 0) > 0;
  });
  const written = await ctx.db.transaction((tx) =>
    writePackage(tx, pkg, placed, { ownerId: data.ownerId, slug, identifier, at: ctx.now() }),
  );
  return report(written.frameworkId, written.links);
}

function dedupe(list: ImportProblemDto[]): ImportProblemDto[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const key = JSON.stringify(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
