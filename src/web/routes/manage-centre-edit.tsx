import { Link, redirect } from "react-router";
import { can } from "../../domain/network/permissions.ts";
import { isolate, pickLocalised } from "../../i18n/locales.ts";
import { CentreForm } from "../components/centre-form.tsx";
import { centrePatchFrom, centreValuesFromDto, centreValuesFromForm } from "../components/centre-form-data.server.ts";
import { failureWithValues } from "../components/form-failure.server.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { forbiddenPage, requireSignedIn } from "../components/staff-access.server.ts";
import { countryOptions, organisationOptions } from "../components/staff-options.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-centre-edit.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  // In English, `name` is the canonical name the form edits; translations come in `names`.
  const centre = await services.network.getCentre(args.params.slug, "en").catch((error) => {
    throw toErrorResponse(error);
  });
  if (!services.network.canManageCentre(actor, centre.id)) throw forbiddenPage();
  return {
    centre: { slug: centre.slug, name: pickLocalised(centre.names, locale, centre.name) },
    values: centreValuesFromDto(centre),
    reservedEditable: can(actor, "network.register"),
    saved: new URL(args.request.url).searchParams.has("saved"),
    organisations: await organisationOptions(services, locale),
    countries: countryOptions(locale),
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const values = centreValuesFromForm(await args.request.formData());
  try {
    const centre = await services.network.updateCentre(
      actor,
      args.params.slug,
      centrePatchFrom(values, can(actor, "network.register")),
      locale,
    );
    return redirect(`/${locale}/manage/centres/${centre.slug}?saved`);
  } catch (error) {
    return failureWithValues(error, locale, values);
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.centre.name);
}

export const ErrorBoundary = StatusError;

export default function EditCentre({ loaderData, actionData }: Route.ComponentProps) {
  const { centre, values, reservedEditable, saved, organisations, countries } = loaderData;
  const t = useT();
  const href = useHref();
  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href("/manage")}>{t("network.manage.title")}</Link>
      </p>
      <h1>{t("network.manage.editCentre", { name: isolate(centre.name) })}</h1>
      {saved && !actionData && (
        <p className="notice" role="status">
          {t("common.saved")}
        </p>
      )}
      <p className="actions">
        <Link to={href(`/centres/${centre.slug}`)}>{t("network.manage.viewPublic")}</Link>
        <Link to={href(`/manage/centres/${centre.slug}/members`)}>{t("network.manage.members")}</Link>
        <Link to={href(`/manage/centres/${centre.slug}/facilities`)}>{t("network.centre.facilitiesTitle")}</Link>
      </p>
      <CentreForm
        values={actionData?.values ?? values}
        errors={actionData?.fields}
        formError={actionData?.formError}
        organisations={organisations}
        countries={countries}
        reservedEditable={reservedEditable}
        submitLabel={t("common.save")}
      />
    </main>
  );
}
