import { useMemo } from "react";
import type { MessageId } from "../../i18n/messages/index.ts";
import { useLocale, useT } from "../i18n.tsx";

/** Names of content languages and of the catalogue's vocabulary, in the page's language. */
export function useCatalogueFormat() {
  const locale = useLocale();
  const t = useT();
  return useMemo(() => {
    const languages = new Intl.DisplayNames(locale, { type: "language", fallback: "code" });
    const list = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
    const language = (code: string) => languages.of(code) ?? code;
    return {
      language,
      /** "English, Russian and Chinese", joined as the reader's language joins lists. */
      languages: (codes: string[]) => list.format(codes.map(language)),
      category: (category: string) => t(`catalogue.category.${category}` as MessageId),
      level: (level: string) => t(`catalogue.level.${level}` as MessageId),
      status: (status: string) => t(`catalogue.status.${status}` as MessageId),
      lessonKind: (kind: string) => t(`catalogue.lessonKind.${kind}` as MessageId),
      role: (role: string) => t(`catalogue.role.${role}` as MessageId),
    };
  }, [locale, t]);
}
