import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Transaction } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { existingOrganisations } from "../network/queries.ts";
import { type Actor, isGlobalStaff } from "../shared/actor.ts";
import { constraintError } from "../shared/db-errors.ts";
import { fieldError, notFound } from "../shared/errors.ts";
import { freeSlug } from "../shared/slugs.ts";
import { parseInput } from "../shared/validation.ts";
import type { CertificationsContext } from "./context.ts";
import type { CertificationDto, CertificationSummaryDto } from "./dto.ts";
import { can, requireAccess } from "./permissions.ts";
import { findCertification, toCertificationDto, toSummaries, visibleTo } from "./rows.ts";
import { certificationAlignments, certifications, certificationTexts } from "./schema.ts";
import {
  type CertificationInput,
  type CertificationPatch,
  type CertificationTranslationInput,
  certificationInputSchema,
  certificationPatchSchema,
  certificationTranslationSchema,
} from "./validation.ts";

const uniqueRules = {
  certifications_slug_unique: { code: "duplicate_slug", field: "slug", messageId: "certifications.field.slugTaken" },
} as const;

async function setAlignments(tx: Transaction, certificationId: string, itemIds: readonly string[]) {
  await tx.delete(certificationAlignments).where(eq(certificationAlignments.certificationId, certificationId));
  if (itemIds.length)
    await tx
      .insert(certificationAlignments)
      .values([...new Set(itemIds)].map((itemId) => ({ certificationId, itemId })))
      .onConflictDoNothing();
}

/** A new certification of an organisation the actor manages certifications for; its texts in its own language. */
export async function createCertification(
  ctx: CertificationsContext,
  actor: Actor | null,
  input: CertificationInput,
  reader: Locale,
): Promise<CertificationDto> {
  const data = parseInput(certificationInputSchema, input);
  requireAccess(actor, "certification.manage", data.ownerId);
  if (!(await existingOrganisations(ctx.db, [data.ownerId])).has(data.ownerId))
    throw fieldError("ownerId", "certifications.field.unknownOwner");
  const slug =
    data.slug ??
    (await freeSlug(
      data.title,
      "certification",
      async (s) => !!(await ctx.db.select({ id: certifications.id }).from(certifications).where(eq(certifications.slug, s))).length,
    ));
  try {
    const id = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(certifications)
        .values({
          slug,
          ownerOrganisationId: data.ownerId,
          status: data.status ?? "draft",
          defaultLocale: data.defaultLocale,
          rules: data.rules,
          validityMonths: data.validityMonths ?? null,
          reminderDays: data.reminderDays ?? 30,
          example: data.example ?? false,
          createdAt: ctx.now(),
          updatedAt: ctx.now(),
        })
        .returning({ id: certifications.id });
      const certificationId = (row as { id: string }).id;
      await tx.insert(certificationTexts).values({
        certificationId,
        locale: data.defaultLocale,
        title: data.title,
        summary: data.summary ?? "",
        criteria: data.criteria ?? "",
        status: "ready",
      });
      await setAlignments(tx, certificationId, data.alignedItemIds ?? []);
      return certificationId;
    });
    return toCertificationDto(ctx.db, ctx.publicUrl, actor, await findCertification(ctx.db, id), reader);
  } catch (error) {
    throw constraintError(error, uniqueRules);
  }
}

/** Changes rules, validity, status, alignments and the texts in the certification's own language. */
export async function updateCertification(
  ctx: CertificationsContext,
  actor: Actor | null,
  ref: string,
  patch: CertificationPatch,
  reader: Locale,
): Promise<CertificationDto> {
  const data = parseInput(certificationPatchSchema, patch);
  const row = await findCertification(ctx.db, ref);
  requireAccess(actor, "certification.manage", row.ownerOrganisationId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(certifications)
      .set({
        ...(data.rules ? { rules: data.rules } : {}),
        ...(data.validityMonths !== undefined ? { validityMonths: data.validityMonths } : {}),
        ...(data.reminderDays !== undefined ? { reminderDays: data.reminderDays } : {}),
        ...(data.status ? { status: data.status } : {}),
        ...(data.example !== undefined ? { example: data.example } : {}),
        updatedAt: ctx.now(),
      })
      .where(eq(certifications.id, row.id));
    const texts = { title: data.title, summary: data.summary, criteria: data.criteria };
    const changed = Object.fromEntries(Object.entries(texts).filter(([, v]) => v !== undefined));
    if (Object.keys(changed).length)
      await tx
        .update(certificationTexts)
        .set(changed)
        .where(and(eq(certificationTexts.certificationId, row.id), eq(certificationTexts.locale, row.defaultLocale)));
    if (data.alignedItemIds) await setAlignments(tx, row.id, data.alignedItemIds);
  });
  return toCertificationDto(ctx.db, ctx.publicUrl, actor, await findCertification(ctx.db, row.id), reader);
}

/** Adds or replaces the texts in another language; the reader sees them once ready. */
export async function translateCertification(
  ctx: CertificationsContext,
  actor: Actor | null,
  ref: string,
  input: CertificationTranslationInput,
  reader: Locale,
): Promise<CertificationDto> {
  const data = parseInput(certificationTranslationSchema, input);
  const row = await findCertification(ctx.db, ref);
  requireAccess(actor, "certification.manage", row.ownerOrganisationId);
  if (data.locale === row.defaultLocale) throw fieldError("locale", "certifications.field.ownLanguage");
  const values = { title: data.title, summary: data.summary ?? "", criteria: data.criteria ?? "", status: data.status ?? "draft" };
  await ctx.db
    .insert(certificationTexts)
    .values({ certificationId: row.id, locale: data.locale, ...values })
    .onConflictDoUpdate({ target: [certificationTexts.certificationId, certificationTexts.locale], set: values });
  return toCertificationDto(ctx.db, ctx.publicUrl, actor, row, reader);
}

export async function getCertification(
  ctx: CertificationsContext,
  actor: Actor | null,
  ref: string,
  reader: Locale,
): Promise<CertificationDto> {
  const row = await findCertification(ctx.db, ref);
  if (!visibleTo(actor, row)) throw notFound("certification");
  return toCertificationDto(ctx.db, ctx.publicUrl, actor, row, reader);
}

/**
 * Active certifications for anyone; with `managed`, every certification of the organisations the
 * actor manages certifications for (all of them for the secretariat).
 */
export async function listCertifications(
  ctx: CertificationsContext,
  actor: Actor | null,
  options: { managed?: boolean | undefined },
  reader: Locale,
): Promise<CertificationSummaryDto[]> {
  let where: SQL | undefined = eq(certifications.status, "active");
  if (options.managed) {
    if (!actor) return [];
    // Assessors see the certifications they assess for too: the queue names them.
    const ids = actor.roles.flatMap((g) =>
      g.organisationId && can(actor, "certification.assess", g.organisationId) ? [g.organisationId] : [],
    );
    if (isGlobalStaff(actor)) where = undefined;
    else if (!ids.length) return [];
    else where = inArray(certifications.ownerOrganisationId, ids);
  }
  const rows = await ctx.db.select().from(certifications).where(where).orderBy(asc(certifications.slug));
  return toSummaries(ctx.db, rows, reader);
}
