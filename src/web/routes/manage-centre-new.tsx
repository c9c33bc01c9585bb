import { redirect } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CentreForm } from "../components/centre-form.tsx";
import { centreInputFrom, centreValuesFromForm, emptyCentreValues } from "../components/centre-form-data.server.ts";
import { failureWithValues } from "../components/form-failure.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { requireSecretariat } from "../components/staff-access.server.ts";
import { countryOptions, organisationOptions } from "../components/staff-options.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-centre-new.ts";

export async function loader(args: Route.LoaderArgs) {
  const { services, locale } = requireSecretariat(args);
  return {
    title: translatorFor(locale)("network.manage.newCentre"),
    values: emptyCentreValues,
    organisations: await organisationOptions(services, locale),
    countries: countryOptions(locale),
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSecretariat(args);
  const values = centreValuesFromForm(await args.request.formData());
  try {
    const centre = await services.network.createCentre(actor, centreInputFrom(values), locale);
    return redirect(`/${locale}/centres/${centre.slug}`);
  } catch (error) {
    return failureWithValues(error, locale, values);
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function NewCentre({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <main id="main" className="page">
      <h1>{t("network.manage.newCentre")}</h1>
      <CentreForm
        values={actionData?.values ?? loaderData.values}
        errors={actionData?.fields}
        formError={actionData?.formError}
        organisations={loaderData.organisations}
        countries={loaderData.countries}
        reservedEditable
        submitLabel={t("common.create")}
      />
    </main>
  );
}
