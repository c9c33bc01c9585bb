import { Link, redirect } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { failureWithValues } from "../components/form-failure.server.ts";
import { formText } from "../components/form-values.server.ts";
import { emptyGovernanceValues, governanceInputFrom, governanceValuesFromForm } from "../components/governance-form-data.server.ts";
import { GovernanceTermForm } from "../components/governance-term-form.tsx";
import { useNetworkFormat } from "../components/network-format.ts";
import { pageTitle } from "../components/route-locale.ts";
import { ActionsColumnHeader, RowActionError, RowActionForm } from "../components/row-action.tsx";
import { requireSecretariat, requireSignedIn } from "../components/staff-access.server.ts";
import { holderOptions } from "../components/staff-options.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-governance.ts";

export async function loader(args: Route.LoaderArgs) {
  const { services, locale } = requireSecretariat(args);
  const [terms, holders] = await Promise.all([services.network.governance(locale), holderOptions(services, locale)]);
  return { title: translatorFor(locale)("network.governance.manageTitle"), terms, holders, emptyValues: emptyGovernanceValues };
}

/** Two kinds of form post here: add a term, or remove one. The service decides who may. */
export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const form = await args.request.formData();
  const intent = formText(form, "intent");
  const values = governanceValuesFromForm(form);
  try {
    if (intent === "remove") await services.network.removeGovernanceTerm(actor, formText(form, "id"));
    else await services.network.addGovernanceTerm(actor, governanceInputFrom(values), locale);
  } catch (error) {
    return failureWithValues(error, locale, values, intent);
  }
  return redirect(`/${locale}/manage/governance`);
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function ManageGovernance({ loaderData, actionData }: Route.ComponentProps) {
  const { terms, holders, emptyValues } = loaderData;
  const t = useT();
  const href = useHref();
  const names = useNetworkFormat();
  const removal = actionData?.intent === "remove" ? actionData : undefined;
  const addition = actionData?.intent === "add" ? actionData : undefined;
  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href("/manage")}>{t("network.manage.title")}</Link>
      </p>
      <h1>{t("network.governance.manageTitle")}</h1>
      <p className="actions">
        <Link to={href("/network")}>{t("network.manage.viewPublic")}</Link>
      </p>
      <RowActionError message={removal?.formError} />
      {terms.length === 0 ? (
        <p className="meta">{t("network.governance.empty")}</p>
      ) : (
        <table className="stacked-table">
          <thead>
            <tr>
              <th scope="col">{t("network.label.year")}</th>
              <th scope="col">{t("network.label.role")}</th>
              <th scope="col">{t("network.label.heldBy")}</th>
              <ActionsColumnHeader />
            </tr>
          </thead>
          <tbody>
            {terms.map((term) => {
              const holder = [term.holderName, term.holder?.name].filter(Boolean).join(" · ");
              const described = `${names.partialDate(String(term.year))}, ${t(`network.governance.${term.role}`)}: ${holder}`;
              return (
                <tr key={term.id}>
                  <td data-label={t("network.label.year")}>{names.partialDate(String(term.year))}</td>
                  <td data-label={t("network.label.role")}>{t(`network.governance.${term.role}`)}</td>
                  <td data-label={t("network.label.heldBy")}>{holder}</td>
                  <td className="row-actions">
                    <Link to={href(`/manage/governance/${term.id}`)} aria-label={`${t("common.edit")}: ${described}`}>
                      {t("common.edit")}
                    </Link>
                    <RowActionForm intent="remove" fields={{ id: term.id }} label={t("network.governance.remove")} subject={described} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <section aria-labelledby="add-title" className="panel">
        <h2 id="add-title">{t("network.governance.addTitle")}</h2>
        <GovernanceTermForm
          intent="add"
          values={addition?.values ?? emptyValues}
          errors={addition?.fields}
          formError={addition?.formError}
          holders={holders}
          submitLabel={t("network.governance.add")}
        />
      </section>
    </main>
  );
}
