import { countryGeo } from "../../domain/network/geo/countries.ts";
import type { Locale } from "../../i18n/locales.ts";
import type { Services } from "../../services.ts";
import type { Option } from "./form-fields.tsx";
import { allOrganisations, allPartnerOrganisations } from "./network-data.server.ts";

const byLabel = (locale: Locale) => {
  const collator = new Intl.Collator(locale);
  return (a: Option, b: Option) => collator.compare(a.label, b.label);
};

/** Every country the registry knows, named and sorted in the reader's language. */
export function countryOptions(locale: Locale): Option[] {
  const names = new Intl.DisplayNames(locale, { type: "region", fallback: "code" });
  return Object.keys(countryGeo)
    .map((code) => ({ value: code, label: names.of(code) ?? code }))
    .sort(byLabel(locale));
}

/** Organisations a centre can name as host, operator, founding partner or member. */
export async function organisationOptions(services: Services, locale: Locale): Promise<(Option & { slug: string })[]> {
  const organisations = await allPartnerOrganisations(services, locale);
  return organisations.map((o) => ({ value: o.id, label: o.name, slug: o.slug })).sort(byLabel(locale));
}

/** Any organisation of the network, centres included, may hold a governance term. */
export async function holderOptions(services: Services, locale: Locale): Promise<Option[]> {
  const organisations = await allOrganisations(services, locale);
  return organisations.map((o) => ({ value: o.id, label: o.name })).sort(byLabel(locale));
}
