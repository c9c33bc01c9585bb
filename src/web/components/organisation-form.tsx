import { Form } from "react-router";
import { organisationKinds } from "../../domain/network/dto.ts";
import { localeNames, locales } from "../../i18n/locales.ts";
import { useT } from "../i18n.tsx";
import { CsrfField } from "./csrf.tsx";
import { ErrorSummary, type FieldErrors, type Option, SelectField, TextField } from "./form-fields.tsx";
import { useNetworkFormat } from "./network-format.ts";
import type { OrganisationFormValues } from "./organisation-form-data.server.ts";

/** Centres have their own form: this one is for universities, ministries, partners and the rest. */
const kinds = organisationKinds.filter((k) => k !== "national_centre" && k !== "training_centre");

type Props = {
  values: OrganisationFormValues;
  errors?: FieldErrors | undefined;
  formError?: string | undefined;
  countries: Option[];
  submitLabel: string;
};

export function OrganisationForm({ values, errors, formError, countries, submitLabel }: Props) {
  const t = useT();
  const names = useNetworkFormat();
  const labels = {
    kind: t("network.label.kind"),
    name: t("network.label.name"),
    names: t("network.label.names"),
    country: t("network.label.country"),
    city: t("network.label.city"),
    website: t("network.label.website"),
  };
  return (
    <Form method="post" className="stack">
      <CsrfField />
      <ErrorSummary formError={formError} errors={errors} labels={labels} />
      <div className="form-grid">
        <TextField name="name" label={labels.name} hint={t("network.form.nameHint")} required defaultValue={values.name} errors={errors} />
        <SelectField
          name="kind"
          label={labels.kind}
          options={kinds.map((k) => ({ value: k, label: names.kind(k) }))}
          defaultValue={values.kind}
          errors={errors}
        />
        <SelectField
          name="country"
          label={labels.country}
          options={countries}
          emptyLabel={t("common.none")}
          defaultValue={values.country}
          errors={errors}
        />
        <TextField name="city" label={labels.city} defaultValue={values.city} errors={errors} />
        <TextField name="website" label={labels.website} type="url" inputMode="url" defaultValue={values.website} errors={errors} />
      </div>
      <fieldset className="field">
        <legend>{labels.names}</legend>
        <span className="hint">{t("network.form.namesHint")}</span>
        <div className="form-grid">
          {locales.map((l) => (
            <TextField key={l} name={`names.${l}`} label={localeNames[l]} lang={l} defaultValue={values.names[l]} errors={errors} />
          ))}
        </div>
      </fieldset>
      <p>
        <button type="submit">{submitLabel}</button>
      </p>
    </Form>
  );
}
