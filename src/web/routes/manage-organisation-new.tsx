import { redirect } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { failureWithValues } from "../components/form-failure.server.ts";
import { OrganisationForm } from "../components/organisation-form.tsx";
import { emptyOrganisationValues, organisationInputFrom, organisationValuesFromForm } from "../components/organisation-form-data.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { requireSecretariat } from "../components/staff-access.server.ts";
import { countryOptions } from "../components/staff-options.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-organisation-new.ts";

export function loader(args: Route.LoaderArgs) {
  const { locale } = requireSecretariat(args);
  return {
    title: translatorFor(locale)("network.manage.newOrganisation"),
    values: emptyOrganisationValues,
    countries: countryOptions(locale),
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSecretariat(args);
  const values = organisationValuesFromForm(await args.request.formData());
  try {
    const organisation = await services.network.createOrganisation(actor, organisationInputFrom(values), locale);
    return redirect(`/${locale}/manage/organisations/${organisation.slug}?saved`);
  } catch (error) {
    return failureWithValues(error, locale, values);
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function NewOrganisation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <main id="main" className="page">
      <h1>{t("network.manage.newOrganisation")}</h1>
      <OrganisationForm
        values={actionData?.values ?? loaderData.values}
        errors={actionData?.fields}
        formError={actionData?.formError}
        countries={loaderData.countries}
        submitLabel={t("common.create")}
      />
    </main>
  );
}
