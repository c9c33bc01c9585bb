import crypto from "node:crypto";
import { contextUrls } from "./document-loader.ts";
import type { IssueCredentialInput } from "./dto.ts";

export const credentialUrl = (publicUrl: string, credentialId: string) => `${publicUrl}/credentials/${credentialId}`;
export const achievementUrl = (publicUrl: string, key: string) => `${publicUrl}/achievements/${encodeURIComponent(key)}`;

/** OB 3.0 hashed identity: `sha256$` + hex of SHA-256 over the address and the salt. */
export function hashedEmail(email: string, salt: string): string {
  return `sha256$${crypto
    .createHash("sha256")
    .update(email.trim().toLowerCase() + salt, "utf8")
    .digest("hex")}`;
}

const pick = (texts: Record<string, string>, language: string) =>
  texts[language]?.trim() ||
  Object.values(texts)
    .find((t) => t.trim())
    ?.trim();

/** Drops absent values, so the document has no `undefined` (JSON) or empty strings. */
function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && v !== "")) as T;
}

/**
 * The unsigned Open Badges 3.0 `OpenBadgeCredential` on VC Data Model 2.0. Texts are in the
 * achievement's source language (`inLanguage`); other languages stay in Orbis's pages.
 */
export function buildOpenBadgeCredential(args: {
  publicUrl: string;
  credentialId: string;
  input: IssueCredentialInput;
  issuer: { did: string; name: string };
  recipientEmail: string;
  holderDid: string | null;
  status: { listId: string; index: number; urlOf: (purpose: "revocation" | "suspension") => string };
}): Record<string, unknown> {
  const { input, publicUrl } = args;
  const a = input.achievement;
  const language = a.language;
  const name = pick(a.name, language) ?? a.key;
  const salt = crypto.randomBytes(16).toString("hex");
  const statusEntry = (purpose: "revocation" | "suspension") => ({
    id: `${args.status.urlOf(purpose)}#${args.status.index}`,
    type: "BitstringStatusListEntry",
    statusPurpose: purpose,
    statusListIndex: String(args.status.index),
    statusListCredential: args.status.urlOf(purpose),
  });
  return compact({
    "@context": [contextUrls.credentials, contextUrls.openBadges],
    id: credentialUrl(publicUrl, args.credentialId),
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: { id: args.issuer.did, type: ["Profile"], name: args.issuer.name, url: publicUrl },
    name,
    validFrom: input.validFrom.toISOString(),
    validUntil: input.validUntil?.toISOString(),
    credentialSubject: compact({
      id: args.holderDid ?? undefined,
      type: ["AchievementSubject"],
      identifier: [
        { type: "IdentityObject", identityHash: hashedEmail(args.recipientEmail, salt), identityType: "emailAddress", hashed: true, salt },
      ],
      achievement: compact({
        id: achievementUrl(publicUrl, a.key),
        type: ["Achievement"],
        achievementType: a.achievementType,
        name,
        description: pick(a.description, language) ?? name,
        criteria: { narrative: pick(a.criteriaNarrative, language) ?? name },
        inLanguage: language,
        alignment: a.alignments.length
          ? a.alignments.map((al) =>
              compact({
                type: ["Alignment"],
                targetName: al.targetName,
                targetUrl: al.targetUrl,
                targetCode: al.targetCode,
                targetFramework: al.targetFramework,
              }),
            )
          : undefined,
      }),
    }),
    evidence: input.evidence.length
      ? input.evidence.map((e) => compact({ id: e.url, type: ["Evidence"], name: e.name, narrative: e.narrative }))
      : undefined,
    credentialStatus: [statusEntry("revocation"), statusEntry("suspension")],
  });
}
