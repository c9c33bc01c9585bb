import { locales } from "../../i18n/locales.ts";
import { useLocale } from "../i18n.tsx";
import { CheckboxGroup, type FieldErrors, type Option, SelectField } from "./form-fields.tsx";

/**
 * Languages offered wherever staff choose one for content (a course, captions, an event): the
 * six interface languages and others taught in across the network. A stored code outside the
 * list is still offered, so editing never drops it.
 */
export const offeredLanguages: readonly string[] = [
  ...locales,
  "pt",
  "sw",
  "ha",
  "am",
  "ky",
  "kk",
  "uz",
  "tg",
  "sr",
  "ur",
  "hi",
  "fa",
  "tr",
  "id",
  "bn",
];

/** The codes as options named in the reader's language (Intl.DisplayNames), in its alphabetical order. */
export function useLanguageOptions(codes: readonly string[] = offeredLanguages, keep: readonly string[] = []): Option[] {
  const locale = useLocale();
  const names = new Intl.DisplayNames(locale, { type: "language", fallback: "code" });
  const collator = new Intl.Collator(locale);
  return [...new Set([...codes, ...keep.filter(Boolean)])]
    .map((code) => ({ value: code, label: names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

type Common = { name: string; label: string; hint?: string; errors?: FieldErrors | undefined; idPrefix?: string; required?: boolean };

/** One language, by its name: a course's language, captions, a file's. */
export function LanguageSelect({ defaultValue, emptyLabel, ...field }: Common & { defaultValue: string; emptyLabel?: string }) {
  const options = useLanguageOptions(offeredLanguages, [defaultValue]);
  return <SelectField {...field} options={options} defaultValue={defaultValue} emptyLabel={emptyLabel} />;
}

/** Several languages as checkboxes (an event's): each one posted as its own value of `name`. */
export function LanguageCheckboxes({ checked, ...field }: Common & { checked: string[] }) {
  const options = useLanguageOptions(offeredLanguages, checked);
  return <CheckboxGroup {...field} className="language-choices" options={options} checked={checked} />;
}
