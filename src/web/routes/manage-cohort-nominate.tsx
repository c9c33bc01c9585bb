import { Form, Link, redirect } from "react-router";
import { MAX_NOMINATION_FILE_BYTES } from "../../domain/programmes/nomination-file.ts";
import { isolate } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, SelectField, TextField } from "../components/form-fields.tsx";
import { formText } from "../components/form-values.server.ts";
import { useProgrammeFormat } from "../components/programme-format.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { forbiddenPage, requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useFormat, useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-cohort-nominate.ts";

/** A preview of thousands of rows shows every problem and this many of the rows without one. */
const VALID_ROWS_SHOWN = 200;

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const search = new URL(args.request.url).searchParams;
  try {
    const cohort = await services.programmes.getCohort(actor, args.params.cohortId, locale);
    if (cohort.viewer.nominatingFor.length === 0) throw forbiddenPage();
    const uploadId = search.get("upload");
    const [preview, nominations] = await Promise.all([
      uploadId ? services.programmes.getNominationPreview(actor, uploadId, locale) : null,
      services.programmes.listNominations(actor, cohort.id, {}, locale),
    ]);
    const done = search.get("nominated");
    return {
      title: translatorFor(locale)("programmes.nominate.title", { name: cohort.name }),
      cohort,
      preview: preview && {
        ...preview,
        rows: [
          ...preview.rows.filter((r) => r.problems.length),
          ...preview.rows.filter((r) => !r.problems.length).slice(0, VALID_ROWS_SHOWN),
        ],
      },
      nominations,
      maxMegabytes: MAX_NOMINATION_FILE_BYTES / 1024 / 1024,
      confirmed: done === null ? null : { nominated: Number(done) || 0, accounts: Number(search.get("accounts")) || 0 },
    };
  } catch (error) {
    throw toErrorResponse(error);
  }
}

