import { Form } from "react-router";
import { centreKinds, centreStatuses } from "../../domain/network/dto.ts";
import { localeNames, locales } from "../../i18n/locales.ts";
import { useT } from "../i18n.tsx";
import type { CentreFormValues } from "./centre-form-data.server.ts";
import { CsrfField } from "./csrf.tsx";
import { CheckboxGroup, ErrorSummary, errorFor, type FieldErrors, type Option, SelectField, TextArea, TextField } from "./form-fields.tsx";
import { useNetworkFormat } from "./network-format.ts";

type Props = {
  values: CentreFormValues;
  errors?: FieldErrors | undefined;
  formError?: string | undefined;
  organisations: Option[];
  countries: Option[];
  /** Kind, number and status: the secretariat's to change. */
  reservedEditable: boolean;
  submitLabel: string;
};

/** The centre form, for creating (secretariat) and editing (secretariat or the centre's admin). */
export function CentreForm({ values, errors, formError, organisations, countries, reservedEditable, submitLabel }: Props) {
  const t = useT();
  const names = useNetworkFormat();
  const labels = {
    kind: t("network.label.kind"),
    name: t("network.label.name"),
    names: t("network.label.names"),
    ordinal: t("network.label.ordinal"),
    status: t("network.label.status"),
    country: t("network.label.country"),
    city: t("network.label.city"),
    latitude: t("network.label.latitude"),
    longitude: t("network.label.longitude"),
    hostOrganisationId: t("network.label.host"),
    operatorOrganisationId: t("network.label.operator"),
    foundingPartnerIds: t("network.label.foundingPartners"),
    languages: t("network.label.languages"),
    establishedOn: t("network.label.established"),
    focusAreas: t("network.label.focusAreas"),
    website: t("network.label.website"),
  };
  const reservedHint = reservedEditable ? undefined : t("network.form.reservedHint");
  const namesError = errorFor(errors, "names");

  return (
    <Form method="post" className="stack">
      <CsrfField />
      <ErrorSummary formError={formError} errors={errors} labels={labels} />
      <div className="form-grid">
        <TextField name="name" label={labels.name} hint={t("network.form.nameHint")} required defaultValue={values.name} errors={errors} />
        <SelectField
          name="kind"
          label={labels.kind}
          options={centreKinds.map((k) => ({ value: k, label: names.kind(k) }))}
          defaultValue={values.kind}
          errors={errors}
          hint={reservedHint}
          disabled={!reservedEditable}
        />
        <TextField
          name="ordinal"
          label={labels.ordinal}
          type="number"
          inputMode="numeric"
          hint={reservedHint ?? t("network.form.ordinalHint")}
          defaultValue={values.ordinal}
          errors={errors}
          disabled={!reservedEditable}
        />
        <SelectField
          name="status"
          label={labels.status}
          options={centreStatuses.map((s) => ({ value: s, label: names.status(s) }))}
          defaultValue={values.status}
          errors={errors}
          hint={reservedHint}
          disabled={!reservedEditable}
        />
      </div>

      <fieldset className="field" aria-describedby={namesError ? "f-names-error" : undefined}>
        <legend>{labels.names}</legend>
        <span className="hint">{t("network.form.namesHint")}</span>
        <div className="form-grid">
          {locales.map((l) => (
            <TextField key={l} name={`names.${l}`} label={localeNames[l]} lang={l} defaultValue={values.names[l]} errors={errors} />
          ))}
        </div>
        {namesError && (
          <span className="error" id="f-names-error">
            {namesError}
          </span>
        )}
      </fieldset>

      <div className="form-grid">
        <SelectField
          name="country"
          label={labels.country}
          options={countries}
          emptyLabel={t("network.form.choose")}
          required
          defaultValue={values.country}
          errors={errors}
        />
        <TextField name="city" label={labels.city} defaultValue={values.city} errors={errors} />
        <TextField
          name="latitude"
          label={labels.latitude}
          inputMode="decimal"
          hint={t("network.form.positionHint")}
          defaultValue={values.latitude}
          errors={errors}
        />
        <TextField
          name="longitude"
          label={labels.longitude}
          inputMode="decimal"
          hint={t("network.form.positionHint")}
          defaultValue={values.longitude}
          errors={errors}
        />
        <SelectField
          name="hostOrganisationId"
          label={labels.hostOrganisationId}
          options={organisations}
          emptyLabel={t("common.none")}
          defaultValue={values.hostOrganisationId}
          errors={errors}
        />
        <SelectField
          name="operatorOrganisationId"
          label={labels.operatorOrganisationId}
          options={organisations}
          emptyLabel={t("common.none")}
          hint={t("network.form.operatorHint")}
          defaultValue={values.operatorOrganisationId}
          errors={errors}
        />
        <TextField
          name="establishedOn"
          label={labels.establishedOn}
          hint={t("network.form.partialDateHint")}
          defaultValue={values.establishedOn}
          errors={errors}
        />
        <TextField
          name="languages"
          label={labels.languages}
          hint={t("network.form.languagesHint")}
          defaultValue={values.languages}
          errors={errors}
        />
        <TextField name="website" label={labels.website} type="url" inputMode="url" defaultValue={values.website} errors={errors} />
      </div>
      <TextArea
        name="focusAreas"
        label={labels.focusAreas}
        hint={t("network.form.onePerLine")}
        defaultValue={values.focusAreas}
        errors={errors}
      />
      <CheckboxGroup
        name="foundingPartnerIds"
        label={labels.foundingPartnerIds}
        options={organisations}
        checked={values.foundingPartnerIds}
        errors={errors}
      />
      <p>
        <button type="submit">{submitLabel}</button>
      </p>
    </Form>
  );
}
