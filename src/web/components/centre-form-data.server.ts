import type { CentreDto } from "../../domain/network/dto.ts";
import { type Locale, locales } from "../../i18n/locales.ts";
import { list, numberOrText } from "./form-values.server.ts";

/** What the centre form shows: the raw text of every control, so a refused form comes back as typed. */
export type CentreFormValues = {
  kind: string;
  name: string;
  names: Partial<Record<Locale, string>>;
  ordinal: string;
  country: string;
  city: string;
  hostOrganisationId: string;
  operatorOrganisationId: string;
  foundingPartnerIds: string[];
  languages: string;
  establishedOn: string;
  focusAreas: string;
  status: string;
  website: string;
  latitude: string;
  longitude: string;
};

export const emptyCentreValues: CentreFormValues = {
  kind: "national_centre",
  name: "",
  names: {},
  ordinal: "",
  country: "",
  city: "",
  hostOrganisationId: "",
  operatorOrganisationId: "",
  foundingPartnerIds: [],
  languages: "",
  establishedOn: "",
  focusAreas: "",
  status: "active",
  website: "",
  latitude: "",
  longitude: "",
};

export function centreValuesFromDto(centre: CentreDto): CentreFormValues {
  return {
    kind: centre.kind,
    name: centre.name,
    names: centre.names,
    ordinal: centre.ordinal?.toString() ?? "",
    country: centre.country,
    city: centre.city ?? "",
    hostOrganisationId: centre.host?.id ?? "",
    operatorOrganisationId: centre.operator?.id ?? "",
    foundingPartnerIds: centre.foundingPartners.map((p) => p.id),
    languages: centre.languages.join(", "),
    establishedOn: centre.establishedOn ?? "",
    focusAreas: centre.focusAreas.join("\n"),
    status: centre.status,
    website: centre.website ?? "",
    latitude: "",
    longitude: "",
  };
}

export function centreValuesFromForm(form: FormData): CentreFormValues {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  return {
    kind: text("kind"),
    name: text("name"),
    names: Object.fromEntries(locales.map((l) => [l, text(`names.${l}`)]).filter(([, v]) => v)),
    ordinal: text("ordinal"),
    country: text("country"),
    city: text("city"),
    hostOrganisationId: text("hostOrganisationId"),
    operatorOrganisationId: text("operatorOrganisationId"),
    foundingPartnerIds: form.getAll("foundingPartnerIds").map(String),
    languages: text("languages"),
    establishedOn: text("establishedOn"),
    focusAreas: text("focusAreas"),
    status: text("status"),
    website: text("website"),
    latitude: text("latitude"),
    longitude: text("longitude"),
  };
}

/** Input for the service's createCentre: blank controls are left out. */
export function centreInputFrom(values: CentreFormValues) {
  const optional = (value: string) => value || undefined;
  return {
    kind: values.kind,
    name: values.name,
    names: values.names,
    ordinal: values.ordinal ? numberOrText(values.ordinal) : undefined,
    country: values.country,
    city: optional(values.city),
    hostOrganisationId: optional(values.hostOrganisationId),
    operatorOrganisationId: optional(values.operatorOrganisationId),
    foundingPartnerIds: values.foundingPartnerIds,
    languages: list(values.languages.toLowerCase(), /[,،、\s]+/),
    establishedOn: optional(values.establishedOn),
    focusAreas: list(values.focusAreas, /\r?\n/),
    status: optional(values.status),
    website: optional(values.website),
    latitude: values.latitude ? numberOrText(values.latitude) : undefined,
    longitude: values.longitude ? numberOrText(values.longitude) : undefined,
  };
}

/**
 * Patch for updateCentre: a blank control clears its field. Kind, number and status belong to the
 * secretariat; a centre's own admin does not send them (the service refuses them anyway).
 */
export function centrePatchFrom(values: CentreFormValues, withReservedFields: boolean) {
  const input = centreInputFrom(values);
  const nullable = (value: string) => value || null;
  return {
    ...input,
    kind: withReservedFields ? input.kind : undefined,
    status: withReservedFields ? input.status : undefined,
    ordinal: withReservedFields ? (input.ordinal ?? null) : undefined,
    city: nullable(values.city),
    hostOrganisationId: nullable(values.hostOrganisationId),
    operatorOrganisationId: nullable(values.operatorOrganisationId),
    establishedOn: nullable(values.establishedOn),
    website: nullable(values.website),
  };
}