/** Three forms: nominate one person, upload a list for its preview, confirm a previewed list. */
export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const cohortId = args.params.cohortId;
  const base = `/${locale}/manage/cohorts/${cohortId}/nominate`;
  const form = await args.request.formData();
  const intent = formText(form, "intent");
  const values = {
    institutionId: formText(form, "institutionId"),
    name: formText(form, "name"),
    email: formText(form, "email"),
    department: formText(form, "department"),
    jobTitle: formText(form, "jobTitle"),
  };
  const institutionId = values.institutionId || undefined;
  try {
    if (intent === "upload") {
      const file = form.get("file");
      const upload =
        file instanceof File
          ? { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
          : { fileName: "", bytes: new Uint8Array() };
      const preview = await services.programmes.previewNominations(actor, cohortId, { institutionId, ...upload }, locale);
      return redirect(`${base}?upload=${preview.uploadId}`);
    }
    if (intent === "confirm") {
      const result = await services.programmes.confirmNominations(actor, formText(form, "uploadId"), locale);
      return redirect(`${base}?nominated=${result.nominated}&accounts=${result.accountsCreated}`);
    }
    await services.programmes.nominate(actor, cohortId, { ...values, institutionId }, locale);
    return redirect(`${base}?nominated=1&accounts=0`);
  } catch (error) {
    return failureWithValues(error, locale, values, intent || "single");
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function Nominate({ loaderData, actionData }: Route.ComponentProps) {
  const { cohort, preview, nominations, confirmed, maxMegabytes } = loaderData;
  const t = useT();
  const href = useHref();
  const format = useProgrammeFormat();
  const numbers = useFormat();
  const failed = (intent: string) => (actionData?.intent === intent ? actionData : undefined);
  const single = failed("single");
  const upload = failed("upload");
  const confirm = failed("confirm");
  const institutions = cohort.viewer.nominatingFor.map((o) => ({ value: o.id, label: o.name }));
  const institutionField = (idPrefix: string, errors: Record<string, string> | undefined, value: string | undefined) =>
    institutions.length > 1 && (
      <SelectField
        idPrefix={idPrefix}
        name="institutionId"
        label={t("programmes.label.institution")}
        options={institutions}
        required
        defaultValue={value}
        errors={errors}
      />
    );
  const singleLabels = {
    institutionId: t("programmes.label.institution"),
    name: t("programmes.report.column.name"),
    email: t("programmes.report.column.email"),
    department: t("programmes.report.column.department"),
    jobTitle: t("programmes.report.column.role"),
  };
  const hiddenRows = preview ? preview.validCount - preview.rows.filter((r) => !r.problems.length).length : 0;

  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href("/manage/nominations")}>{t("programmes.nominations.title")}</Link>
      </p>
      <h1>{t("programmes.nominate.title", { name: isolate(cohort.name) })}</h1>
      <p className="meta">
        <bdi lang={cohort.programme.shownLocale}>{cohort.programme.title}</bdi> · {format.dates(cohort.startsOn, cohort.endsOn)} ·{" "}
        {format.language(cohort.locale)}
        {cohort.institutionQuota !== null && <> · {t("programmes.manageCohort.quota", { quota: cohort.institutionQuota })}</>}
      </p>
      {confirmed && (
        <p className="notice" role="status">
          {t("programmes.nominate.done", { count: confirmed.nominated, accounts: confirmed.accounts })}
        </p>
      )}

      {preview && (
        <section aria-labelledby="preview-title" className="panel">
          <h2 id="preview-title">{t("programmes.nominate.previewTitle", { file: preview.fileName })}</h2>
          <p role="status">
            {t("programmes.nominate.previewSummary", {
              rows: preview.validCount + preview.problemCount,
              valid: preview.validCount,
              problems: preview.problemCount,
            })}
            {preview.quota && <> {t("programmes.nominate.quotaLeft", { left: preview.quota.left, limit: preview.quota.limit })}</>}
          </p>
          {preview.problemCount > 0 && <p>{t("programmes.nominate.fixAdvice")}</p>}
          <table>
            <thead>
              <tr>
                <th scope="col">{t("programmes.nominate.line")}</th>
                <th scope="col">{singleLabels.name}</th>
                <th scope="col">{singleLabels.email}</th>
                <th scope="col">{singleLabels.department}</th>
                <th scope="col">{singleLabels.jobTitle}</th>
                <th scope="col">{t("programmes.nominate.problem")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.line} className={row.problems.length ? "row-problem" : undefined}>
                  <td>{numbers.number(row.line)}</td>
                  <td>
                    <bdi>{row.name}</bdi>
                  </td>
                  <td dir="ltr">{row.email}</td>
                  <td>
                    <bdi>{row.department}</bdi>
                  </td>
                  <td>
                    <bdi>{row.jobTitle}</bdi>
                  </td>
                  <td>
                    {row.problems.length ? (
                      <span className="error">{row.problems.map(format.problem).join(" ")}</span>
                    ) : (
                      t(row.hasAccount ? "programmes.nominate.ok" : "programmes.nominate.okNewAccount")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {hiddenRows > 0 && <p className="meta">{t("programmes.nominate.moreRows", { count: hiddenRows })}</p>}
          <ErrorSummary formError={confirm?.formError} errors={confirm?.fields} labels={{}} />
          {preview.validCount > 0 && (
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="confirm" />
              <input type="hidden" name="uploadId" value={preview.uploadId} />
              <button type="submit">{t("programmes.nominate.confirm", { count: preview.validCount })}</button>
            </Form>
          )}
        </section>
      )}

      <section aria-labelledby="upload-title" className="panel">
        <h2 id="upload-title">{t(preview ? "programmes.nominate.uploadAgain" : "programmes.nominate.upload")}</h2>
        <p>{t("programmes.nominate.uploadHint", { megabytes: maxMegabytes })}</p>
        <Form method="post" encType="multipart/form-data" className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="upload" />
          <ErrorSummary
            idPrefix="upload"
            formError={upload?.formError}
            errors={upload?.fields}
            labels={{ file: t("programmes.nominate.file"), institutionId: singleLabels.institutionId }}
          />
          {institutionField("upload", upload?.fields, upload?.values.institutionId)}
          <div className="field">
            <label htmlFor="upload-file">{t("programmes.nominate.file")}</label>
            <input
              id="upload-file"
              name="file"
              type="file"
              required
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-invalid={upload?.fields?.file ? true : undefined}
              aria-describedby={upload?.fields?.file ? "upload-file-error" : undefined}
            />
            {upload?.fields?.file && (
              <span className="error" id="upload-file-error">
                {upload.fields.file}
              </span>
            )}
          </div>
          <p>
            <button type="submit">{t("programmes.nominate.check")}</button>
          </p>
        </Form>
      </section>

      <section aria-labelledby="single-title" className="panel">
        <h2 id="single-title">{t("programmes.nominate.single")}</h2>
        <Form method="post" className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="single" />
          <ErrorSummary idPrefix="single" formError={single?.formError} errors={single?.fields} labels={singleLabels} />
          <div className="form-grid">
            {institutionField("single", single?.fields, single?.values.institutionId)}
            <TextField
              idPrefix="single"
              name="name"
              label={singleLabels.name}
              required
              defaultValue={single?.values.name}
              errors={single?.fields}
            />
            <TextField
              idPrefix="single"
              name="email"
              type="email"
              label={singleLabels.email}
              required
              defaultValue={single?.values.email}
              errors={single?.fields}
            />
            <TextField
              idPrefix="single"
              name="department"
              label={singleLabels.department}
              defaultValue={single?.values.department}
              errors={single?.fields}
            />
            <TextField
              idPrefix="single"
              name="jobTitle"
              label={singleLabels.jobTitle}
              defaultValue={single?.values.jobTitle}
              errors={single?.fields}
            />
          </div>
          <p>
            <button type="submit">{t("programmes.nominate.submit")}</button>
          </p>
        </Form>
      </section>

      <section aria-labelledby="yours-title">
        <h2 id="yours-title">{t("programmes.nominate.yours", { count: nominations.length })}</h2>
        {nominations.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">{singleLabels.name}</th>
                <th scope="col">{singleLabels.department}</th>
                <th scope="col">{t("programmes.label.status")}</th>
              </tr>
            </thead>
            <tbody>
              {nominations.map((n) => (
                <tr key={n.id}>
                  <td>
                    {n.user.name}
                    <br />
                    <span className="meta">{n.user.email}</span>
                  </td>
                  <td>{[n.department, n.jobTitle].filter(Boolean).join(" · ")}</td>
                  <td>{format.nominationStatus(n.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
