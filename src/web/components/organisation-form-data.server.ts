import type { OrganisationDto } from "../../domain/network/dto.ts";
import { type Locale, locales } from "../../i18n/locales.ts";

export type OrganisationFormValues = {
  kind: string;
  name: string;
  names: Partial<Record<Locale, string>>;
  country: string;
  city: string;
  website: string;
};

export const emptyOrganisationValues: OrganisationFormValues = {
  kind: "university",
  name: "",
  names: {},
  country: "",
  city: "",
  website: "",
};

export function organisationValuesFromDto(organisation: OrganisationDto): OrganisationFormValues {
  return {
    kind: organisation.kind,
    name: organisation.name,
    names: organisation.names,
    country: organisation.country ?? "",
    city: organisation.city ?? "",
    website: organisation.website ?? "",
  };
}

export function organisationValuesFromForm(form: FormData): OrganisationFormValues {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  return {
    kind: text("kind"),
    name: text("name"),
    names: Object.fromEntries(locales.map((l) => [l, text(`names.${l}`)]).filter(([, v]) => v)),
    country: text("country"),
    city: text("city"),
    website: text("website"),
  };
}

export function organisationInputFrom(values: OrganisationFormValues) {
  const optional = (value: string) => value || undefined;
  return {
    kind: values.kind,
    name: values.name,
    names: values.names,
    country: optional(values.country),
    city: optional(values.city),
    website: optional(values.website),
  };
}

/** A blank control clears its field. */
export function organisationPatchFrom(values: OrganisationFormValues) {
  const nullable = (value: string) => value || null;
  return {
    ...organisationInputFrom(values),
    country: nullable(values.country),
    city: nullable(values.city),
    website: nullable(values.website),
  };
}
