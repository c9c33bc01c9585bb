import { z } from "zod";
import { slugSchema } from "../shared/slugs.ts";
import { multiLine } from "../shared/text.ts";
import { contentLocaleSchema } from "../shared/validation.ts";
import { alignmentTargets, crosswalkKinds, frameworkStatuses, itemKinds, textStatuses } from "./dto.ts";

const title = z.string().trim().min(1).max(500);
const description = multiLine(z.string().trim().max(10_000));
const code = z.string().trim().min(1).max(40);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const levelInputSchema = z.object({ code, name: z.string().trim().min(1).max(200), description: description.optional() }).strict();
export type LevelInput = z.input<typeof levelInputSchema>;

const levelsSchema = z
  .array(levelInputSchema)
  .max(20)
  .refine((levels) => new Set(levels.map((l) => l.code)).size === levels.length, "competencies.field.duplicateLevel");

export const frameworkInputSchema = z
  .object({
    ownerId: z.uuid(),
    slug: slugSchema.optional(),
    defaultLocale: contentLocaleSchema,
    title,
    description: description.optional(),
    creator: z.string().trim().min(1).max(300).optional().describe("Defaults to the owner's name"),
    publisher: optionalText(300),
    licence: optionalText(200),
    licenceUri: z.url().max(2000).nullable().optional(),
    officialSourceUrl: z.url().max(2000).nullable().optional(),
    levels: levelsSchema.optional(),
  })
  .strict();
export type FrameworkInput = z.input<typeof frameworkInputSchema>;

export const frameworkPatchSchema = frameworkInputSchema.omit({ ownerId: true, slug: true }).partial().strict();
export type FrameworkPatch = z.input<typeof frameworkPatchSchema>;

export const levelsInputSchema = z.object({ levels: levelsSchema }).strict();

export const itemInputSchema = z
  .object({
    parentId: z.uuid().nullable().optional(),
    kind: z.enum(itemKinds),
    code: code.nullable().optional(),
    title,
    description: description.optional(),
    levelCode: code.nullable().optional().describe("The framework level the item belongs to"),
    position: z.number().int().min(0).max(100_000).optional().describe("Defaults to after its siblings"),
  })
  .strict();
export type ItemInput = z.input<typeof itemInputSchema>;

/** Many items at once, in order: each names its parent by code, an item earlier in the list or already in the draft. */
export const itemListSchema = z
  .object({
    items: z
      .array(itemInputSchema.omit({ parentId: true, position: true }).extend({ code, parentCode: code.nullable().optional() }).strict())
      .min(1)
      .max(2000),
  })
  .strict();
export type ItemListInput = z.input<typeof itemListSchema>;

export const itemPatchSchema = itemInputSchema.omit({ parentId: true }).partial().strict();
export type ItemPatch = z.input<typeof itemPatchSchema>;

/** A framework's texts in one language: its own, and those of the items and levels named. */
export const frameworkTranslationSchema = z
  .object({
    status: z.enum(textStatuses).exclude(["missing"]),
    title: title.optional().describe("The framework's title in this language; without it only the items and levels named are written"),
    description: description.optional(),
    items: z
      .array(
        z
          .object({
            id: z.uuid(),
            title,
            description: description.optional(),
            status: z.enum(textStatuses).exclude(["missing"]).optional(),
          })
          .strict(),
      )
      .max(5000)
      .optional(),
    levels: z
      .array(z.object({ id: z.uuid(), name: z.string().trim().min(1).max(200), description: description.optional() }).strict())
      .max(20)
      .optional(),
  })
  .strict();
export type FrameworkTranslationInput = z.input<typeof frameworkTranslationSchema>;

export const frameworkFiltersSchema = z
  .object({
    owner: slugSchema.optional().describe("The owning organisation's slug"),
    status: z.enum(frameworkStatuses).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type FrameworkFilters = z.input<typeof frameworkFiltersSchema>;

export const crosswalkInputSchema = z.object({ fromItemId: z.uuid(), toItemId: z.uuid(), kind: z.enum(crosswalkKinds) }).strict();
export type CrosswalkInput = z.input<typeof crosswalkInputSchema>;

export const alignmentInputSchema = z
  .object({ itemId: z.uuid(), levelId: z.uuid().nullable().optional(), target: z.enum(alignmentTargets), targetId: z.uuid() })
  .strict();
export type AlignmentInput = z.input<typeof alignmentInputSchema>;

/** A framework named by its id or its slug (the newest published version, else the draft). */
export const frameworkRefSchema = z.union([z.uuid(), slugSchema]);

/** A CASE package to import as a draft framework of the owner. */
export const importInputSchema = z
  .object({
    ownerId: z.uuid(),
    package: z.unknown().describe("A CFPackage, as JSON or as JSON text"),
    newIdentifier: z.boolean().optional().describe("Give the document a new identifier (a copy of a framework already here)"),
  })
  .strict();
