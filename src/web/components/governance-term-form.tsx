import { Form } from "react-router";
import { governanceRoles } from "../../domain/network/dto.ts";
import { useT } from "../i18n.tsx";
import { CsrfField } from "./csrf.tsx";
import { ErrorSummary, type FieldErrors, type Option, SelectField, TextField } from "./form-fields.tsx";
import type { GovernanceFormValues } from "./governance-form-data.server.ts";

type Props = {
  values: GovernanceFormValues;
  errors?: FieldErrors | undefined;
  formError?: string | undefined;
  holders: Option[];
  submitLabel: string;
  /** Set when the page has other forms posting to the same action. */
  intent?: string;
};

/** One governance term: who held which role in which year. For adding and for editing. */
export function GovernanceTermForm({ values, errors, formError, holders, submitLabel, intent }: Props) {
  const t = useT();
  const labels = {
    year: t("network.label.year"),
    role: t("network.label.role"),
    holderOrganisationId: t("network.label.holder"),
    holderName: t("network.label.holderName"),
  };
  return (
    <Form method="post" className="stack">
      <CsrfField />
      {intent && <input type="hidden" name="intent" value={intent} />}
      <ErrorSummary formError={formError} errors={errors} labels={labels} />
      <div className="form-grid">
        <TextField name="year" label={labels.year} inputMode="numeric" required defaultValue={values.year} errors={errors} />
        <SelectField
          name="role"
          label={labels.role}
          options={governanceRoles.map((role) => ({ value: role, label: t(`network.governance.${role}`) }))}
          required
          defaultValue={values.role}
          errors={errors}
        />
        <SelectField
          name="holderOrganisationId"
          label={labels.holderOrganisationId}
          hint={t("network.form.holderHint")}
          options={holders}
          emptyLabel={t("network.form.choose")}
          defaultValue={values.holderOrganisationId}
          errors={errors}
        />
        <TextField name="holderName" label={labels.holderName} defaultValue={values.holderName} errors={errors} />
      </div>
      <p>
        <button type="submit">{submitLabel}</button>
      </p>
    </Form>
  );
}
