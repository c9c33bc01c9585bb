import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { itemHeadings } from "../competencies/queries.ts";
import { organisationRefs } from "../network/queries.ts";
import type { Actor } from "../shared/actor.ts";
import { notFound } from "../shared/errors.ts";
import { isUuid } from "../shared/ids.ts";
import { shownField, shownText } from "../shared/reader-language.ts";
import { parseInput } from "../shared/validation.ts";
import type { AwardDto, CertificationDto, CertificationSummaryDto } from "./dto.ts";
import { can } from "./permissions.ts";
import { certificationAlignments, certificationAwards, certifications, certificationTexts } from "./schema.ts";
import { certificationRefSchema } from "./validation.ts";

export type CertificationRow = typeof certifications.$inferSelect;
export type TextRow = typeof certificationTexts.$inferSelect;
export type AwardRow = typeof certificationAwards.$inferSelect;

/** A certification by id or slug; 404 when there is none. A malformed reference is a 400. */
export async function findCertification(db: Executor, ref: string): Promise<CertificationRow> {
  parseInput(certificationRefSchema, ref);
  const [row] = await db
    .select()
    .from(certifications)
    .where(isUuid(ref) ? eq(certifications.id, ref) : eq(certifications.slug, ref));
  if (!row) throw notFound("certification");
  return row;
}

/** Drafts and retired certifications are seen by their managers only (and by holders, through their awards). */
export function visibleTo(actor: Actor | null, row: CertificationRow): boolean {
  return row.status === "active" || can(actor, "certification.manage", row.ownerOrganisationId);
}

export async function textsOf(db: Executor, ids: readonly string[]): Promise<Map<string, TextRow[]>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select()
    .from(certificationTexts)
    .where(inArray(certificationTexts.certificationId, [...new Set(ids)]));
  return Map.groupBy(rows, (r) => r.certificationId);
}

/** Summaries for the reader: the title in their language when ready, else the certification's own. */
export async function toSummaries(db: Executor, rows: readonly CertificationRow[], reader: Locale): Promise<CertificationSummaryDto[]> {
  const [texts, owners] = await Promise.all([
    textsOf(
      db,
      rows.map((r) => r.id),
    ),
    organisationRefs(
      db,
      rows.map((r) => r.ownerOrganisationId),
      reader,
    ),
  ]);
  return rows.map((row) => {
    const own = texts.get(row.id) ?? [];
    const shown = shownText(own, reader, row.defaultLocale);
    const owner = owners.get(row.ownerOrganisationId);
    return {
      id: row.id,
      slug: row.slug,
      status: row.status,
      title: shown?.title ?? row.slug,
      summary: shownField(own, reader, row.defaultLocale, (t) => t.summary).value,
      shownLocale: shown?.locale ?? row.defaultLocale,
      owner: { id: row.ownerOrganisationId, name: owner?.name ?? "" },
      validityMonths: row.validityMonths,
      example: row.example,
    };
  });
}

export async function toCertificationDto(
  db: Executor,
  publicUrl: string,
  actor: Actor | null,
  row: CertificationRow,
  reader: Locale,
): Promise<CertificationDto> {
  const [[summary], texts, aligned] = await Promise.all([
    toSummaries(db, [row], reader),
    textsOf(db, [row.id]),
    db.select().from(certificationAlignments).where(eq(certificationAlignments.certificationId, row.id)),
  ]);
  const items = await itemHeadings(
    db,
    publicUrl,
    aligned.map((a) => a.itemId),
    reader,
  );
  const own = texts.get(row.id) ?? [];
  return {
    ...(summary as CertificationSummaryDto),
    defaultLocale: row.defaultLocale,
    criteria: shownField(own, reader, row.defaultLocale, (t) => t.criteria).value,
    reminderDays: row.reminderDays,
    rules: row.rules,
    alignments: [...items.values()].map((i) => ({ itemId: i.id, name: i.title, identifier: i.identifier })),
    languages: own.map((t) => ({ locale: t.locale, status: t.status })),
    canManage: can(actor, "certification.manage", row.ownerOrganisationId),
  };
}

export function isExpired(award: Pick<AwardRow, "validUntil">, at: Date): boolean {
  return !!award.validUntil && award.validUntil.getTime() <= at.getTime();
}

export function toAwardDto(award: AwardRow, at: Date): AwardDto {
  return {
    id: award.id,
    certificationId: award.certificationId,
    userId: award.userId,
    cycle: award.cycle,
    status: award.status,
    source: award.source,
    issuedAt: award.issuedAt.toISOString(),
    validUntil: award.validUntil?.toISOString() ?? null,
    expired: isExpired(award, at),
    statusReason: award.statusReason,
    credentialId: award.credentialId,
  };
}

/** A person's latest award cycle of a certification, or null. */
export async function latestAward(db: Executor, certificationId: string, userId: string): Promise<AwardRow | null> {
  const rows = await db
    .select()
    .from(certificationAwards)
    .where(and(eq(certificationAwards.certificationId, certificationId), eq(certificationAwards.userId, userId)));
  return rows.sort((a, b) => b.cycle - a.cycle)[0] ?? null;
}

/**
 * Whether a new award cycle may start: never awarded, or the last cycle has expired or is within
 * its reminder window. A revoked award is not renewed by the rules (staff decide again); a
 * suspended one neither, until reinstated.
 */
export function renewable(row: CertificationRow, last: AwardRow | null, at: Date): boolean {
  if (!last) return true;
  if (last.status !== "active" || !last.validUntil) return false;
  return last.validUntil.getTime() - row.reminderDays * 86_400_000 <= at.getTime();
}
