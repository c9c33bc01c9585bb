import { localeNames } from "../../i18n/locales.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { StatusError } from "../components/status-error.tsx";
import { appContext } from "../context.ts";
import { useFormat, useLocale, useT } from "../i18n.tsx";
import type { Route } from "./+types/site-page.ts";

/** A footer page (privacy, terms, accessibility, contact) as the secretariat wrote it. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { services } = context.get(appContext);
  try {
    return { page: await services.network.getSitePage(params.slug, routeLocale(params)) };
  } catch (error) {
    throw toErrorResponse(error);
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.page.title);
}

export const ErrorBoundary = StatusError;

export default function SitePage({ loaderData }: Route.ComponentProps) {
  const { page } = loaderData;
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const paragraphs = page.body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <main id="main" className="page site-page" lang={page.locale === locale ? undefined : page.locale}>
      <h1>{page.title}</h1>
      {page.locale !== locale && (
        <p className="language-note" lang={locale}>
          {t("site.pages.shownIn", { language: localeNames[page.locale] })}
        </p>
      )}
      {paragraphs.map((text) => (
        <p key={text}>{text}</p>
      ))}
      <p className="meta" lang={locale}>
        {t("site.pages.updated", { date: format.date(page.updatedAt) })}
      </p>
    </main>
  );
}
