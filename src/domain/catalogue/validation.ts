import { z } from "zod";
import { slugSchema } from "../shared/slugs.ts";
import { contentLocaleSchema } from "../shared/validation.ts";
import { coCreatorRoles, courseCategories, courseLevels, courseSorts, lessonKinds } from "./dto.ts";

const title = z.string().trim().min(2).max(200);
const summary = z.string().trim().max(600);
const description = z.string().trim().max(10_000);
/** Rich text before sanitising; what is stored is what the sanitiser keeps of it. */
const lessonBody = z.string().max(200_000);

export const licenceSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9.+-]{1,39}$/, "an SPDX licence id such as CC-BY-4.0");

const subjectTags = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} -]{0,39}$/u, "a tag of letters, digits, spaces and hyphens"),
  )
  .max(20);

const coCreators = z
  .array(z.object({ organisationId: z.uuid(), role: z.enum(coCreatorRoles) }).strict())
  .max(30)
  .refine((list) => new Set(list.map((c) => `${c.organisationId}/${c.role}`)).size === list.length, "listed twice");

const lessonInput = z
  .object({
    /** An existing lesson to keep (its progress and translations); omitted for a new one. */
    id: z.uuid().optional(),
    kind: z.enum(lessonKinds),
    required: z.boolean().optional(),
    title,
    body: lessonBody.optional(),
  })
  .strict();

const moduleInput = z
  .object({
    id: z.uuid().optional(),
    title,
    lessons: z.array(lessonInput).max(100),
  })
  .strict();

/** The syllabus in the course's default language, in order. */
export const syllabusSchema = z.array(moduleInput).max(50);
export type SyllabusInput = z.infer<typeof syllabusSchema>;

export const courseInputSchema = z
  .object({
    slug: slugSchema.optional(),
    ownerId: z.uuid(),
    category: z.enum(courseCategories),
    level: z.enum(courseLevels),
    estimatedHours: z.number().int().min(1).max(2000),
    licence: licenceSchema,
    defaultLocale: contentLocaleSchema,
    subjectTags: subjectTags.optional(),
    coCreators: coCreators.optional(),
    title,
    summary,
    description: description.optional(),
    syllabus: syllabusSchema.optional(),
  })
  .strict();
export type CourseInput = z.input<typeof courseInputSchema>;

/** A patch changes only what it names; texts in other languages go through translations. */
export const coursePatchSchema = z
  .object({
    slug: slugSchema,
    ownerId: z.uuid(),
    category: z.enum(courseCategories),
    level: z.enum(courseLevels),
    estimatedHours: z.number().int().min(1).max(2000),
    licence: licenceSchema,
    defaultLocale: contentLocaleSchema,
    subjectTags,
    coCreators,
    syllabus: syllabusSchema,
  })
  .partial()
  .strict();
export type CoursePatch = z.input<typeof coursePatchSchema>;

/** What a translator says of a field: still being written, or fit for readers. */
const fieldStatus = z.enum(["draft", "ready"]);

/**
 * A course's texts in one language: the course, and any of its modules and lessons by id, each
 * with its own status (the course's when left out).
 */
export const translationInputSchema = z
  .object({
    title,
    summary,
    description: description.optional(),
    status: fieldStatus,
    modules: z
      .array(z.object({ id: z.uuid(), title, status: fieldStatus.optional() }).strict())
      .max(50)
      .optional(),
    lessons: z
      .array(z.object({ id: z.uuid(), title, body: lessonBody.optional(), status: fieldStatus.optional() }).strict())
      .max(1000)
      .optional(),
  })
  .strict();
export type TranslationInput = z.input<typeof translationInputSchema>;

export const courseSearchSchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    lang: contentLocaleSchema.optional(),
    category: z.enum(courseCategories).optional(),
    centre: slugSchema.optional(),
    level: z.enum(courseLevels).optional(),
    sort: z.enum(courseSorts).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();

/** A course is named by its id or its slug. */
export const courseRefSchema = z.union([z.uuid(), slugSchema]);
