import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client.ts";
import type { Actor } from "../shared/actor.ts";
import { parseInput } from "../shared/validation.ts";
import {
  type CaseVersion,
  type CFAssociation,
  type CFItem,
  type CFPackage,
  type CFRubric,
  caseVersions,
  derivedIdentifier,
  ext,
  type LinkUri,
  levelsCategory,
} from "./case-format.ts";
import type { CompetenciesContext } from "./context.ts";
import type { ItemKind } from "./dto.ts";
import { caseUri, depthFirst, frameworkTextsOf, type ItemTextRow, itemTextsOf, type LevelRow, levelsOf } from "./mapping.ts";
import { type FrameworkRow, findFramework, type ItemRow, itemsOf } from "./rows.ts";
import { competencyAssociations, competencyItems } from "./schema.ts";

const itemTypeTitles: Record<ItemKind, string> = { area: "Area", competency: "Competency", indicator: "Indicator" };
const adoptionStatus = { draft: "Draft", published: "Adopted", superseded: "Deprecated" } as const;

type Texts = Map<string, { locale: string; title: string; description: string; status: string }[]>;

/** What CASE 1.1's extensions carry of a record's texts: every language but the framework's own. */
function otherTexts(texts: { locale: string; title: string; description: string; status: string }[], own: string) {
  const others = texts.filter((t) => t.locale !== own);
  if (!others.length) return undefined;
  return Object.fromEntries(others.map((t) => [t.locale, { title: t.title, description: t.description, status: t.status }]));
}

function ownText<T extends { locale: string }>(texts: T[] | undefined, own: string): T | undefined {
  return texts?.find((t) => t.locale === own) ?? texts?.[0];
}

type Built = {
  framework: FrameworkRow;
  items: ItemRow[];
  itemTexts: Map<string, ItemTextRow[]>;
  levels: LevelRow[];
  publicUrl: string;
  version: CaseVersion;
};

function itemTypeOf(publicUrl: string, kind: ItemKind) {
  const identifier = derivedIdentifier("orbis-item-type", kind);
  return { identifier, uri: caseUri(publicUrl, "CFItems", identifier).replace("/CFItems/", "/CFItemTypes/"), title: itemTypeTitles[kind] };
}

function itemLink(b: Built, item: ItemRow): LinkUri {
  const title = ownText(b.itemTexts.get(item.id), b.framework.defaultLocale)?.title ?? item.code ?? "";
  return { title, identifier: item.identifier, uri: caseUri(b.publicUrl, "CFItems", item.identifier) };
}

function toCFItem(b: Built, item: ItemRow, documentUri: LinkUri, changed: string): CFItem {
  const texts = b.itemTexts.get(item.id) ?? [];
  const own = ownText(texts, b.framework.defaultLocale);
  const level = item.levelId ? b.levels.find((l) => l.id === item.levelId) : undefined;
  const extensions = { [ext.texts]: otherTexts(texts, b.framework.defaultLocale), [ext.level]: level?.code };
  const type = itemTypeOf(b.publicUrl, item.kind);
  return {
    identifier: item.identifier,
    uri: caseUri(b.publicUrl, "CFItems", item.identifier),
    fullStatement: own?.title ?? item.code ?? "",
    ...(item.code ? { humanCodingScheme: item.code } : {}),
    listEnumeration: String(item.position + 1),
    CFItemType: type.title,
    CFItemTypeURI: type,
    ...(own?.description ? { notes: own.description } : {}),
    language: b.framework.defaultLocale,
    lastChangeDateTime: changed,
    CFDocumentURI: documentUri,
    ...(b.version === "1.1" && Object.values(extensions).some((v) => v !== undefined)
      ? { extensions: JSON.parse(JSON.stringify(extensions)) }
      : {}),
  };
}

function levelsRubric(b: Built, changed: string): CFRubric[] {
  if (!b.levels.length) return [];
  // Derived from the levels, which keep their identifiers across versions and copies.
  const levelIds = b.levels.map((l) => l.identifier);
  const rubricId = derivedIdentifier("orbis-levels", ...levelIds);
  const criterionId = derivedIdentifier("orbis-levels-criterion", ...levelIds);
  const own = b.framework.defaultLocale;
  return [
    {
      identifier: rubricId,
      uri: caseUri(b.publicUrl, "CFRubrics", rubricId),
      title: "Proficiency levels",
      lastChangeDateTime: changed,
      CFRubricCriteria: [
        {
          identifier: criterionId,
          uri: caseUri(b.publicUrl, "CFRubrics", criterionId),
          category: levelsCategory,
          position: 1,
          rubricId,
          lastChangeDateTime: changed,
          CFRubricCriterionLevels: b.levels.map((level) => {
            const names = Object.fromEntries(Object.entries(level.names).filter(([l]) => l !== own));
            const descriptions = Object.fromEntries(Object.entries(level.descriptions).filter(([l]) => l !== own));
            return {
              identifier: level.identifier,
              uri: caseUri(b.publicUrl, "CFRubrics", level.identifier),
              quality: level.code,
              description: level.names[own] ?? level.code,
              ...(level.descriptions[own] ? { feedback: level.descriptions[own] } : {}),
              position: level.position + 1,
              score: level.position + 1,
              criterionId,
              lastChangeDateTime: changed,
              ...(b.version === "1.1" && (Object.keys(names).length || Object.keys(descriptions).length)
                ? { extensions: { [ext.names]: names, [ext.descriptions]: descriptions } }
                : {}),
            };
          }),
        },
      ],
    },
  ];
}

