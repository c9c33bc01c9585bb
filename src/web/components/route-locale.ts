import { defaultLocale, isLocale, type Locale } from "../../i18n/locales.ts";

/** The `:lang` of a route; the layout answers 404 for anything else, loaders run beside it. */
export function routeLocale(params: { lang?: string | undefined }): Locale {
  return isLocale(params.lang) ? params.lang : defaultLocale;
}

/** The document title of a page: its own title, then the product. */
export function pageTitle(title: string | undefined) {
  return [{ title: title ? `${title} · Orbis` : "Orbis" }];
}
