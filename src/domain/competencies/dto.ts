import { z } from "zod";
import { organisationRef } from "../network/dto.ts";

export type { Page } from "../shared/dto.ts";

/**
 * The competencies module's contract: competency frameworks (versioned trees of areas,
 * competencies and indicators with proficiency levels), crosswalks between them and the
 * alignment of courses, lessons, questions, programmes and events to their items.
 */

/** A draft is edited; publishing freezes it; publishing its next version supersedes it. */
export const frameworkStatuses = ["draft", "published", "superseded"] as const;
export type FrameworkStatus = (typeof frameworkStatuses)[number];

export const itemKinds = ["area", "competency", "indicator"] as const;
export type ItemKind = (typeof itemKinds)[number];

/** The same three states as course translations: readers see a language once it is ready. */
export const textStatuses = ["missing", "draft", "ready"] as const;
export type TextStatus = (typeof textStatuses)[number];

/**
 * How an item of one framework relates to an item of another, as a person states it. Stored and
 * exported as CASE association types: exact → exactMatchOf, related → isRelatedTo, narrower
 * (this item is part of the other) → isPartOf, broader → isPartOf from the other item to this one.
 */
export const crosswalkKinds = ["exact", "related", "broader", "narrower"] as const;
export type CrosswalkKind = (typeof crosswalkKinds)[number];

/** CASE 1.0 association types, and the one CASE 1.1 adds; anything else is kept as an extension ("ext:..."). */
export const caseAssociationTypes = [
  "isChildOf",
  "isPeerOf",
  "isPartOf",
  "exactMatchOf",
  "precedes",
  "isRelatedTo",
  "replacedBy",
  "exemplar",
  "hasSkillLevel",
  "isTranslationOf",
] as const;

/** What may be aligned to a competency. */
export const alignmentTargets = ["course", "lesson", "question", "programme", "event"] as const;
export type AlignmentTarget = (typeof alignmentTargets)[number];

export const levelDto = z.object({
  id: z.uuid(),
  code: z.string(),
  position: z.number().int(),
  name: z.string(),
  description: z.string(),
});
export type LevelDto = z.infer<typeof levelDto>;

export const itemDto = z.object({
  id: z.uuid(),
  identifier: z.string().describe("CASE identifier"),
  uri: z.string(),
  parentId: z.uuid().nullable(),
  kind: z.enum(itemKinds),
  code: z.string().nullable(),
  position: z.number().int(),
  levelId: z.uuid().nullable().describe("The proficiency level the item belongs to, when the framework is organised by level"),
  title: z.string(),
  description: z.string(),
  shownLocale: z.string(),
});
export type ItemDto = z.infer<typeof itemDto>;

export const frameworkSummaryDto = z.object({
  id: z.uuid(),
  identifier: z.string().describe("CASE identifier of this version"),
  slug: z.string(),
  version: z.number().int(),
  status: z.enum(frameworkStatuses),
  owner: organisationRef,
  creator: z.string().describe("Who wrote the framework (an outside body keeps its own name)"),
  licence: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  shownLocale: z.string(),
  defaultLocale: z.string(),
  languages: z.array(z.string()).describe("Languages whose texts are ready"),
  publishedAt: z.string().nullable(),
});
export type FrameworkSummaryDto = z.infer<typeof frameworkSummaryDto>;

export const frameworkDto = frameworkSummaryDto.extend({
  officialSourceUrl: z.string().nullable(),
  uri: z.string(),
  supersededById: z.uuid().nullable(),
  translations: z.array(z.object({ locale: z.string(), status: z.enum(textStatuses) })),
  levels: z.array(levelDto),
  items: z.array(itemDto).describe("Depth first, in position order"),
  versions: z.array(z.object({ id: z.uuid(), version: z.number().int(), status: z.enum(frameworkStatuses) })),
  updatedAt: z.string(),
});
export type FrameworkDto = z.infer<typeof frameworkDto>;

export const crosswalkDto = z.object({
  id: z.uuid(),
  kind: z.enum(crosswalkKinds),
  from: z.object({ itemId: z.uuid(), code: z.string().nullable(), title: z.string(), frameworkId: z.uuid() }),
  to: z.object({ itemId: z.uuid(), code: z.string().nullable(), title: z.string(), frameworkId: z.uuid() }),
});
export type CrosswalkDto = z.infer<typeof crosswalkDto>;

export const crosswalkViewDto = z.object({
  left: frameworkSummaryDto,
  right: frameworkSummaryDto,
  /** Each item of the left framework with the right framework's items it is mapped to. */
  rows: z.array(
    z.object({
      item: itemDto,
      matches: z.array(z.object({ crosswalkId: z.uuid(), kind: z.enum(crosswalkKinds), item: itemDto })),
    }),
  ),
});
export type CrosswalkViewDto = z.infer<typeof crosswalkViewDto>;

export const alignmentDto = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  itemCode: z.string().nullable(),
  itemTitle: z.string(),
  frameworkId: z.uuid(),
  levelId: z.uuid().nullable(),
  levelCode: z.string().nullable(),
  target: z.enum(alignmentTargets),
  targetId: z.uuid(),
});
export type AlignmentDto = z.infer<typeof alignmentDto>;

/** A published course, programme or event aligned to a competency (the public framework pages list them). */
export const taughtInDto = z.object({
  target: z.enum(["course", "programme", "event"]),
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  levelCode: z.string().nullable(),
});
export type TaughtInDto = z.infer<typeof taughtInDto>;

/** One problem an import found, named by the part of the package it is in. */
export const importProblemDto = z.object({
  where: z.string().describe("CFDocument, CFItems[3] (identifier), CFAssociations[12]..."),
  messageId: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportProblemDto = z.infer<typeof importProblemDto>;

export const importReportDto = z.object({
  imported: z.boolean(),
  frameworkId: z.uuid().nullable(),
  counts: z.object({ items: z.number().int(), associations: z.number().int(), levels: z.number().int() }),
  problems: z.array(importProblemDto).describe("Errors stop the import; nothing is written"),
  warnings: z.array(importProblemDto).describe("What was repaired or left out; the import went ahead"),
});
export type ImportReportDto = z.infer<typeof importReportDto>;
