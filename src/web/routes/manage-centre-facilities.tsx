import { Form, Link, redirect } from "react-router";
import { isolate } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, TextArea, TextField } from "../components/form-fields.tsx";
import { formText, list } from "../components/form-values.server.ts";
import { useNetworkFormat } from "../components/network-format.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { ActionsColumnHeader, RowActionError, RowActionForm } from "../components/row-action.tsx";
import { forbiddenPage, requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-centre-facilities.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const centre = await services.network.getCentre(args.params.slug, locale).catch((error) => {
    throw toErrorResponse(error);
  });
  if (!services.network.canManageFacilities(actor, centre.id)) throw forbiddenPage();
  return {
    title: translatorFor(locale)("network.facilities.title", { name: centre.name }),
    centre: { slug: centre.slug, name: centre.name, facilities: centre.facilities },
    editable: services.network.canManageCentre(actor, centre.id),
  };
}

/** Two kinds of form post here: add a smart classroom, or remove one. */
export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const slug = args.params.slug;
  const form = await args.request.formData();
  const intent = formText(form, "intent");
  const values = { name: formText(form, "name"), inauguratedOn: formText(form, "inauguratedOn"), partners: formText(form, "partners") };
  try {
    if (intent === "remove") {
      await services.network.removeFacility(actor, slug, formText(form, "facilityId"));
    } else {
      await services.network.addFacility(actor, slug, {
        name: values.name,
        inauguratedOn: values.inauguratedOn || undefined,
        partners: list(values.partners, /\r?\n/),
      });
    }
  } catch (error) {
    return failureWithValues(error, locale, values, intent);
  }
  return redirect(`/${locale}/manage/centres/${slug}/facilities`);
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function Facilities({ loaderData, actionData }: Route.ComponentProps) {
  const { centre, editable } = loaderData;
  const t = useT();
  const href = useHref();
  const names = useNetworkFormat();
  const removal = actionData?.intent === "remove" ? actionData : undefined;
  const addition = actionData?.intent === "add" ? actionData : undefined;
  const labels = {
    name: t("network.label.name"),
    inauguratedOn: t("network.label.inaugurated"),
    partners: t("network.label.partners"),
  };

  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href(editable ? `/manage/centres/${centre.slug}` : "/manage")}>{editable ? centre.name : t("network.manage.title")}</Link>
      </p>
      <h1>{t("network.facilities.title", { name: isolate(centre.name) })}</h1>
      <p className="actions">
        <Link to={href(`/centres/${centre.slug}`)}>{t("network.manage.viewPublic")}</Link>
        {editable && <Link to={href(`/manage/centres/${centre.slug}/members`)}>{t("network.manage.members")}</Link>}
      </p>

      <RowActionError message={removal?.formError} />
      {centre.facilities.length === 0 ? (
        <p className="meta">{t("network.facilities.empty")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{labels.name}</th>
              <th scope="col">{labels.inauguratedOn}</th>
              <th scope="col">{labels.partners}</th>
              <ActionsColumnHeader />
            </tr>
          </thead>
          <tbody>
            {centre.facilities.map((facility) => (
              <tr key={facility.id}>
                <td>{facility.name}</td>
                <td>{facility.inauguratedOn ? names.partialDate(facility.inauguratedOn) : ""}</td>
                <td>{facility.partners.join(", ")}</td>
                <td>
                  <RowActionForm
                    intent="remove"
                    fields={{ facilityId: facility.id }}
                    label={t("network.facilities.remove")}
                    subject={facility.name}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section aria-labelledby="add-title" className="panel">
        <h2 id="add-title">{t("network.facilities.addTitle")}</h2>
        <Form method="post" className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="add" />
          <ErrorSummary formError={addition?.formError} errors={addition?.fields} labels={labels} />
          <div className="form-grid">
            <TextField name="name" label={labels.name} required defaultValue={addition?.values.name} errors={addition?.fields} />
            <TextField
              name="inauguratedOn"
              label={labels.inauguratedOn}
              hint={t("network.form.partialDateHint")}
              defaultValue={addition?.values.inauguratedOn}
              errors={addition?.fields}
            />
          </div>
          <TextArea
            name="partners"
            label={labels.partners}
            hint={t("network.facilities.partnersHint")}
            rows={3}
            defaultValue={addition?.values.partners}
            errors={addition?.fields}
          />
          <p>
            <button type="submit">{t("network.facilities.add")}</button>
          </p>
        </Form>
      </section>
    </main>
  );
}
