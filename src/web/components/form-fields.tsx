import type { ReactNode } from "react";
import { useT } from "../i18n.tsx";

/** Field messages of a failed action, keyed by input name ("names.fr", "focusAreas.2", ...). */
export type FieldErrors = Record<string, string>;

/** The message for an input, including those about one item of a list it holds ("languages.1"). */
export function errorFor(errors: FieldErrors | undefined, name: string): string | undefined {
  if (!errors) return undefined;
  return errors[name] ?? Object.entries(errors).find(([path]) => path.startsWith(`${name}.`))?.[1];
}

/** Input ids: `idPrefix` keeps them unique when one page has several forms with the same field names. */
const idOf = (name: string, idPrefix = "f") => `${idPrefix}-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;

/**
 * At the top of a form that failed: the overall message and one link per field message, so
 * keyboard and screen-reader users reach each problem (it takes focus from the page title's place).
 */
export function ErrorSummary({
  formError,
  errors,
  labels,
  idPrefix,
}: {
  formError?: string | undefined;
  errors?: FieldErrors | undefined;
  labels: Record<string, string>;
  idPrefix?: string;
}) {
  const t = useT();
  if (!formError) return null;
  const entries = Object.entries(errors ?? {});
  return (
    <div className="form-error" id="error-summary" role="alert" tabIndex={-1}>
      <p>
        <strong>{formError}</strong>
      </p>
      {entries.length > 0 && (
        <ul>
          {entries.map(([path, message]) => {
            const field = Object.keys(labels).find((name) => path === name || path.startsWith(`${name}.`));
            return (
              <li key={path}>
                {field ? (
                  <a href={`#${idOf(field, idPrefix)}`}>{t("network.form.fieldError", { field: labels[field] ?? field, message })}</a>
                ) : (
                  message
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  errors?: FieldErrors | undefined;
  hint?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  /** For a value written in another language than the page's (a name in Arabic on an English page). */
  lang?: string;
  idPrefix?: string | undefined;
};

/** Label, control, hint and error wired together with ids, aria-invalid and aria-describedby. */
function Field({
  name,
  label,
  errors,
  hint,
  required,
  disabled,
  lang,
  idPrefix,
  control,
}: FieldProps & { control: (attributes: Record<string, string | boolean | undefined>) => ReactNode }) {
  const id = idOf(name, idPrefix);
  const error = errorFor(errors, name);
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id} lang={lang}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {control({
        id,
        name,
        lang,
        dir: lang ? "auto" : undefined,
        required,
        disabled,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy,
      })}
      {error && (
        <span className="error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

export function TextField(
  props: FieldProps & { defaultValue?: string | undefined; type?: string; inputMode?: "numeric" | "decimal" | "url" },
) {
  const { defaultValue, type = "text", inputMode, ...field } = props;
  return <Field {...field} control={(aria) => <input {...aria} type={type} inputMode={inputMode} defaultValue={defaultValue ?? ""} />} />;
}

export function TextArea(props: FieldProps & { defaultValue?: string | undefined; rows?: number }) {
  const { defaultValue, rows = 4, ...field } = props;
  return <Field {...field} control={(aria) => <textarea {...aria} rows={rows} defaultValue={defaultValue ?? ""} />} />;
}

export type Option = { value: string; label: string };

export function SelectField(props: FieldProps & { options: Option[]; defaultValue?: string | undefined; emptyLabel?: string }) {
  const { options, defaultValue, emptyLabel, ...field } = props;
  return (
    <Field
      {...field}
      control={(aria) => (
        <select {...aria} defaultValue={defaultValue ?? ""}>
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** Several choices as native checkboxes: easier on a phone than a multiple select. */
export function CheckboxGroup(props: FieldProps & { options: Option[]; checked: string[]; className?: string }) {
  const { name, label, errors, hint, options, checked, idPrefix, className } = props;
  const id = idOf(name, idPrefix);
  const error = errorFor(errors, name);
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      className={["field checkbox-group", className].filter(Boolean).join(" ")}
      id={id}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
    >
      <legend>{label}</legend>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <div className="choices">
        {options.map((option) => (
          <label key={option.value}>
            <input type="checkbox" name={name} value={option.value} defaultChecked={checked.includes(option.value)} /> {option.label}
          </label>
        ))}
      </div>
      {error && (
        <span className="error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </fieldset>
  );
}
