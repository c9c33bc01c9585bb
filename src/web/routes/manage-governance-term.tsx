import { Link, redirect } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { failureWithValues } from "../components/form-failure.server.ts";
import { governancePatchFrom, governanceValuesFromDto, governanceValuesFromForm } from "../components/governance-form-data.server.ts";
import { GovernanceTermForm } from "../components/governance-term-form.tsx";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { requireSecretariat, requireSignedIn } from "../components/staff-access.server.ts";
import { holderOptions } from "../components/staff-options.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-governance-term.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSecretariat(args);
  const term = await services.network.getGovernanceTerm(actor, args.params.id, locale).catch((error) => {
    throw toErrorResponse(error);
  });
  return {
    title: translatorFor(locale)("network.governance.editTitle"),
    values: governanceValuesFromDto(term),
    holders: await holderOptions(services, locale),
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const values = governanceValuesFromForm(await args.request.formData());
  try {
    await services.network.updateGovernanceTerm(actor, args.params.id, governancePatchFrom(values), locale);
  } catch (error) {
    return failureWithValues(error, locale, values);
  }
  return redirect(`/${locale}/manage/governance`);
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function EditGovernanceTerm({ loaderData, actionData }: Route.ComponentProps) {
  const { values, holders } = loaderData;
  const t = useT();
  const href = useHref();
  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href("/manage/governance")}>{t("network.governance.manageTitle")}</Link>
      </p>
      <h1>{t("network.governance.editTitle")}</h1>
      <GovernanceTermForm
        values={actionData?.values ?? values}
        errors={actionData?.fields}
        formError={actionData?.formError}
        holders={holders}
        submitLabel={t("common.save")}
      />
    </main>
  );
}
