import { and, asc, count, countDistinct, eq, inArray, isNotNull, ne, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { type Actor, hasRole, isGlobalStaff, type Role, requireActor, requireRole } from "../shared/actor.ts";
import { DomainError, fieldError, notFound } from "../shared/errors.ts";
import { slugify, slugSchema } from "../shared/slugs.ts";
import { parseInput } from "../shared/validation.ts";
import { translateConstraintError, uniqueViolation } from "./db-errors.ts";
import {
  type CentreDto,
  type CentreFilters,
  type CentreKind,
  type CentreStatus,
  type CentreSummaryDto,
  centreKinds,
  type FacilityDto,
  type GovernanceRole,
  type GovernanceTermDto,
  type MembershipDto,
  type NetworkFigures,
  type OrganisationDto,
  type OrganisationKind,
  type OrganisationRef,
  type Page,
  type TimelineEntry,
} from "./dto.ts";
import { countryGeoOf } from "./geo/lookup.ts";
import { localName, toOrganisationDto, toOrganisationRef } from "./mapping.ts";
import { centreFoundingPartners, centres, facilities, governanceTerms, memberships, organisations } from "./schema.ts";
import {
  centreFiltersSchema,
  centreInputSchema,
  centrePatchSchema,
  facilityInputSchema,
  governanceTermInputSchema,
  governanceTermPatchSchema,
  membershipInputSchema,
  type OrganisationFilters,
  organisationFiltersSchema,
  organisationInputSchema,
  organisationPatchSchema,
} from "./validation.ts";

export type NetworkServiceDeps = { db: Database; now?: () => Date };

type OrganisationRow = typeof organisations.$inferSelect;
type CentreRow = typeof centres.$inferSelect;
type GovernanceTermRow = typeof governanceTerms.$inferSelect;

/** Roles that run a centre's network of member institutions and its facilities. */
const centreTeam: readonly Role[] = ["centre_admin", "centre_staff"];
/** Fields of a centre that only the secretariat changes: its identity within the network. */
const reservedCentreFields = ["slug", "kind", "ordinal", "status"] as const;

const isCentreKind = (kind: string): kind is CentreKind => (centreKinds as readonly string[]).includes(kind);

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, "\\$&")}%`;
}

/** The canonical name or any translation contains the text, ignoring case. */
function nameMatches(q: string): SQL {
  const pattern = likePattern(q);
  return sql`(${organisations.name} ilike ${pattern} or exists (select 1 from jsonb_each_text(${organisations.names}) as n(key, value) where n.value ilike ${pattern}))`;
}

/** A slug from the name; names in non-Latin scripts fall back to the kind and a random suffix. */
function slugFor(name: string, kind: OrganisationKind): string {
  const slug = slugify(name);
  return slug.length >= 2 ? slug : `${kind.replaceAll("_", "-")}-${crypto.randomUUID().slice(0, 8)}`;
}

export function createNetworkService(deps: NetworkServiceDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  async function organisationRefs(ids: (string | null)[], locale: Locale): Promise<Map<string, OrganisationRef>> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    if (!wanted.length) return new Map();
    const rows = await db.select().from(organisations).where(inArray(organisations.id, wanted));
    return new Map(rows.map((row) => [row.id, toOrganisationRef(row, locale)]));
  }

  /** Refuses ids of organisations that do not exist, naming the field, before anything is written. */
  async function requireOrganisations(fields: Record<string, string | string[] | null | undefined>) {
    const ids = Object.values(fields).flatMap((v) => (v == null ? [] : Array.isArray(v) ? v : [v]));
    if (!ids.length) return;
    const found = new Set(
      (
        await db
          .select({ id: organisations.id })
          .from(organisations)
          .where(inArray(organisations.id, [...new Set(ids)]))
      ).map((r) => r.id),
    );
    for (const [path, value] of Object.entries(fields)) {
      const values = value == null ? [] : Array.isArray(value) ? value : [value];
      if (values.some((id) => !found.has(id))) throw fieldError(path, "network.field.unknownOrganisation");
    }
  }

  /**
   * Names are unique regardless of case. Checked before writing because a name clash also clashes
   * on the slug derived from it, and the name is what the user should hear about.
   */
  async function requireFreeName(name: string, exceptId?: string) {
    const [clash] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(sql`lower(${organisations.name}) = lower(${name})`, exceptId ? ne(organisations.id, exceptId) : undefined));
    if (clash) throw uniqueViolation("organisations_name_lower_idx");
  }

  function geoOrFail(country: string) {
    const geo = countryGeoOf(country);
    if (!geo) throw fieldError("country", "network.field.unknownCountry");
    return geo;
  }

  async function findOrganisation(slug: string): Promise<OrganisationRow> {
    parseInput(slugSchema, slug);
    const [row] = await db.select().from(organisations).where(eq(organisations.slug, slug));
    if (!row) throw notFound("organisation");
    return row;
  }

  async function findCentre(slug: string): Promise<{ organisation: OrganisationRow; centre: CentreRow }> {
    parseInput(slugSchema, slug);
    const [row] = await db
      .select({ organisation: organisations, centre: centres })
      .from(centres)
      .innerJoin(organisations, eq(organisations.id, centres.organisationId))
      .where(eq(organisations.slug, slug));
    if (!row) throw notFound("centre");
    return row;
  }

  const memberCount = sql<number>`(select count(*) from ${memberships} where ${memberships.centreId} = ${centres.organisationId})`.mapWith(
    Number,
  );

  function toSummary(
    organisation: OrganisationRow,
    centre: CentreRow,
    members: number,
    refs: Map<string, OrganisationRef>,
    locale: Locale,
  ): CentreSummaryDto {
    const country = organisation.country ?? "";
    const geo = countryGeoOf(country);
    return {
      id: organisation.id,
      slug: organisation.slug,
      kind: organisation.kind as CentreKind,
      name: localName(organisation, locale),
      ordinal: centre.ordinal,
      country,
      subregion: centre.subregion,
      host: centre.hostOrganisationId ? (refs.get(centre.hostOrganisationId) ?? null) : null,
      languages: centre.languages,
      establishedOn: centre.establishedOn,
      status: centre.status as CentreStatus,
      memberCount: members,
      latitude: centre.latitude ?? geo?.latitude ?? 0,
      longitude: centre.longitude ?? geo?.longitude ?? 0,
    };
  }

  async function listCentres(filters: CentreFilters, locale: Locale): Promise<Page<CentreSummaryDto>> {
    const f = parseInput(centreFiltersSchema, filters);
    const where = and(
      f.kind ? eq(organisations.kind, f.kind) : undefined,
      f.subregion ? eq(centres.subregion, f.subregion) : undefined,
      f.country ? eq(organisations.country, f.country) : undefined,
      f.q ? nameMatches(f.q) : undefined,
    );
    const joined = () => db.select({ total: count() }).from(centres).innerJoin(organisations, eq(organisations.id, centres.organisationId));
    const [[totalRow], rows] = await Promise.all([
      joined().where(where),
      db
        .select({ organisation: organisations, centre: centres, members: memberCount })
        .from(centres)
        .innerJoin(organisations, eq(organisations.id, centres.organisationId))
        .where(where)
        .orderBy(asc(organisations.name))
        .limit(f.limit)
        .offset(f.offset),
    ]);
    const refs = await organisationRefs(
      rows.map((r) => r.centre.hostOrganisationId),
      locale,
    );
    return {
      items: rows.map((r) => toSummary(r.organisation, r.centre, r.members, refs, locale)),
      total: totalRow?.total ?? 0,
      limit: f.limit,
      offset: f.offset,
    };
  }

  async function getCentre(slug: string, locale: Locale): Promise<CentreDto> {
    const { organisation, centre } = await findCentre(slug);
    const [partnerRows, memberRows, facilityRows, [countRow]] = await Promise.all([
      db
        .select({ organisation: organisations })
        .from(centreFoundingPartners)
        .innerJoin(organisations, eq(organisations.id, centreFoundingPartners.organisationId))
        .where(eq(centreFoundingPartners.centreId, centre.organisationId))
        .orderBy(asc(centreFoundingPartners.position)),
      db
        .select({ membership: memberships, organisation: organisations })
        .from(memberships)
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(eq(memberships.centreId, centre.organisationId))
        .orderBy(asc(organisations.name)),
      db
        .select()
        .from(facilities)
        .where(eq(facilities.centreId, centre.organisationId))
        .orderBy(asc(facilities.inauguratedOn), asc(facilities.createdAt)),
      db.select({ n: count() }).from(memberships).where(eq(memberships.centreId, centre.organisationId)),
    ]);
    const refs = await organisationRefs([centre.hostOrganisationId, centre.operatorOrganisationId], locale);
    return {
      ...toSummary(organisation, centre, countRow?.n ?? 0, refs, locale),
      names: organisation.names,
      city: organisation.city,
      operator: centre.operatorOrganisationId ? (refs.get(centre.operatorOrganisationId) ?? null) : null,
      foundingPartners: partnerRows.map((r) => toOrganisationRef(r.organisation, locale)),
      focusAreas: centre.focusAreas,
      website: organisation.website,
      facilities: facilityRows.map(toFacilityDto),
      members: memberRows.map((r) => toMembershipDto(r.membership, r.organisation, locale)),
    };
  }

  async function figures(): Promise<NetworkFigures> {
    const [[centreRow], [partnerRow], [facilityRow]] = await Promise.all([
      db
        .select({
          centres: count(),
          nationalCentres: sql<number>`count(*) filter (where ${organisations.kind} = 'national_centre')`.mapWith(Number),
          trainingCentres: sql<number>`count(*) filter (where ${organisations.kind} = 'training_centre')`.mapWith(Number),
          countries: countDistinct(organisations.country),
        })
        .from(centres)
        .innerJoin(organisations, eq(organisations.id, centres.organisationId)),
      db.select({ n: countDistinct(memberships.organisationId) }).from(memberships),
      db.select({ n: count() }).from(facilities).where(eq(facilities.kind, "smart_classroom")),
    ]);
    return {
      centres: centreRow?.centres ?? 0,
      nationalCentres: centreRow?.nationalCentres ?? 0,
      trainingCentres: centreRow?.trainingCentres ?? 0,
      countries: centreRow?.countries ?? 0,
      partnerInstitutions: partnerRow?.n ?? 0,
      smartClassrooms: facilityRow?.n ?? 0,
    };
  }

  /** One entry per year from the first establishment to the last, so growth reads as a continuous line. */
  async function timeline(locale: Locale): Promise<TimelineEntry[]> {
    const rows = await db
      .select({ organisation: organisations, establishedOn: centres.establishedOn })
      .from(centres)
      .innerJoin(organisations, eq(organisations.id, centres.organisationId))
      .where(isNotNull(centres.establishedOn))
      .orderBy(asc(centres.establishedOn), asc(organisations.name));
    if (!rows.length) return [];
    const yearOf = (date: string) => Number(date.slice(0, 4));
    const first = yearOf(rows[0]!.establishedOn!);
    const last = yearOf(rows.at(-1)!.establishedOn!);
    const entries: TimelineEntry[] = [];
    let total = 0;
    for (let year = first; year <= last; year++) {
      const established = rows
        .filter((r) => yearOf(r.establishedOn!) === year)
        .map((r) => ({
          slug: r.organisation.slug,
          name: localName(r.organisation, locale),
          country: r.organisation.country ?? "",
          establishedOn: r.establishedOn!,
        }));
      total += established.length;
      entries.push({ year, established, total });
    }
    return entries;
  }

  async function toGovernanceTermDtos(rows: GovernanceTermRow[], locale: Locale): Promise<GovernanceTermDto[]> {
    const refs = await organisationRefs(
      rows.map((r) => r.holderOrganisationId),
      locale,
    );
    return rows.map((r) => ({
      id: r.id,
      year: r.year,
      role: r.role as GovernanceRole,
      holder: r.holderOrganisationId ? (refs.get(r.holderOrganisationId) ?? null) : null,
      holderName: r.holderName,
    }));
  }

  async function governance(locale: Locale): Promise<GovernanceTermDto[]> {
    const rows = await db
      .select()
      .from(governanceTerms)
      .orderBy(asc(governanceTerms.year), asc(governanceTerms.role), asc(governanceTerms.holderName));
    return toGovernanceTermDtos(rows, locale);
  }

  /** Sub-regions that have at least one centre, for the directory's filter. */
  async function listSubregions(): Promise<string[]> {
    const rows = await db.selectDistinct({ subregion: centres.subregion }).from(centres).orderBy(asc(centres.subregion));
    return rows.map((r) => r.subregion);
  }

  async function listOrganisations(filters: OrganisationFilters, locale: Locale): Promise<Page<OrganisationDto>> {
    const f = parseInput(organisationFiltersSchema, filters);
    const where = and(
      f.kind ? eq(organisations.kind, f.kind) : undefined,
      f.country ? eq(organisations.country, f.country) : undefined,
      f.q ? nameMatches(f.q) : undefined,
    );
    const [[totalRow], rows] = await Promise.all([
      db.select({ total: count() }).from(organisations).where(where),
      db.select().from(organisations).where(where).orderBy(asc(organisations.name)).limit(f.limit).offset(f.offset),
    ]);
    return { items: rows.map((r) => toOrganisationDto(r, locale)), total: totalRow?.total ?? 0, limit: f.limit, offset: f.offset };
  }

  async function getOrganisation(slug: string, locale: Locale): Promise<OrganisationDto> {
    return toOrganisationDto(await findOrganisation(slug), locale);
  }

  function canManageCentre(actor: Actor | null, centreId: string): boolean {
    return isGlobalStaff(actor) || hasRole(actor, ["centre_admin"], centreId);
  }

  /** The secretariat or the centre's own team (admin and staff), as addFacility and removeFacility require. */
  function canManageFacilities(actor: Actor | null, centreId: string): boolean {
    return isGlobalStaff(actor) || hasRole(actor, centreTeam, centreId);
  }

  async function createCentre(actor: Actor | null, input: unknown, locale: Locale): Promise<CentreDto> {
    requireRole(actor, []);
    const data = parseInput(centreInputSchema, input);
    const geo = geoOrFail(data.country);
    await requireOrganisations({
      hostOrganisationId: data.hostOrganisationId,
      operatorOrganisationId: data.operatorOrganisationId,
      foundingPartnerIds: data.foundingPartnerIds,
    });
    await requireFreeName(data.name);
    const slug = data.slug ?? slugFor(data.name, data.kind);
    try {
      await db.transaction(async (tx) => {
        const [organisation] = await tx
          .insert(organisations)
          .values({
            slug,
            kind: data.kind,
            name: data.name,
            names: data.names ?? {},
            country: data.country,
            city: data.city || null,
            website: data.website ?? null,
            createdAt: now(),
            updatedAt: now(),
          })
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
        const partners = [...new Set(data.foundingPartnerIds ?? [])];
        if (partners.length) {
          await tx
            .insert(centreFoundingPartners)
            .values(partners.map((organisationId, position) => ({ centreId: id, organisationId, position })));
        }
      });
    } catch (error) {
      throw translateConstraintError(error);
    }
    return getCentre(slug, locale);
  }

  async function updateCentre(actor: Actor | null, slug: string, patch: unknown, locale: Locale): Promise<CentreDto> {
    requireActor(actor);
    const { organisation, centre } = await findCentre(slug);
    const who = requireRole(actor, ["centre_admin"], organisation.id);
    const data = parseInput(centrePatchSchema, patch);
    const current = { slug: organisation.slug, kind: organisation.kind, ordinal: centre.ordinal, status: centre.status };
    if (!isGlobalStaff(who) && reservedCentreFields.some((field) => data[field] !== undefined && data[field] !== current[field])) {
      throw new DomainError("forbidden", 403);
    }
    const geo = data.country ? geoOrFail(data.country) : null;
    if (data.name) await requireFreeName(data.name, organisation.id);
    await requireOrganisations({
      hostOrganisationId: data.hostOrganisationId,
      operatorOrganisationId: data.operatorOrganisationId,
      foundingPartnerIds: data.foundingPartnerIds,
    });
    try {
      await db.transaction(async (tx) => {
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
            updatedAt: now(),
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
        if (data.foundingPartnerIds) {
          await tx.delete(centreFoundingPartners).where(eq(centreFoundingPartners.centreId, organisation.id));
          const partners = [...new Set(data.foundingPartnerIds)];
          if (partners.length) {
            await tx
              .insert(centreFoundingPartners)
              .values(partners.map((organisationId, position) => ({ centreId: organisation.id, organisationId, position })));
          }
        }
      });
    } catch (error) {
      throw translateConstraintError(error);
    }
    return getCentre(data.slug ?? organisation.slug, locale);
  }

  /**
   * Removes a centre with what belongs to it alone (founding-partner links, facilities). A centre
   * that still has member institutions, or that other records name, is in use: nothing is removed.
   */
  async function deleteCentre(actor: Actor | null, slug: string): Promise<void> {
    requireRole(actor, []);
    const { organisation } = await findCentre(slug);
    try {
      await db.transaction(async (tx) => {
        const [members] = await tx.select({ n: count() }).from(memberships).where(eq(memberships.centreId, organisation.id));
        if (members && members.n > 0) throw new DomainError("in_use", 409);
        await tx.delete(organisations).where(eq(organisations.id, organisation.id));
      });
    } catch (error) {
      throw translateConstraintError(error);
    }
  }

  async function createOrganisation(actor: Actor | null, input: unknown, locale: Locale): Promise<OrganisationDto> {
    const who = requireActor(actor);
    const data = parseInput(organisationInputSchema, input);
    // A centre's team may add the university it is about to welcome into its network.
    const mayCreate =
      isGlobalStaff(who) || (data.kind === "university" && who.roles.some((g) => centreTeam.includes(g.role) && g.organisationId));
    if (!mayCreate) throw new DomainError("forbidden", 403);
    if (isCentreKind(data.kind)) throw fieldError("kind", "network.field.centreKind");
    if (data.country) geoOrFail(data.country);
    await requireFreeName(data.name);
    const slug = data.slug ?? slugFor(data.name, data.kind);
    try {
      const [row] = await db
        .insert(organisations)
        .values({
          slug,
          kind: data.kind,
          name: data.name,
          names: data.names ?? {},
          country: data.country ?? null,
          city: data.city || null,
          website: data.website ?? null,
          createdAt: now(),
          updatedAt: now(),
        })
        .returning();
      return toOrganisationDto(row!, locale);
    } catch (error) {
      throw translateConstraintError(error);
    }
  }

  async function updateOrganisation(actor: Actor | null, slug: string, patch: unknown, locale: Locale): Promise<OrganisationDto> {
    requireActor(actor);
    const current = await findOrganisation(slug);
    requireRole(actor, ["institution_admin"], current.id);
    const data = parseInput(organisationPatchSchema, patch);
    // Becoming or ceasing to be a centre changes which tables describe it: the centre form does that.
    if (data.kind && data.kind !== current.kind && (isCentreKind(data.kind) || isCentreKind(current.kind))) {
      throw fieldError("kind", "network.field.centreKind");
    }
    if (data.country) geoOrFail(data.country);
    if (data.country === null && isCentreKind(current.kind)) throw fieldError("country", "network.field.unknownCountry");
    if (data.name) await requireFreeName(data.name, current.id);
    const subregion = data.country && isCentreKind(current.kind) ? geoOrFail(data.country).subregion : undefined;
    try {
      const row = await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(organisations)
          .set({ ...data, city: data.city === undefined ? undefined : data.city || null, updatedAt: now() })
          .where(eq(organisations.id, current.id))
          .returning();
        if (subregion) await tx.update(centres).set({ subregion }).where(eq(centres.organisationId, current.id));
        return updated!;
      });
      return toOrganisationDto(row, locale);
    } catch (error) {
      throw translateConstraintError(error);
    }
  }

  async function deleteOrganisation(actor: Actor | null, slug: string): Promise<void> {
    requireRole(actor, []);
    const current = await findOrganisation(slug);
    if (isCentreKind(current.kind)) return deleteCentre(actor, slug);
    try {
      await db.delete(organisations).where(eq(organisations.id, current.id));
    } catch (error) {
      throw translateConstraintError(error);
    }
  }

  async function addMember(actor: Actor | null, centreSlug: string, input: unknown, locale: Locale): Promise<MembershipDto> {
    requireActor(actor);
    const { organisation: centre } = await findCentre(centreSlug);
    requireRole(actor, centreTeam, centre.id);
    const data = parseInput(membershipInputSchema, input);
    if (data.organisationId === centre.id) throw fieldError("organisationId", "network.field.selfMembership");
    const [member] = await db.select().from(organisations).where(eq(organisations.id, data.organisationId));
    if (!member) throw fieldError("organisationId", "network.field.unknownOrganisation");
    try {
      const [row] = await db
        .insert(memberships)
        .values({
          centreId: centre.id,
          organisationId: member.id,
          joinedOn: data.joinedOn ?? null,
          agreement: data.agreement || null,
          createdAt: now(),
        })
        .returning();
      return toMembershipDto(row!, member, locale);
    } catch (error) {
      throw translateConstraintError(error);
    }
  }

  async function removeMember(actor: Actor | null, centreSlug: string, organisationSlug: string): Promise<void> {
    requireActor(actor);
    const { organisation: centre } = await findCentre(centreSlug);
    requireRole(actor, centreTeam, centre.id);
    const member = await findOrganisation(organisationSlug);
    const removed = await db
      .delete(memberships)
      .where(and(eq(memberships.centreId, centre.id), eq(memberships.organisationId, member.id)))
      .returning({ id: memberships.id });
    if (!removed.length) throw notFound("membership");
  }

  async function addFacility(actor: Actor | null, centreSlug: string, input: unknown): Promise<FacilityDto> {
    requireActor(actor);
    const { organisation: centre } = await findCentre(centreSlug);
    requireRole(actor, centreTeam, centre.id);
    const data = parseInput(facilityInputSchema, input);
    const [row] = await db
      .insert(facilities)
      .values({
        centreId: centre.id,
        name: data.name,
        inauguratedOn: data.inauguratedOn ?? null,
        partners: data.partners ?? [],
        createdAt: now(),
      })
      .returning();
    return toFacilityDto(row!);
  }

  async function removeFacility(actor: Actor | null, centreSlug: string, facilityId: string): Promise<void> {
    requireActor(actor);
    const { organisation: centre } = await findCentre(centreSlug);
    requireRole(actor, centreTeam, centre.id);
    parseInput(z.uuid(), facilityId);
    const removed = await db
      .delete(facilities)
      .where(and(eq(facilities.centreId, centre.id), eq(facilities.id, facilityId)))
      .returning({ id: facilities.id });
    if (!removed.length) throw notFound("facility");
  }

  async function findGovernanceTerm(id: string): Promise<GovernanceTermRow> {
    parseInput(z.uuid(), id);
    const [row] = await db.select().from(governanceTerms).where(eq(governanceTerms.id, id));
    if (!row) throw notFound("governance term");
    return row;
  }

  /** Governance is the secretariat's record of the network: only global staff write it. */
  async function getGovernanceTerm(actor: Actor | null, id: string, locale: Locale): Promise<GovernanceTermDto> {
    requireRole(actor, []);
    const [term] = await toGovernanceTermDtos([await findGovernanceTerm(id)], locale);
    return term!;
  }

  async function addGovernanceTerm(actor: Actor | null, input: unknown, locale: Locale): Promise<GovernanceTermDto> {
    requireRole(actor, []);
    const data = parseInput(governanceTermInputSchema, input);
    await requireOrganisations({ holderOrganisationId: data.holderOrganisationId });
    try {
      const [row] = await db
        .insert(governanceTerms)
        .values({
          year: data.year,
          role: data.role,
          holderOrganisationId: data.holderOrganisationId ?? null,
          holderName: data.holderName || null,
        })
        .returning();
      const [term] = await toGovernanceTermDtos([row!], locale);
      return term!;
    } catch (error) {
      throw translateConstraintError(error);
    }
  }

  async function updateGovernanceTerm(actor: Actor | null, id: string, patch: unknown, locale: Locale): Promise<GovernanceTermDto> {
    requireRole(actor, []);
    const current = await findGovernanceTerm(id);
    const data = parseInput(governanceTermPatchSchema, patch);
    const holderOrganisationId = data.holderOrganisationId === undefined ? current.holderOrganisationId : data.holderOrganisationId;
    const holderName = data.holderName === undefined ? current.holderName : data.holderName || null;
    if (!holderOrganisationId && !holderName) throw fieldError("holderOrganisationId", "network.field.holderRequired");
    await requireOrganisations({ holderOrganisationId: data.holderOrganisationId });
    try {
      const [row] = await db
        .update(governanceTerms)
        .set({ year: data.year, role: data.role, holderOrganisationId, holderName })
        .where(eq(governanceTerms.id, current.id))
        .returning();
      const [term] = await toGovernanceTermDtos([row!], locale);
      return term!;
    } catch (error) {
      throw translateConstraintError(error);
    }
  }

  async function removeGovernanceTerm(actor: Actor | null, id: string): Promise<void> {
    requireRole(actor, []);
    parseInput(z.uuid(), id);
    const removed = await db.delete(governanceTerms).where(eq(governanceTerms.id, id)).returning({ id: governanceTerms.id });
    if (!removed.length) throw notFound("governance term");
  }

  return {
    listCentres,
    getCentre,
    figures,
    timeline,
    governance,
    listSubregions,
    listOrganisations,
    getOrganisation,
    canManageCentre,
    canManageFacilities,
    createCentre,
    updateCentre,
    deleteCentre,
    createOrganisation,
    updateOrganisation,
    deleteOrganisation,
    addMember,
    removeMember,
    addFacility,
    removeFacility,
    getGovernanceTerm,
    addGovernanceTerm,
    updateGovernanceTerm,
    removeGovernanceTerm,
  };
}

export type NetworkService = ReturnType<typeof createNetworkService>;

function toFacilityDto(row: typeof facilities.$inferSelect): FacilityDto {
  return { id: row.id, kind: "smart_classroom", name: row.name, inauguratedOn: row.inauguratedOn, partners: row.partners };
}

function toMembershipDto(row: typeof memberships.$inferSelect, organisation: OrganisationRow, locale: Locale): MembershipDto {
  return { organisation: toOrganisationRef(organisation, locale), joinedOn: row.joinedOn, agreement: row.agreement };
}
