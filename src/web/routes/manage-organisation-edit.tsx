import { Link, redirect } from "react-router";
import { isolate, pickLocalised } from "../../i18n/locales.ts";
import { failureWithValues } from "../components/form-failure.server.ts";
import { OrganisationForm } from "../components/organisation-form.tsx";
import {
  organisationPatchFrom,
  organisationValuesFromDto,
  organisationValuesFromForm,
} from "../components/organisation-form-data.server.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { requireSecretariat } from "../components/staff-access.server.ts";
import { countryOptions } from "../components/staff-options.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-organisation-edit.ts";

export async function loader(args: Route.LoaderArgs) {
  const { services, locale } = requireSecretariat(args);
  // In English, `name` is the canonical name the form edits; translations come in `names`.
  const organisation = await services.network.getOrganisation(args.params.slug, "en").catch((error) => {
    throw toErrorResponse(error);
  });
  // A centre is edited with everything that makes it a centre.
  if (organisation.kind === "national_centre" || organisation.kind === "training_centre") {
    throw redirect(`/${locale}/manage/centres/${organisation.slug}`);
  }
  return {
    organisation: { slug: organisation.slug, name: pickLocalised(organisation.names, locale, organisation.name) },
    values: organisationValuesFromDto(organisation),
    saved: new URL(args.request.url).searchParams.has("saved"),
    countries: countryOptions(locale),
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSecretariat(args);
  const values = organisationValuesFromForm(await args.request.formData());
  try {
    const organisation = await services.network.updateOrganisation(actor, args.params.slug, organisationPatchFrom(values), locale);
    return redirect(`/${locale}/manage/organisations/${organisation.slug}?saved`);
  } catch (error) {
    return failureWithValues(error, locale, values);
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.organisation.name);
}

export const ErrorBoundary = StatusError;

export default function EditOrganisation({ loaderData, actionData }: Route.ComponentProps) {
  const { organisation, values, saved, countries } = loaderData;
  const t = useT();
  const href = useHref();
  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href("/manage/organisations")}>{t("network.manage.organisations")}</Link>
      </p>
      <h1>{t("network.manage.editOrganisation", { name: isolate(organisation.name) })}</h1>
      {saved && !actionData && (
        <p className="notice" role="status">
          {t("common.saved")}
        </p>
      )}
      <OrganisationForm
        values={actionData?.values ?? values}
        errors={actionData?.fields}
        formError={actionData?.formError}
        countries={countries}
        submitLabel={t("common.save")}
      />
    </main>
  );
}
