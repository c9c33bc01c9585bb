import { Form, Link, redirect } from "react-router";
import { isLocale, localeNames } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, TextArea, TextField } from "../components/form-fields.tsx";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { requireSecretariat, requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-site-page.ts";

type Values = { title: string; body: string };

/** One footer page in one language, as written (blank when not written yet). */
export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSecretariat(args);
  const page = await services.network.getSitePageForEditing(actor, args.params.slug, args.params.locale).catch((error) => {
    throw toErrorResponse(error);
  });
  const t = translatorFor(locale);
  return {
    title: t("site.pages.editTitle"),
    slug: args.params.slug,
    pageLocale: isLocale(args.params.locale) ? args.params.locale : locale,
    values: { title: page?.title ?? "", body: page?.body ?? "" } satisfies Values,
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const form = await args.request.formData();
  const values: Values = { title: String(form.get("title") ?? ""), body: String(form.get("body") ?? "") };
  try {
    await services.network.saveSitePage(actor, args.params.slug, args.params.locale, values);
  } catch (error) {
    return failureWithValues(error, locale, values);
  }
  return redirect(`/${locale}/manage/pages?saved=${args.params.slug}`);
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function ManageSitePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { slug, pageLocale } = loaderData;
  const values = actionData?.values ?? loaderData.values;
  const errors = actionData?.fields;
  const labels = { title: t("site.pages.fieldTitle"), body: t("site.pages.fieldBody") };
  return (
    <main id="main" className="page">
      <nav aria-label={t("site.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={href("/manage")}>{t("common.nav.manage")}</Link>
          </li>
          <li>
            <Link to={href("/manage/pages")}>{t("site.pages.manageTitle")}</Link>
          </li>
          <li aria-current="page">{t(`site.footer.${slug as "privacy"}`)}</li>
        </ol>
      </nav>
      <h1>
        {t(`site.footer.${slug as "privacy"}`)} · <span lang={pageLocale}>{localeNames[pageLocale]}</span>
      </h1>
      <Form method="post" className="stack">
        <CsrfField />
        <ErrorSummary formError={actionData?.formError} errors={errors} labels={labels} />
        <TextField name="title" label={labels.title} required defaultValue={values.title} errors={errors} lang={pageLocale} />
        <TextArea
          name="body"
          label={labels.body}
          hint={t("site.pages.bodyHint")}
          required
          rows={14}
          defaultValue={values.body}
          errors={errors}
          lang={pageLocale}
        />
        <p>
          <button type="submit">{t("common.save")}</button>
        </p>
      </Form>
    </main>
  );
}
