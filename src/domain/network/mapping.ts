import { type Locale, pickLocalised } from "../../i18n/locales.ts";
import type { CentreKind, CentreSummaryDto, FacilityDto, MembershipDto, OrganisationDto, OrganisationRef } from "./dto.ts";
import { countryGeoOf } from "./geo/lookup.ts";
import type { centres, facilities, memberships, organisations } from "./schema.ts";

type OrganisationRow = typeof organisations.$inferSelect;

/** The reader's language, else English, else the canonical name. */
export function localName(row: Pick<OrganisationRow, "name" | "names">, locale: Locale): string {
  return pickLocalised({ en: row.name, ...row.names }, locale);
}

export function toOrganisationRef(row: OrganisationRow, locale: Locale): OrganisationRef {
  return { id: row.id, slug: row.slug, name: localName(row, locale), kind: row.kind, country: row.country };
}

export function toOrganisationDto(row: OrganisationRow, locale: Locale): OrganisationDto {
  return {
    ...toOrganisationRef(row, locale),
    names: row.names,
    website: row.website,
    city: row.city,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toFacilityDto(row: typeof facilities.$inferSelect): FacilityDto {
  return { id: row.id, kind: row.kind, name: row.name, inauguratedOn: row.inauguratedOn, partners: row.partners };
}

export function toMembershipDto(row: typeof memberships.$inferSelect, organisation: OrganisationRow, locale: Locale): MembershipDto {
  return { organisation: toOrganisationRef(organisation, locale), joinedOn: row.joinedOn, agreement: row.agreement };
}

/** A centre as the directory lists it; `refs` names its host. */
export function toCentreSummary(
  organisation: OrganisationRow,
  centre: typeof centres.$inferSelect,
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
    status: centre.status,
    memberCount: members,
    latitude: centre.latitude ?? geo?.latitude ?? 0,
    longitude: centre.longitude ?? geo?.longitude ?? 0,
  };
}
