import { z } from "zod";
import { locales } from "../../i18n/locales.ts";
import { singleLine } from "../shared/text.ts";

const line = (max: number) => singleLine(z.string().trim().min(1).max(max));
const texts = (max: number) => z.partialRecord(z.enum(locales), z.string().trim().max(max));
const httpUrl = z.url({ protocol: /^https?$/ }).max(2000);

/** The issue contract's input, checked before anything is signed. */
export const issueCredentialSchema = z
  .object({
    sourceKey: line(200),
    issuerOrganisationId: z.uuid(),
    recipientUserId: z.uuid(),
    achievement: z.object({
      key: line(200).regex(/^[A-Za-z0-9._:~-]+$/, "input.invalid"),
      achievementType: line(80),
      language: z.enum(locales),
      name: texts(300),
      description: texts(5000),
      criteriaNarrative: texts(5000),
      alignments: z
        .array(
          z.object({
            targetName: line(500),
            targetUrl: httpUrl,
            targetCode: line(200).optional(),
            targetFramework: line(500).optional(),
          }),
        )
        .max(200),
    }),
    validFrom: z.date(),
    validUntil: z.date().nullable(),
    evidence: z.array(z.object({ name: line(300), narrative: z.string().max(5000).optional(), url: httpUrl.optional() })).max(50),
  })
  .refine((input) => !!input.achievement.name[input.achievement.language]?.trim(), {
    message: "input.required",
    path: ["achievement", "name"],
  })
  .refine((input) => !input.validUntil || input.validUntil > input.validFrom, {
    message: "input.invalid",
    path: ["validUntil"],
  });

export const statusChangeSchema = z
  .object({
    revoked: z.boolean().optional(),
    suspended: z.boolean().optional(),
    reason: line(500),
  })
  .refine((change) => change.revoked !== undefined || change.suspended !== undefined, { message: "input.required", path: ["revoked"] });

export const staffStatusActions = ["revoke", "suspend", "reinstate"] as const;

/** The staff form and API: what to do and why (the reason is kept with the credential). */
export const staffStatusSchema = z
  .object({
    action: z.enum(staffStatusActions),
    reason: line(500),
  })
  .strict();

export const verifyInputSchema = z
  .object({
    credential: z
      .union([z.string().max(200_000), z.record(z.string(), z.unknown())])
      .describe("The credential: its JSON, as an object or as text"),
  })
  .strict();
