import { type Locale, pickLocalised } from "../../i18n/locales.ts";
import type { OrganisationDto, OrganisationKind, OrganisationRef } from "./dto.ts";
import type { organisations } from "./schema.ts";

type OrganisationRow = typeof organisations.$inferSelect;

/** The reader's language, else English, else the canonical name. */
export function localName(row: Pick<OrganisationRow, "name" | "names">, locale: Locale): string {
  return pickLocalised({ en: row.name, ...row.names }, locale);
}

export function toOrganisationRef(row: OrganisationRow, locale: Locale): OrganisationRef {
  return { id: row.id, slug: row.slug, name: localName(row, locale), kind: row.kind as OrganisationKind, country: row.country };
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
