import { z } from "zod";
import { slugSchema } from "../shared/slugs.ts";
import { singleLine } from "../shared/text.ts";
import { contentLocaleSchema } from "../shared/validation.ts";
import { certificationStatuses, ruleSchema } from "./dto.ts";
import { duplicateKeys, impossibleGroups } from "./rules.ts";

const title = singleLine(z.string().trim().min(1).max(300));
const longText = z.string().trim().max(10_000);

/** A rule tree whose condition keys are unique and whose groups can be met. */
export const rulesInputSchema = ruleSchema.superRefine((rule, ctx) => {
  if (duplicateKeys(rule).length) ctx.addIssue({ code: "custom", message: "certifications.field.duplicateKey" });
  if (impossibleGroups(rule)) ctx.addIssue({ code: "custom", message: "certifications.field.impossibleGroup" });
});

export const certificationInputSchema = z
  .object({
    ownerId: z.uuid().describe("The institute, a centre or an institution"),
    slug: slugSchema.optional(),
    defaultLocale: contentLocaleSchema,
    title,
    summary: longText.optional(),
    criteria: longText.optional().describe("What the holder did, in words (the credential's criteria narrative)"),
    rules: rulesInputSchema,
    validityMonths: z.number().int().min(1).max(600).nullable().optional(),
    reminderDays: z.number().int().min(0).max(365).optional(),
    alignedItemIds: z.array(z.uuid()).max(100).optional(),
    example: z.boolean().optional().describe("Demo data standing in for a real programme"),
    status: z.enum(certificationStatuses).optional(),
  })
  .strict();
export type CertificationInput = z.input<typeof certificationInputSchema>;

export const certificationPatchSchema = certificationInputSchema
  .omit({ ownerId: true, slug: true, defaultLocale: true })
  .partial()
  .strict();
export type CertificationPatch = z.input<typeof certificationPatchSchema>;

export const certificationTranslationSchema = z
  .object({
    locale: contentLocaleSchema,
    title,
    summary: longText.optional(),
    criteria: longText.optional(),
    status: z.enum(["draft", "ready"]).optional(),
  })
  .strict();
export type CertificationTranslationInput = z.input<typeof certificationTranslationSchema>;

export const certificationRefSchema = z.union([z.uuid(), slugSchema]);

export const evidenceNoteSchema = z.string().trim().max(2000).optional();

/** An assessor's decision: a score 0-4 per rubric criterion and a comment; approving needs the pass mark. */
export const decisionInputSchema = z
  .object({
    decision: z.enum(["approve", "reject"]),
    scores: z.record(z.string().max(40), z.number().int().min(0).max(4)),
    comment: z.string().trim().max(4000).optional(),
  })
  .strict();
export type DecisionInput = z.input<typeof decisionInputSchema>;

export const statusChangeSchema = z
  .object({
    action: z.enum(["revoke", "suspend", "reinstate"]),
    reason: singleLine(z.string().trim().min(1).max(500)),
  })
  .strict();
export type StatusChangeInput = z.input<typeof statusChangeSchema>;
