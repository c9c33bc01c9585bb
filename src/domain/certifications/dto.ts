import { z } from "zod";

/**
 * The certifications module's contract: certifications owned by an organisation, their rules as
 * a tree of conditions, learners' progress and evidence, assessors' decisions and the awards
 * (one per award cycle: a renewal is a new cycle).
 */

export const textStatuses = ["missing", "draft", "ready"] as const;
export const certificationStatuses = ["draft", "active", "retired"] as const;
export type CertificationStatus = (typeof certificationStatuses)[number];
export const awardStatuses = ["active", "suspended", "revoked"] as const;
export type AwardStatus = (typeof awardStatuses)[number];
/** How an award came about: the rules met (the job or the learner's own page), an assessor's decision, a staff member's bulk list. */
export const awardSources = ["rules", "assessor", "bulk"] as const;
export const evidenceStatuses = ["submitted", "approved", "rejected"] as const;
export type EvidenceStatus = (typeof evidenceStatuses)[number];

const key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "validation.slug")
  .describe("Stable key of the condition within its certification (evidence and progress refer to it)");
const texts = z.record(z.string().regex(/^[a-z]{2,3}$/), z.string().trim().min(1).max(300));

export const rubricCriterion = z.object({ key, name: texts.describe("Criterion by language") }).strict();
export type RubricCriterion = z.infer<typeof rubricCriterion>;

/** One thing a learner must have done. Each kind reads the module that knows it, through its queries. */
export const conditionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("course"), key, courseId: z.uuid(), version: z.number().int().min(1).nullable().default(null) }).strict(),
  z.object({ kind: z.literal("quiz"), key, lessonId: z.uuid(), minPercent: z.number().int().min(0).max(100) }).strict(),
  z.object({ kind: z.literal("events"), key, eventIds: z.array(z.uuid()).min(1).max(100), min: z.number().int().min(1) }).strict(),
  z.object({ kind: z.literal("cohort"), key, cohortId: z.uuid() }).strict(),
  z
    .object({
      kind: z.literal("evidence"),
      key,
      title: texts,
      rubric: z.array(rubricCriterion).min(1).max(20),
      /** Lowest total of the criteria's scores (each 0 to 4) an assessor may approve. */
      passMark: z.number().int().min(0),
    })
    .strict(),
  z.object({ kind: z.literal("competency"), key, itemId: z.uuid(), levelId: z.uuid().nullable().default(null) }).strict(),
]);
export type Condition = z.infer<typeof conditionSchema>;
export type ConditionKind = Condition["kind"];
export const conditionKinds = ["course", "quiz", "events", "cohort", "evidence", "competency"] as const;

export type RuleGroup = { kind: "group"; op: "all" | "any" | "atLeast"; n?: number | undefined; rules: Rule[] };
export type Rule = Condition | RuleGroup;

export const ruleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    conditionSchema,
    z
      .object({
        kind: z.literal("group"),
        op: z.enum(["all", "any", "atLeast"]),
        n: z.number().int().min(1).optional(),
        rules: z.array(ruleSchema).min(1).max(50),
      })
      .strict(),
  ]),
);

/** Where a condition stands for one learner, with what to do next. */
export const conditionProgressDto = z.object({
  kind: z.enum(conditionKinds),
  key: z.string(),
  met: z.boolean(),
  label: z.string(),
  /** Path of the page where the learner can do what is missing, or null. */
  href: z.string().nullable(),
  /** Events attended of those needed, courses of a cohort completed of its required ones, a quiz's best percent of the one needed. */
  done: z.number().int().optional(),
  needed: z.number().int().optional(),
  evidence: z
    .object({ id: z.uuid(), status: z.enum(evidenceStatuses), fileName: z.string(), submittedAt: z.string(), comment: z.string() })
    .nullable()
    .optional(),
});
export type ConditionProgressDto = z.infer<typeof conditionProgressDto>;

export type GroupProgressDto = { kind: "group"; op: RuleGroup["op"]; n: number; met: boolean; rules: ProgressNodeDto[] };
export type ProgressNodeDto = ConditionProgressDto | GroupProgressDto;
export const progressNodeDto: z.ZodType<ProgressNodeDto> = z.lazy(() =>
  z.union([
    conditionProgressDto,
    z.object({
      kind: z.literal("group"),
      op: z.enum(["all", "any", "atLeast"]),
      n: z.number().int(),
      met: z.boolean(),
      rules: z.array(progressNodeDto),
    }),
  ]),
);

export const awardDto = z.object({
  id: z.uuid(),
  certificationId: z.uuid(),
  userId: z.uuid(),
  cycle: z.number().int(),
  status: z.enum(awardStatuses),
  source: z.enum(awardSources),
  issuedAt: z.string(),
  validUntil: z.string().nullable(),
  expired: z.boolean(),
  statusReason: z.string().nullable(),
  credentialId: z.string().nullable(),
});
export type AwardDto = z.infer<typeof awardDto>;

export const certificationSummaryDto = z.object({
  id: z.uuid(),
  slug: z.string(),
  status: z.enum(certificationStatuses),
  title: z.string(),
  summary: z.string(),
  shownLocale: z.string(),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  validityMonths: z.number().int().nullable(),
  example: z.boolean(),
});
export type CertificationSummaryDto = z.infer<typeof certificationSummaryDto>;

export const certificationDto = certificationSummaryDto.extend({
  defaultLocale: z.string(),
  criteria: z.string(),
  reminderDays: z.number().int(),
  rules: ruleSchema,
  alignments: z.array(z.object({ itemId: z.uuid(), name: z.string(), identifier: z.string() })),
  languages: z.array(z.object({ locale: z.string(), status: z.enum(textStatuses) })),
  canManage: z.boolean(),
});
export type CertificationDto = z.infer<typeof certificationDto>;

export const myCertificationDto = z.object({
  certification: certificationDto,
  met: z.boolean(),
  progress: progressNodeDto,
  award: awardDto.nullable(),
  /** When the learner may start a new cycle: the last award expired, or expires within the reminder window. */
  renewable: z.boolean(),
});
export type MyCertificationDto = z.infer<typeof myCertificationDto>;

export const evidenceDto = z.object({
  id: z.uuid(),
  certificationId: z.uuid(),
  certificationTitle: z.string(),
  conditionKey: z.string(),
  conditionTitle: z.string(),
  learner: z.object({ id: z.uuid(), name: z.string() }),
  status: z.enum(evidenceStatuses),
  fileName: z.string(),
  mimeType: z.string(),
  byteSize: z.number().int(),
  note: z.string(),
  submittedAt: z.string(),
  rubric: z.array(z.object({ key: z.string(), name: z.string(), score: z.number().int().nullable() })),
  passMark: z.number().int(),
  comment: z.string(),
  decidedAt: z.string().nullable(),
});
export type EvidenceDto = z.infer<typeof evidenceDto>;

export const bulkPreviewDto = z.object({
  uploadId: z.uuid(),
  certificationId: z.uuid(),
  cohortId: z.uuid(),
  rows: z.array(
    z.object({
      line: z.number().int(),
      email: z.string(),
      name: z.string().nullable(),
      problem: z.enum(["noAccount", "notInCohort", "alreadyHolds", "invalidEmail", "duplicate"]).nullable(),
    }),
  ),
  validCount: z.number().int(),
  confirmed: z.boolean(),
});
export type BulkPreviewDto = z.infer<typeof bulkPreviewDto>;

export const managedAwardDto = awardDto.extend({ holder: z.object({ id: z.uuid(), name: z.string(), email: z.string() }) });
export type ManagedAwardDto = z.infer<typeof managedAwardDto>;
