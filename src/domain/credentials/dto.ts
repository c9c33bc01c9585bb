import { z } from "zod";

/** What another module hands over to issue a credential (the contract with certifications). */
export type IssueCredentialInput = {
  /** Idempotency: the same key always yields the same credential (unique in the table), e.g.
   *  "course:<courseId>:<userId>" or "certification-award:<awardId>". */
  sourceKey: string;
  issuerOrganisationId: string;
  recipientUserId: string;
  achievement: {
    /** Stable id of the achievement; becomes its URL under PUBLIC_URL. */
    key: string;
    /** OB 3.0 achievementType, e.g. "Certificate", "Certification", "Course", "Competency". */
    achievementType: string;
    language: string; // the source language of the texts below
    name: Record<string, string>; // by language; the source language required
    description: Record<string, string>;
    criteriaNarrative: Record<string, string>;
    /** Framework items by their CASE URIs. */
    alignments: { targetName: string; targetUrl: string; targetCode?: string; targetFramework?: string }[];
  };
  validFrom: Date;
  validUntil: Date | null;
  evidence: { name: string; narrative?: string; url?: string }[];
};

export type CredentialStatusChange = { revoked?: boolean; suspended?: boolean; reason: string };

export const statusPurposes = ["revocation", "suspension"] as const;
export type StatusPurpose = (typeof statusPurposes)[number];

/** An issued credential as its holder and staff see it. */
export const credentialSummaryDto = z.object({
  id: z.uuid(),
  name: z.string(),
  achievementType: z.string(),
  issuer: z.object({ id: z.uuid(), name: z.string(), did: z.string() }),
  recipientUserId: z.uuid(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  issuedAt: z.string(),
  revoked: z.boolean(),
  suspended: z.boolean(),
  statusReason: z.string().nullable(),
  public: z.boolean(),
  url: z.string().describe("The credential's public page (when public) and its id"),
});
export type CredentialSummary = z.infer<typeof credentialSummaryDto>;

export const verificationChecks = ["format", "schema", "issuer", "proof", "validity", "status"] as const;
export type VerificationCheckName = (typeof verificationChecks)[number];

/** One check of a verification: what failed is named by `code` (a message id under `credentials.check.`). */
export const verificationCheckDto = z.object({
  check: z.enum(verificationChecks),
  outcome: z.enum(["passed", "failed", "skipped"]),
  code: z.string().describe("Why: e.g. bad_signature, unknown_did, revoked, expired, undefined_terms"),
  detail: z.string().optional().describe("What exactly (a schema path, a status purpose)"),
});
export type VerificationCheck = z.infer<typeof verificationCheckDto>;

export const verificationReportDto = z.object({
  verified: z.boolean(),
  checks: z.array(verificationCheckDto),
  credential: z
    .object({
      id: z.string().nullable(),
      name: z.string().nullable(),
      issuerId: z.string().nullable(),
      issuerName: z.string().nullable(),
      achievementType: z.string().nullable(),
      validFrom: z.string().nullable(),
      validUntil: z.string().nullable(),
    })
    .nullable(),
});
export type VerificationReport = z.infer<typeof verificationReportDto>;