/** The associations a framework holds: its tree as isChildOf, then those stored (crosswalks, imported links). */
async function associationsOf(db: Executor, b: Built, documentUri: LinkUri, changed: string): Promise<CFAssociation[]> {
  const byId = new Map(b.items.map((i) => [i.id, i]));
  const tree: CFAssociation[] = depthFirst(b.items).map((item) => {
    const parent = item.parentId ? byId.get(item.parentId) : undefined;
    const identifier = derivedIdentifier("isChildOf", item.identifier, parent?.identifier ?? "document");
    return {
      identifier,
      uri: caseUri(b.publicUrl, "CFItemAssociations", identifier),
      associationType: "isChildOf",
      sequenceNumber: item.position + 1,
      originNodeURI: itemLink(b, item),
      destinationNodeURI: parent ? itemLink(b, parent) : documentUri,
      CFDocumentURI: documentUri,
      lastChangeDateTime: changed,
    };
  });
  const stored = await db.select().from(competencyAssociations).where(eq(competencyAssociations.frameworkId, b.framework.id));
  // A broader crosswalk is stored as the other framework's item being part of ours: either end may be foreign.
  const foreignIds = stored.flatMap((a) => [a.originItemId, a.destinationItemId]).filter((id): id is string => !!id && !byId.has(id));
  const foreign = foreignIds.length ? await db.select().from(competencyItems).where(inArray(competencyItems.id, foreignIds)) : [];
  const foreignTexts = await itemTextsOf(db, foreignIds);
  const linkOf = (id: string): LinkUri | undefined => {
    const mine = byId.get(id);
    if (mine) return itemLink(b, mine);
    const item = foreign.find((f) => f.id === id);
    if (!item) return undefined;
    const title = foreignTexts.get(id)?.[0]?.title ?? item.code ?? "";
    return { title, identifier: item.identifier, uri: caseUri(b.publicUrl, "CFItems", item.identifier) };
  };
  const links: CFAssociation[] = stored.map((a) => ({
    identifier: a.identifier,
    uri: caseUri(b.publicUrl, "CFItemAssociations", a.identifier),
    associationType: a.type,
    ...(a.sequenceNumber !== null ? { sequenceNumber: a.sequenceNumber } : {}),
    originNodeURI: linkOf(a.originItemId)!,
    destinationNodeURI: (a.destinationItemId ? linkOf(a.destinationItemId) : undefined) ?? {
      title: a.destinationTitle ?? "",
      identifier: a.destinationIdentifier ?? "",
      uri: a.destinationUri ?? "",
    },
    CFDocumentURI: documentUri,
    lastChangeDateTime: changed,
  }));
  return [...tree, ...links];
}

/** A framework version as a CASE package. */
export async function buildPackage(db: Executor, framework: FrameworkRow, publicUrl: string, version: CaseVersion): Promise<CFPackage> {
  const [items, levels, texts] = await Promise.all([
    itemsOf(db, [framework.id]),
    levelsOf(db, framework.id),
    frameworkTextsOf(db, [framework.id]),
  ]);
  const itemTexts = await itemTextsOf(
    db,
    items.map((i) => i.id),
  );
  const b: Built = { framework, items, itemTexts, levels, publicUrl, version };
  const changed = framework.updatedAt.toISOString();
  const docTexts = (texts as Texts).get(framework.id) ?? [];
  const own = ownText(docTexts, framework.defaultLocale);
  const documentUri: LinkUri = {
    title: own?.title ?? framework.slug,
    identifier: framework.identifier,
    uri: caseUri(publicUrl, "CFDocuments", framework.identifier),
  };
  const others = otherTexts(docTexts, framework.defaultLocale);
  const kinds = [...new Set(items.map((i) => i.kind))];
  return {
    CFDocument: {
      identifier: framework.identifier,
      uri: documentUri.uri,
      creator: framework.creator,
      title: documentUri.title,
      lastChangeDateTime: changed,
      ...(framework.officialSourceUrl ? { officialSourceURL: framework.officialSourceUrl } : {}),
      ...(framework.publisher ? { publisher: framework.publisher } : {}),
      ...(own?.description ? { description: own.description } : {}),
      language: framework.defaultLocale,
      version: String(framework.version),
      adoptionStatus: adoptionStatus[framework.status],
      ...(framework.licence || framework.licenceUri
        ? {
            licenseURI: {
              title: framework.licence ?? "",
              identifier: derivedIdentifier("licence", framework.licenceUri ?? framework.licence ?? ""),
              uri: framework.licenceUri ?? "",
            },
          }
        : {}),
      CFPackageURI: { ...documentUri, uri: caseUri(publicUrl, "CFPackages", framework.identifier) },
      ...(version === "1.1" && others ? { extensions: { [ext.texts]: others } } : {}),
    },
    CFItems: depthFirst(items).map((item) => toCFItem(b, item, documentUri, changed)),
    CFAssociations: await associationsOf(db, b, documentUri, changed),
    CFDefinitions: {
      CFConcepts: [],
      CFSubjects: [],
      CFLicenses: [],
      CFItemTypes: kinds.map((kind) => {
        const type = itemTypeOf(publicUrl, kind);
        return {
          ...type,
          description: type.title,
          hierarchyCode: String(["area", "competency", "indicator"].indexOf(kind) + 1),
          typeCode: kind,
          lastChangeDateTime: changed,
        };
      }),
      CFAssociationGroupings: [],
    },
    CFRubrics: levelsRubric(b, changed),
  };
}

const exportQuery = z.enum(caseVersions).default("1.1");

/** A framework version as CASE JSON (drafts for their managers only). */
export async function exportCase(ctx: CompetenciesContext, actor: Actor | null, ref: string, caseVersion?: string): Promise<CFPackage> {
  const version = parseInput(exportQuery, caseVersion);
  const framework = await findFramework(ctx.db, actor, ref);
  return buildPackage(ctx.db, framework, ctx.publicUrl, version);
}
