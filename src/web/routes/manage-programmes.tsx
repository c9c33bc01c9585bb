import { Form, Link, redirect } from "react-router";
import { programmeStatuses } from "../../domain/programmes/dto.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, SelectField, TextArea, TextField } from "../components/form-fields.tsx";
import { formText } from "../components/form-values.server.ts";
import { programmeCentreOptions } from "../components/programme-data.server.ts";
import { contentLanguageCodes, useProgrammeFormat } from "../components/programme-format.ts";
import { pageTitle } from "../components/route-locale.ts";
import { forbiddenPage, requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-programmes.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const centres = await programmeCentreOptions(services, actor, locale);
  if (centres.length === 0) throw forbiddenPage();
  return {
    title: translatorFor(locale)("programmes.manage.title"),
    programmes: await services.programmes.listManagedProgrammes(actor, locale),
    centres,
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const form = await args.request.formData();
  const values = {
    ownerCentreId: formText(form, "ownerCentreId"),
    defaultLocale: formText(form, "defaultLocale"),
    status: formText(form, "status"),
    title: formText(form, "title"),
    description: formText(form, "description"),
    targetAudience: formText(form, "targetAudience"),
  };
  try {
    const programme = await services.programmes.createProgramme(actor, values, locale);
    return redirect(`/${locale}/manage/programmes/${programme.slug}`);
  } catch (error) {
    return failureWithValues(error, locale, values);
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function ManageProgrammes({ loaderData, actionData }: Route.ComponentProps) {
  const { programmes, centres } = loaderData;
  const t = useT();
  const href = useHref();
  const format = useProgrammeFormat();
  const labels = {
    ownerCentreId: t("programmes.label.centre"),
    defaultLocale: t("programmes.label.defaultLanguage"),
    status: t("programmes.label.status"),
    title: t("programmes.label.title"),
    description: t("programmes.label.description"),
    targetAudience: t("programmes.label.audience"),
  };
  const errors = actionData?.fields;
  const values = actionData?.values;
  return (
    <main id="main" className="page">
      <h1>{t("programmes.manage.title")}</h1>
      {programmes.length === 0 ? (
        <p className="meta">{t("programmes.manage.none")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{labels.title}</th>
              <th scope="col">{labels.ownerCentreId}</th>
              <th scope="col">{labels.status}</th>
            </tr>
          </thead>
          <tbody>
            {programmes.map((programme) => (
              <tr key={programme.id}>
                <td>
                  <Link to={href(`/manage/programmes/${programme.slug}`)}>
                    <bdi lang={programme.shownLocale}>{programme.title}</bdi>
                  </Link>
                </td>
                <td>{programme.owner.name}</td>
                <td>{format.programmeStatus(programme.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section aria-labelledby="new-title" className="panel">
        <h2 id="new-title">{t("programmes.manage.new")}</h2>
        <Form method="post" className="stack">
          <CsrfField />
          <ErrorSummary formError={actionData?.formError} errors={errors} labels={labels} />
          <div className="form-grid">
            <SelectField
              name="ownerCentreId"
              label={labels.ownerCentreId}
              options={centres}
              required
              defaultValue={values?.ownerCentreId}
              errors={errors}
            />
            <SelectField
              name="defaultLocale"
              label={labels.defaultLocale}
              options={contentLanguageCodes.map((code) => ({ value: code, label: format.language(code) }))}
              required
              defaultValue={values?.defaultLocale}
              errors={errors}
            />
            <SelectField
              name="status"
              label={labels.status}
              options={programmeStatuses.map((s) => ({ value: s, label: format.programmeStatus(s) }))}
              defaultValue={values?.status ?? "draft"}
              errors={errors}
            />
            <TextField name="title" label={labels.title} required defaultValue={values?.title} errors={errors} />
          </div>
          <TextArea name="description" label={labels.description} defaultValue={values?.description} errors={errors} />
          <TextArea name="targetAudience" label={labels.targetAudience} rows={2} defaultValue={values?.targetAudience} errors={errors} />
          <p>
            <button type="submit">{t("programmes.manage.create")}</button>
          </p>
        </Form>
      </section>
    </main>
  );
}
