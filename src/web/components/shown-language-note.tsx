import { useLocale, useT } from "../i18n.tsx";
import { useCatalogueFormat } from "./catalogue-format.ts";

/** Says so when a course's texts are shown in its own language because the reader's is not ready. */
export function ShownLanguageNote({ shownLocale }: { shownLocale: string }) {
  const t = useT();
  const locale = useLocale();
  const format = useCatalogueFormat();
  if (shownLocale === locale) return null;
  return <p className="language-note">{t("catalogue.card.shownIn", { language: format.language(shownLocale) })}</p>;
}
