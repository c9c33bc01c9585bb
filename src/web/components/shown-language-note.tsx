import { useLocale, useT } from "../i18n.tsx";
import { useCatalogueFormat } from "./catalogue-format.ts";

/** The writing direction of a content language (any ISO code, not only the interface's six). */
export function textDirection(language: string): "ltr" | "rtl" {
  return ["ar", "fa", "he", "ur", "ps", "dv", "yi"].includes(language.split("-")[0]!) ? "rtl" : "ltr";
}

/** Says so when a course's texts are shown in its own language because the reader's is not ready. */
export function ShownLanguageNote({ shownLocale }: { shownLocale: string }) {
  const t = useT();
  const locale = useLocale();
  const format = useCatalogueFormat();
  if (shownLocale === locale) return null;
  return <p className="language-note">{t("catalogue.card.shownIn", { language: format.language(shownLocale) })}</p>;
}

/**
 * Says so when one part (a summary, a lesson's text) is shown in the course's own language
 * because its translation is empty, while the rest of the page is in the reader's: the note the
 * page-level one does not give.
 */
export function FieldLanguageNote({ fieldLocale, shownLocale }: { fieldLocale: string; shownLocale: string }) {
  const t = useT();
  const format = useCatalogueFormat();
  if (fieldLocale === shownLocale) return null;
  return <p className="language-note">{t("catalogue.card.partShownIn", { language: format.language(fieldLocale) })}</p>;
}
