import { Form, Link, redirect } from "react-router";
import { locales } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { useCatalogueFormat } from "../components/catalogue-format.ts";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, type FieldErrors, TextArea, TextField } from "../components/form-fields.tsx";
import { formText, numberOrText } from "../components/form-values.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { ActionsColumnHeader, RowActionError, RowActionForm } from "../components/row-action.tsx";
import { requireSecretariat, requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-rubric.ts";

type CriterionValues = {
  id: string;
  maxScore: string;
  essential: boolean;
  active: boolean;
  texts: Record<string, { title: string; description: string }>;
};

const blankTexts = () => Object.fromEntries(locales.map((l) => [l, { title: "", description: "" }]));

export async function loader(args: Route.LoaderArgs) {
  const { services, locale } = requireSecretariat(args);
  const criteria = await services.rubric.listCriteria(locale);
  const editing = criteria.find((c) => c.id === new URL(args.request.url).searchParams.get("edit"));
  const values: CriterionValues = editing
    ? {
        id: editing.id,
        maxScore: String(editing.maxScore),
        essential: editing.essential,
        active: editing.active,
        texts: {
          ...blankTexts(),
          ...Object.fromEntries(editing.translations.map((t) => [t.locale, { title: t.title, description: t.description }])),
        },
      }
    : { id: "", maxScore: "3", essential: false, active: true, texts: blankTexts() };
  return { title: translatorFor(locale)("quality.rubric.title"), criteria, values };
}

function valuesFromForm(form: FormData): CriterionValues {
  return {
    id: formText(form, "id"),
    maxScore: formText(form, "maxScore"),
    essential: form.get("essential") === "on",
    active: form.get("active") === "on",
    texts: Object.fromEntries(
      locales.map((l) => [
        l,
        { title: formText(form, `translations.${l}.title`), description: formText(form, `translations.${l}.description`) },
      ]),
    ),
  };
}

/** Save a criterion (new or edited), or move one up or down. The service decides who may. */
export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const form = await args.request.formData();
  const intent = formText(form, "intent");
  const values = valuesFromForm(form);
  try {
    if (intent === "move") {
      await services.rubric.updateCriterion(actor, values.id, { position: Number(formText(form, "position")) }, locale);
    } else {
      // A language left blank is not written: readers get the English text.
      const translations = Object.fromEntries(Object.entries(values.texts).filter(([, text]) => text.title || text.description));
      const fields = { maxScore: numberOrText(values.maxScore), essential: values.essential, active: values.active, translations };
      if (values.id) await services.rubric.updateCriterion(actor, values.id, fields, locale);
      else await services.rubric.createCriterion(actor, fields, locale);
    }
  } catch (error) {
    return failureWithValues(error, locale, values, intent);
  }
  return redirect(`/${locale}/manage/rubric`);
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

function CriterionForm({
  values,
  errors,
  formError,
}: {
  values: CriterionValues;
  errors?: FieldErrors | undefined;
  formError?: string | undefined;
}) {
  const t = useT();
  const href = useHref();
  const names = useCatalogueFormat();
  const labels: Record<string, string> = { maxScore: t("quality.rubric.maxScore") };
  for (const l of locales) labels[`translations.${l}`] = t("quality.rubric.titleIn", { language: names.language(l) });
  return (
    <Form method="post" noValidate>
      <CsrfField />
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="id" value={values.id} />
      <ErrorSummary formError={formError} errors={errors} labels={labels} />
      <div className="form-grid">
        <TextField
          name="maxScore"
          label={t("quality.rubric.maxScore")}
          type="number"
          inputMode="numeric"
          required
          defaultValue={values.maxScore}
          errors={errors}
        />
        <label>
          <input type="checkbox" name="essential" defaultChecked={values.essential} /> {t("quality.rubric.essential")}
        </label>
        <label>
          <input type="checkbox" name="active" defaultChecked={values.active} /> {t("quality.rubric.active")}
        </label>
      </div>
      <p className="hint">{t("quality.rubric.englishHint")}</p>
      {locales.map((l) => (
        <fieldset key={l} className="field">
          <legend>{names.language(l)}</legend>
          <TextField
            name={`translations.${l}.title`}
            label={t("quality.rubric.titleIn", { language: names.language(l) })}
            lang={l}
            required={l === "en"}
            defaultValue={values.texts[l]?.title}
            errors={errors}
          />
          <TextArea
            name={`translations.${l}.description`}
            label={t("quality.rubric.descriptionIn", { language: names.language(l) })}
            lang={l}
            rows={2}
            defaultValue={values.texts[l]?.description}
            errors={errors}
          />
        </fieldset>
      ))}
      <p className="actions">
        <button type="submit">{t("quality.rubric.save")}</button>
        {values.id && <Link to={href("/manage/rubric")}>{t("quality.rubric.cancel")}</Link>}
      </p>
    </Form>
  );
}

export default function ManageRubric({ loaderData, actionData }: Route.ComponentProps) {
  const { criteria } = loaderData;
  const t = useT();
  const href = useHref();
  const failedMove = actionData?.intent === "move" ? actionData : undefined;
  const failedSave = actionData?.intent === "save" ? actionData : undefined;
  const values = failedSave?.values ?? loaderData.values;
  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href("/manage")}>{t("network.manage.title")}</Link>
      </p>
      <h1>{t("quality.rubric.title")}</h1>
      <p>{t("quality.rubric.intro")}</p>
      <RowActionError message={failedMove?.formError} />
      {criteria.length === 0 ? (
        <p className="meta">{t("quality.rubric.empty")}</p>
      ) : (
        <table className="stacked-table">
          <thead>
            <tr>
              <th scope="col">{t("quality.rubric.criterion")}</th>
              <th scope="col">{t("quality.rubric.maxScore")}</th>
              <th scope="col">{t("quality.workflow.status")}</th>
              <ActionsColumnHeader />
            </tr>
          </thead>
          <tbody>
            {criteria.map((criterion, index) => (
              <tr key={criterion.id}>
                <td data-label={t("quality.rubric.criterion")}>
                  <strong>{criterion.title}</strong>
                  {criterion.description && (
                    <>
                      <br />
                      <span className="meta">{criterion.description}</span>
                    </>
                  )}
                </td>
                <td data-label={t("quality.rubric.maxScore")}>{criterion.maxScore}</td>
                <td data-label={t("quality.workflow.status")}>
                  {criterion.essential && <span className="tag">{t("quality.rubric.essential")}</span>}{" "}
                  <span className="tag">{t(criterion.active ? "quality.rubric.active" : "quality.rubric.retired")}</span>
                </td>
                <td className="row-actions">
                  <Link
                    to={href(`/manage/rubric?edit=${criterion.id}#criterion-form`)}
                    aria-label={`${t("common.edit")}: ${criterion.title}`}
                  >
                    {t("common.edit")}
                  </Link>
                  {index > 0 && (
                    <RowActionForm
                      intent="move"
                      fields={{ id: criterion.id, position: String(index - 1) }}
                      label={t("quality.rubric.moveUp")}
                      subject={criterion.title}
                    />
                  )}
                  {index < criteria.length - 1 && (
                    <RowActionForm
                      intent="move"
                      fields={{ id: criterion.id, position: String(index + 1) }}
                      label={t("quality.rubric.moveDown")}
                      subject={criterion.title}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="criterion-title" className="panel" id="criterion-form">
        <h2 id="criterion-title">{t(values.id ? "quality.rubric.editTitle" : "quality.rubric.add")}</h2>
        <CriterionForm key={values.id || "new"} values={values} errors={failedSave?.fields} formError={failedSave?.formError} />
      </section>
    </main>
  );
}
