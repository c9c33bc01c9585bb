import { Form } from "react-router";
import { useT } from "../i18n.tsx";
import { CsrfField } from "./csrf.tsx";

/**
 * A one-button form that acts on one row of a staff table (remove, approve...). Screen readers
 * hear the row's name with the button, since a column of identical "Remove" buttons says nothing.
 */
export function RowActionForm({
  intent,
  fields,
  label,
  subject,
}: {
  intent: string;
  fields: Record<string, string>;
  label: string;
  subject: string;
}) {
  return (
    <Form method="post">
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="secondary">
        {label}
        <span className="visually-hidden"> {subject}</span>
      </button>
    </Form>
  );
}

/** A failed row action's message, above the table it came from. */
export function RowActionError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}

/** The header of a table's column of row actions: named for screen readers, blank on screen. */
export function ActionsColumnHeader() {
  const t = useT();
  return (
    <th scope="col">
      <span className="visually-hidden">{t("network.manage.actions")}</span>
    </th>
  );
}
