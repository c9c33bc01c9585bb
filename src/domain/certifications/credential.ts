import { and, eq, gt } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { isLocale, type Locale } from "../../i18n/locales.ts";
import { itemHeadings } from "../competencies/queries.ts";
import type { IssueCredentialInput } from "../credentials/dto.ts";
import { assessedCondition } from "./facts.ts";
import type { AwardRow, CertificationRow } from "./rows.ts";
import { textsOf } from "./rows.ts";
import { certificationAlignments, certificationAwards, certificationEvidence } from "./schema.ts";

/** The texts of a certification by interface language: each ready one, and its own language's always. */
function byLanguage(
  texts: { locale: string; status: string }[],
  own: string,
  field: (t: never) => string,
): Partial<Record<Locale, string>> {
  const out: Partial<Record<Locale, string>> = {};
  for (const t of texts)
    if (isLocale(t.locale) && (t.status === "ready" || t.locale === own) && field(t as never).trim()) out[t.locale] = field(t as never);
  return out;
}

/**
 * What the credentials module signs for an award (the contract in docs: one credential per award
 * cycle, keyed by the award): the certification's texts in every ready language, its aligned
 * competencies by their CASE URIs, the evidence approved for this cycle, and the cycle's validity.
 */
export async function credentialInput(
  db: Executor,
  publicUrl: string,
  certification: CertificationRow,
  award: AwardRow,
): Promise<IssueCredentialInput> {
  const language: Locale = isLocale(certification.defaultLocale) ? certification.defaultLocale : "en";
  const [texts, aligned, previous] = await Promise.all([
    textsOf(db, [certification.id]),
    db.select().from(certificationAlignments).where(eq(certificationAlignments.certificationId, certification.id)),
    db
      .select({ issuedAt: certificationAwards.issuedAt })
      .from(certificationAwards)
      .where(
        and(
          eq(certificationAwards.certificationId, certification.id),
          eq(certificationAwards.userId, award.userId),
          eq(certificationAwards.cycle, award.cycle - 1),
        ),
      ),
  ]);
  const own = texts.get(certification.id) ?? [];
  const name = byLanguage(own, certification.defaultLocale, (t: { title: string }) => t.title);
  if (!name[language]) name[language] = own[0]?.title ?? certification.slug;
  const items = await itemHeadings(
    db,
    publicUrl,
    aligned.map((a) => a.itemId),
    language,
  );
  const since = previous[0]?.issuedAt;
  const approved = await db
    .select()
    .from(certificationEvidence)
    .where(
      and(
        eq(certificationEvidence.certificationId, certification.id),
        eq(certificationEvidence.userId, award.userId),
        eq(certificationEvidence.status, "approved"),
        since ? gt(certificationEvidence.decidedAt, since) : undefined,
      ),
    );
  return {
    sourceKey: `certification-award:${award.id}`,
    issuerOrganisationId: certification.ownerOrganisationId,
    recipientUserId: award.userId,
    achievement: {
      key: `certification-${certification.id}`,
      achievementType: "Certification",
      language,
      name,
      description: byLanguage(own, certification.defaultLocale, (t: { summary: string }) => t.summary),
      criteriaNarrative: byLanguage(own, certification.defaultLocale, (t: { criteria: string }) => t.criteria),
      alignments: [...items.values()].map((item) => ({
        targetName: item.title.slice(0, 500),
        targetUrl: item.uri,
        targetCode: item.code ?? item.identifier,
        ...(item.frameworkTitle ? { targetFramework: item.frameworkTitle.slice(0, 500) } : {}),
      })),
    },
    validFrom: award.issuedAt,
    validUntil: award.validUntil,
    evidence: approved.flatMap((e) => {
      const condition = assessedCondition(certification.rules, e.conditionKey);
      const title = condition?.kind === "evidence" ? (condition.title[language] ?? Object.values(condition.title)[0]) : e.conditionKey;
      return [{ name: (title ?? e.conditionKey).slice(0, 300), ...(e.comment ? { narrative: e.comment } : {}) }];
    }),
  };
}
