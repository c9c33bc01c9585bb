import type { CentreSummaryDto, OrganisationDto } from "../../domain/network/dto.ts";
import type { Page } from "../../domain/shared/dto.ts";
import type { Locale } from "../../i18n/locales.ts";
import type { Services } from "../../services.ts";

const pageSize = 100;

/** Every page of a listing: the map and the staff selects need the whole (small) network. */
async function everything<T>(fetchPage: (offset: number) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await fetchPage(offset);
    items.push(...page.items);
    if (page.items.length < pageSize || items.length >= page.total) return items;
  }
}

export function allCentres(services: Services, locale: Locale): Promise<CentreSummaryDto[]> {
  return everything((offset) => services.network.listCentres({ limit: pageSize, offset }, locale));
}

export function allOrganisations(services: Services, locale: Locale): Promise<OrganisationDto[]> {
  return everything((offset) => services.network.listOrganisations({ limit: pageSize, offset }, locale));
}

/** Organisations that are not centres: hosts, partners, operators and member institutions. */
export async function allPartnerOrganisations(services: Services, locale: Locale): Promise<OrganisationDto[]> {
  const all = await allOrganisations(services, locale);
  return all.filter((o) => o.kind !== "national_centre" && o.kind !== "training_centre");
}
