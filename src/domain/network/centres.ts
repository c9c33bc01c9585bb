import { and, asc, count, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import type { Page } from "../shared/dto.ts";
import { DomainError, forbidden } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import type { NetworkContext } from "./context.ts";
import { translateConstraintError } from "./db-errors.ts";
import type { CentreDto, CentreSummaryDto } from "./dto.ts";
import { toCentreSummary, toFacilityDto, toMembershipDto, toOrganisationRef } from "./mapping.ts";
import { can, requireAccess } from "./permissions.ts";
import { organisationRefs } from "./queries.ts";
import {
  findCentre,
  geoOrFail,
  memberCount,
  nameMatches,
  newOrganisation,
  requireFreeName,
  requireOrganisations,
  slugFor,
} from "./rows.ts";
import { centreFoundingPartners, centres, facilities, memberships, organisations } from "./schema.ts";
import { type CentreFilters, centreFiltersSchema, centreInputSchema, centrePatchSchema } from "./validation.ts";

/** Fields of a centre that only the registry (the secretariat) changes: its identity within the network. */
const reservedCentreFields = ["slug", "kind", "ordinal", "status"] as const;

export async function listCentres(ctx: NetworkContext, filters: CentreFilters, reader: Locale): Promise<Page<CentreSummaryDto>> {
  const f = parseInput(centreFiltersSchema, filters);
  const where = and(
    f.kind ? eq(organisations.kind, f.kind) : undefined,
    f.subregion ? eq(centres.subregion, f.subregion) : undefined,
    f.country ? eq(organisations.country, f.country) : undefined,
    f.q ? nameMatches(f.q) : undefined,
  );
  const [[totalRow], rows] = await Promise.all([
    ctx.db.select({ total: count() }).from(centres).innerJoin(organisations, eq(organisations.id, centres.organisationId)).where(where),
    ctx.db
      .select({ organisation: organisations, centre: centres, members: memberCount })
      .from(centres)
      .innerJoin(organisations, eq(organisations.id, centres.organisationId))
      .where(where)
      .orderBy(asc(organisations.name))
      .limit(f.limit)
      .offset(f.offset),
  ]);
  const refs = await organisationRefs(
    ctx.db,
    rows.map((r) => r.centre.hostOrganisationId),
    reader,
  );
  return {
    items: rows.map((r) => toCentreSummary(r.organisation, r.centre, r.members, refs, reader)),
    total: totalRow?.total ?? 0,
    limit: f.limit,
    offset: f.offset,
  };
}

export async function getCentre(ctx: NetworkContext, slug: string, reader: Locale): Promise<CentreDto> {
  const { organisation, centre } = await findCentre(ctx, slug);
  const [partnerRows, memberRows, facilityRows, [countRow], refs] = await Promise.all([
    ctx.db
      .select({ organisation: organisations })
      .from(centreFoundingPartners)
      .innerJoin(organisations, eq(organisations.id, centreFoundingPartners.organisationId))
      .where(eq(centreFoundingPartners.centreId, centre.organisationId))
      .orderBy(asc(centreFoundingPartners.position)),
    ctx.db
      .select({ membership: memberships, organisation: organisations })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(eq(memberships.centreId, centre.organisationId))
      .orderBy(asc(organisations.name)),
    ctx.db
      .select()
      .from(facilities)
      .where(eq(facilities.centreId, centre.organisationId))
      .orderBy(asc(facilities.inauguratedOn), asc(facilities.createdAt)),
    ctx.db.select({ n: count() }).from(memberships).where(eq(memberships.centreId, centre.organisationId)),
    organisationRefs(ctx.db, [centre.hostOrganisationId, centre.operatorOrganisationId], reader),
  ]);
  return {
    ...toCentreSummary(organisation, centre, countRow?.n ?? 0, refs, reader),
    names: organisation.names,
    city: organisation.city,
    operator: centre.operatorOrganisationId ? (refs.get(centre.operatorOrganisationId) ?? null) : null,
    foundingPartners: partnerRows.map((r) => toOrganisationRef(r.organisation, reader)),
    focusAreas: centre.focusAreas,
    website: organisation.website,
    facilities: facilityRows.map(toFacilityDto),
    members: memberRows.map((r) => toMembershipDto(r.membership, r.organisation, reader)),
  };
}

/** Sub-regions that have at least one centre, for the directory's filter. */
export async function listSubregions(ctx: NetworkContext): Promise<string[]> {
  const rows = await ctx.db.selectDistinct({ subregion: centres.subregion }).from(centres).orderBy(asc(centres.subregion));
  return rows.map((r) => r.subregion);
}

/** Whether the actor may edit the centre's page (the UI shows or hides the way there). */
export function canManageCentre(_ctx: NetworkContext, actor: Actor | null, centreId: string): boolean {
  return can(actor, "centre.edit", centreId);
}

/** The founding partners in the order given, replacing any there were. */
async function setFoundingPartners(tx: Executor, centreId: string, partnerIds: readonly string[], replace: boolean) {
  if (replace) await tx.delete(centreFoundingPartners).where(eq(centreFoundingPartners.centreId, centreId));
  const partners = [...new Set(partnerIds)];
  if (partners.length) {
    await tx.insert(centreFoundingPartners).values(partners.map((organisationId, position) => ({ centreId, organisationId, position })));
  }
}

export async function createCentre(ctx: NetworkContext, actor: Actor | null, input: unknown, reader: Locale): Promise<CentreDto> {
  requireAccess(actor, "network.register");
  const data = parseInput(centreInputSchema, input);
  const geo = geoOrFail(data.country);
  await requireOrganisations(ctx, {
    hostOrganisationId: data.hostOrganisationId,
    operatorOrganisationId: data.operatorOrganisationId,
    foundingPartnerIds: data.foundingPartnerIds,
  });
  await requireFreeName(ctx, data.name);
  const slug = data.slug ?? slugFor(data.name, data.kind);
  try {
    await ctx.db.transaction(async (tx) => {
      const [organisation] = await tx
        .insert(organisations)
        .values(newOrganisation(slug, data, ctx.now()))
        .returning({ id: organisations.id });
      const id = organisation!.id;
      await tx.insert(centres).values({
        organisationId: id,
        ordinal: data.ordinal ?? null,
        hostOrganisationId: data.hostOrganisationId ?? null,
        operatorOrganisationId: data.operatorOrganisationId ?? null,
        languages: data.languages ?? [],
        establishedOn: data.establishedOn ?? null,
        focusAreas: data.focusAreas ?? [],
        status: data.status ?? "active",
        subregion: geo.subregion,
        latitude: data.latitude ?? null,
        longitude: data.longitude ?? null,
      });
      await setFoundingPartners(tx, id, data.foundingPartnerIds ?? [], false);
    });
  } catch (error) {
    throw translateConstraintError(error);
  }
  return getCentre(ctx, slug, reader);
}

export async function updateCentre(
  ctx: NetworkContext,
  actor: Actor | null,
  slug: string,
  patch: unknown,
  reader: Locale,
): Promise<CentreDto> {
  requireActor(actor);
  const { organisation, centre } = await findCentre(ctx, slug);
  const who = requireAccess(actor, "centre.edit", organisation.id);
  const data = parseInput(centrePatchSchema, patch);
  const current = { slug: organisation.slug, kind: organisation.kind, ordinal: centre.ordinal, status: centre.status };
  const changesIdentity = reservedCentreFields.some((field) => data[field] !== undefined && data[field] !== current[field]);
  if (changesIdentity && !can(who, "network.register")) throw forbidden();
  const geo = data.country ? geoOrFail(data.country) : null;
  if (data.name) await requireFreeName(ctx, data.name, organisation.id);
  await requireOrganisations(ctx, {
    hostOrganisationId: data.hostOrganisationId,
    operatorOrganisationId: data.operatorOrganisationId,
    foundingPartnerIds: data.foundingPartnerIds,
  });
  try {
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(organisations)
        .set({
          slug: data.slug,
          kind: data.kind,
          name: data.name,
          names: data.names,
          country: data.country,
          city: data.city === undefined ? undefined : data.city || null,
          website: data.website,
          updatedAt: ctx.now(),
        })
        .where(eq(organisations.id, organisation.id));
      const centreChanges = {
        ordinal: data.ordinal,
        hostOrganisationId: data.hostOrganisationId,
        operatorOrganisationId: data.operatorOrganisationId,
        languages: data.languages,
        establishedOn: data.establishedOn,
        focusAreas: data.focusAreas,
        status: data.status,
        subregion: geo?.subregion,
        latitude: data.latitude,
        longitude: data.longitude,
      };
      if (Object.values(centreChanges).some((v) => v !== undefined)) {
        await tx.update(centres).set(centreChanges).where(eq(centres.organisationId, organisation.id));
      }
      if (data.foundingPartnerIds) await setFoundingPartners(tx, organisation.id, data.foundingPartnerIds, true);
    });
  } catch (error) {
    throw translateConstraintError(error);
  }
  return getCentre(ctx, data.slug ?? organisation.slug, reader);
}

/**
 * Removes a centre with what belongs to it alone (founding-partner links, facilities). A centre
 * that still has member institutions, or that other records name, is in use: nothing is removed.
 */
export async function deleteCentre(ctx: NetworkContext, actor: Actor | null, slug: string): Promise<void> {
  requireAccess(actor, "network.register");
  const { organisation } = await findCentre(ctx, slug);
  try {
    await ctx.db.transaction(async (tx) => {
      const [members] = await tx.select({ n: count() }).from(memberships).where(eq(memberships.centreId, organisation.id));
      if (members && members.n > 0) throw new DomainError("in_use", 409);
      await tx.delete(organisations).where(eq(organisations.id, organisation.id));
    });
  } catch (error) {
    throw translateConstraintError(error);
  }
}
