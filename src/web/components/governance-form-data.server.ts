import type { GovernanceTermDto } from "../../domain/network/dto.ts";
import { formText, numberOrText } from "./form-values.server.ts";

/** What the governance term form shows: the raw text of every control, so a refused form comes back as typed. */
export type GovernanceFormValues = { year: string; role: string; holderOrganisationId: string; holderName: string };

export const emptyGovernanceValues: GovernanceFormValues = {
  year: "",
  role: "rotating_presidency",
  holderOrganisationId: "",
  holderName: "",
};

export function governanceValuesFromDto(term: GovernanceTermDto): GovernanceFormValues {
  return { year: String(term.year), role: term.role, holderOrganisationId: term.holder?.id ?? "", holderName: term.holderName ?? "" };
}

export function governanceValuesFromForm(form: FormData): GovernanceFormValues {
  return {
    year: formText(form, "year"),
    role: formText(form, "role"),
    holderOrganisationId: formText(form, "holderOrganisationId"),
    holderName: formText(form, "holderName"),
  };
}

/** Input for addGovernanceTerm: blank controls are left out. */
export function governanceInputFrom(values: GovernanceFormValues) {
  return {
    year: values.year ? numberOrText(values.year) : undefined,
    role: values.role,
    holderOrganisationId: values.holderOrganisationId || undefined,
    holderName: values.holderName || undefined,
  };
}

/** Patch for updateGovernanceTerm: the form shows every field, so a blank holder control clears it. */
export function governancePatchFrom(values: GovernanceFormValues) {
  return {
    ...governanceInputFrom(values),
    holderOrganisationId: values.holderOrganisationId || null,
    holderName: values.holderName || null,
  };
}
