import { and, asc, count, eq } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.ts";
import { type Actor, isGlobalStaff, requireActor } from "../shared/actor.ts";
import type { Page } from "../shared/dto.ts";
import { fieldError, forbidden } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import { deleteCentre } from "./centres.ts";
import type { NetworkContext } from "./context.ts";
import { translateConstraintError } from "./db-errors.ts";
import type { OrganisationDto } from "./dto.ts";
import { toOrganisationDto } from "./mapping.ts";
import { can, requireAccess } from "./permissions.ts";
import {
  findOrganisation,
  geoOrFail,
  isCentreKind,
  nameMatches,
  newOrganisation,
  type OrganisationRow,
  requireFreeName,
  slugFor,
} from "./rows.ts";
import { centres, organisations } from "./schema.ts";
import {
  type OrganisationFilters,
  type OrganisationPatch,
  organisationFiltersSchema,
  organisationInputSchema,
  organisationPatchSchema,
} from "./validation.ts";

export async function listOrganisations(ctx: NetworkContext, filters: OrganisationFilters, reader: Locale): Promise<Page<OrganisationDto>> {
  const f = parseInput(organisationFiltersSchema, filters);
  const where = and(
    f.kind ? eq(organisations.kind, f.kind) : undefined,
    f.country ? eq(organisations.country, f.country) : undefined,
    f.q ? nameMatches(f.q) : undefined,
  );
  const [[totalRow], rows] = await Promise.all([
    ctx.db.select({ total: count() }).from(organisations).where(where),
    ctx.db.select().from(organisations).where(where).orderBy(asc(organisations.name)).limit(f.limit).offset(f.offset),
  ]);
  return { items: rows.map((r) => toOrganisationDto(r, reader)), total: totalRow?.total ?? 0, limit: f.limit, offset: f.offset };
}

export async function getOrganisation(ctx: NetworkContext, slug: string, reader: Locale): Promise<OrganisationDto> {
  return toOrganisationDto(await findOrganisation(ctx, slug), reader);
}

/** Centres are created through createCentre; the secretariat adds any other organisation, a centre's team a university. */
export async function createOrganisation(
  ctx: NetworkContext,
  actor: Actor | null,
  input: unknown,
  reader: Locale,
): Promise<OrganisationDto> {
  const who = requireActor(actor);
  const data = parseInput(organisationInputSchema, input);
  // A centre's team may add the university it is about to welcome into its network.
  const welcomesUniversity =
    data.kind === "university" && who.roles.some((g) => g.organisationId && can(who, "university.add", g.organisationId));
  if (!can(who, "network.register") && !welcomesUniversity) throw forbidden();
  if (isCentreKind(data.kind)) throw fieldError("kind", "network.field.centreKind");
  if (data.country) geoOrFail(data.country);
  await requireFreeName(ctx, data.name);
  const slug = data.slug ?? slugFor(data.name, data.kind);
  try {
    const [row] = await ctx.db
      .insert(organisations)
      .values(newOrganisation(slug, data, ctx.now()))
      .returning();
    return toOrganisationDto(row!, reader);
  } catch (error) {
    throw translateConstraintError(error);
  }
}

/** Whether a patch changes what the registry says an organisation is: its kind, its names, its slug. */
function registryFieldsChanged(current: OrganisationRow, data: OrganisationPatch): boolean {
  const sameNames = (a: Record<string, string>, b: Record<string, string>) =>
    Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([locale, name]) => b[locale] === name);
  return (
    (data.kind !== undefined && data.kind !== current.kind) ||
    (data.name !== undefined && data.name !== current.name) ||
    (data.slug !== undefined && data.slug !== current.slug) ||
    (data.names !== undefined && !sameNames(data.names as Record<string, string>, (current.names ?? {}) as Record<string, string>))
  );
}

export async function updateOrganisation(
  ctx: NetworkContext,
  actor: Actor | null,
  slug: string,
  patch: unknown,
  reader: Locale,
): Promise<OrganisationDto> {
  requireActor(actor);
  const current = await findOrganisation(ctx, slug);
  requireAccess(actor, "organisation.edit", current.id);
  const data = parseInput(organisationPatchSchema, patch);
  // What an organisation is and what it is called are the registry's to say: an institution's
  // own administrator keeps its details current but cannot make it an institute, rename it in any
  // language or move its address.
  if (!isGlobalStaff(actor) && registryFieldsChanged(current, data)) throw forbidden();
  // Becoming or ceasing to be a centre changes which tables describe it: the centre form does that.
  if (data.kind && data.kind !== current.kind && (isCentreKind(data.kind) || isCentreKind(current.kind))) {
    throw fieldError("kind", "network.field.centreKind");
  }
  if (data.country) geoOrFail(data.country);
  if (data.country === null && isCentreKind(current.kind)) throw fieldError("country", "network.field.unknownCountry");
  if (data.name) await requireFreeName(ctx, data.name, current.id);
  const subregion = data.country && isCentreKind(current.kind) ? geoOrFail(data.country).subregion : undefined;
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const [updated] = await tx
        .update(organisations)
        .set({ ...data, city: data.city === undefined ? undefined : data.city || null, updatedAt: ctx.now() })
        .where(eq(organisations.id, current.id))
        .returning();
      if (subregion) await tx.update(centres).set({ subregion }).where(eq(centres.organisationId, current.id));
      return updated!;
    });
    return toOrganisationDto(row, reader);
  } catch (error) {
    throw translateConstraintError(error);
  }
}

/** An organisation no record refers to; a centre goes with what belongs to it alone (see deleteCentre). */
export async function deleteOrganisation(ctx: NetworkContext, actor: Actor | null, slug: string): Promise<void> {
  requireAccess(actor, "network.register");
  const current = await findOrganisation(ctx, slug);
  if (isCentreKind(current.kind)) return deleteCentre(ctx, actor, slug);
  try {
    await ctx.db.delete(organisations).where(eq(organisations.id, current.id));
  } catch (error) {
    throw translateConstraintError(error);
  }
}
