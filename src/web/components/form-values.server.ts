/** A number when the text is one; otherwise the text itself, so validation names the field. */
export function numberOrText(value: string): number | string {
  const n = Number(value.replace(",", "."));
  return value !== "" && Number.isFinite(n) ? n : value;
}

/** The non-blank items of a text control holding a list ("one per line", "separated by commas"). */
export const list = (value: string, separator: RegExp) =>
  value
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);

/** The trimmed text of a form control, empty when it was not sent. */
export const formText = (form: FormData, name: string) => String(form.get(name) ?? "").trim();
