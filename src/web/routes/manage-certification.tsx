import { Form, Link, redirect } from "react-router";
import type { ManagedAwardDto } from "../../domain/certifications/dto.ts";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, SelectField } from "../components/form-fields.tsx";
import { formText } from "../components/form-values.server.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { RowActionError } from "../components/row-action.tsx";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useFormat, useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-certification.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const search = new URL(args.request.url).searchParams;
  const c = services.certifications;
  try {
    const certification = await c.getCertification(actor, args.params.slug, locale);
    const uploadId = search.get("upload");
    const [awards, cohorts, preview] = await Promise.all([
      c.listAwards(actor, certification.id),
      c.bulkCohortOptions(actor, certification.id, locale),
      uploadId ? c.getBulkPreview(actor, uploadId) : null,
    ]);
    return {
      title: certification.title,
      certification,
      awards,
      cohorts,
      preview,
      awarded: search.has("awarded") ? Number(search.get("awarded")) || 0 : null,
      changed: search.get("changed"),
    };
  } catch (error) {
    throw toErrorResponse(error);
  }
}

/** Three forms: change an award's status, upload a list for its preview, confirm the preview. */
export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const base = `/${locale}/manage/certifications/${args.params.slug}`;
  const form = await args.request.formData();
  const intent = formText(form, "intent");
  const c = services.certifications;
  try {
    if (intent === "upload") {
      const file = form.get("file");
      const upload =
        file instanceof File
          ? { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
          : { fileName: "", bytes: new Uint8Array() };
      const preview = await c.previewBulkAwards(actor, args.params.slug, { cohortId: formText(form, "cohortId"), ...upload }, locale);
      return redirect(`${base}?upload=${preview.uploadId}#bulk`);
    }
    if (intent === "confirm") {
      const result = await c.confirmBulkAwards(actor, formText(form, "uploadId"));
      return redirect(`${base}?awarded=${result.awarded}#bulk`);
    }
    const action = formText(form, "action") as "revoke" | "suspend" | "reinstate";
    const award = await c.changeAwardStatus(actor, formText(form, "awardId"), { action, reason: formText(form, "reason") });
    return redirect(`${base}?changed=${award.status}`);
  } catch (error) {
    return failureWithValues(
      error,
      locale,
      { awardId: formText(form, "awardId"), cohortId: formText(form, "cohortId") },
      intent || "status",
    );
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

const actionsFor: Record<ManagedAwardDto["status"], ("suspend" | "revoke" | "reinstate")[]> = {
  active: ["suspend", "revoke"],
  suspended: ["reinstate", "revoke"],
  revoked: [],
};

function StatusForm({ award }: { award: ManagedAwardDto }) {
  const t = useT();
  const actions = actionsFor[award.status];
  if (!actions.length) return award.statusReason ? <bdi>{award.statusReason}</bdi> : null;
  const id = `reason-${award.id}`;
  return (
    <Form method="post" className="inline-form">
      <CsrfField />
      <input type="hidden" name="intent" value="status" />
      <input type="hidden" name="awardId" value={award.id} />
      <label htmlFor={id}>
        {t("certifications.awards.reason")}
        <span className="visually-hidden"> {award.holder.name}</span>
      </label>
      <input id={id} name="reason" required maxLength={500} />
      {actions.map((action) => (
        <button key={action} type="submit" name="action" value={action} className="secondary">
          {t("certifications.awards.action", { action })}
        </button>
      ))}
    </Form>
  );
}

export default function ManageCertification({ loaderData, actionData }: Route.ComponentProps) {
  const { certification: c, awards, cohorts, preview, awarded, changed } = loaderData;
  const t = useT();
  const href = useHref();
  const format = useFormat();
  const failed = (intent: string) => (actionData?.intent === intent ? actionData : undefined);
  const upload = failed("upload") ?? failed("confirm");
  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href("/manage/certifications")}>{t("certifications.manage.title")}</Link>
      </p>
      <h1>
        <bdi lang={c.shownLocale}>{c.title}</bdi>
      </h1>
      <p className="meta">
        {c.owner.name} · {t("certifications.manage.status", { status: c.status })}
      </p>
      <section aria-labelledby="awards-title">
        <h2 id="awards-title">{t("certifications.manage.awards")}</h2>
        {changed && (
          <p className="notice" role="status">
            {t("certifications.awards.changed", { status: changed })}
          </p>
        )}
        <RowActionError
          message={failed("status")?.formError && [failed("status")?.formError, ...Object.values(failed("status")?.fields ?? {})].join(" ")}
        />
        {awards.length === 0 ? (
          <p className="meta">{t("certifications.awards.empty")}</p>
        ) : (
          <table className="stacked-table">
            <thead>
              <tr>
                <th scope="col">{t("certifications.awards.holder")}</th>
                <th scope="col">{t("certifications.awards.statusLabel")}</th>
                <th scope="col">{t("certifications.awards.validUntil")}</th>
                <th scope="col">{t("certifications.awards.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {awards.map((award) => (
                <tr key={award.id}>
                  <td data-label={t("certifications.awards.holder")}>
                    <bdi>{award.holder.name}</bdi>
                    <br />
                    <span className="meta">
                      {t("certifications.awards.cycle")} {award.cycle}
                    </span>
                  </td>
                  <td data-label={t("certifications.awards.statusLabel")}>{t("certifications.awards.status", { status: award.status })}</td>
                  <td data-label={t("certifications.awards.validUntil")}>
                    {award.validUntil ? format.date(award.validUntil) : t("certifications.awards.noExpiry")}
                  </td>
                  <td data-label={t("certifications.awards.reason")}>
                    <StatusForm award={award} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section id="bulk" aria-labelledby="bulk-title" className="panel">
        <h2 id="bulk-title">{t("certifications.bulk.title")}</h2>
        {awarded !== null && (
          <p className="notice" role="status">
            {t("certifications.bulk.done", { awarded })}
          </p>
        )}
        <ErrorSummary
          idPrefix="bulk"
          formError={upload?.formError}
          errors={upload?.fields}
          labels={{ file: t("certifications.evidence.file"), cohortId: t("certifications.bulk.cohort") }}
        />
        {preview && !preview.confirmed && (
          <>
            <h3>{t("certifications.bulk.previewTitle", { valid: preview.validCount })}</h3>
            <div className="table-scroll">
              <table className="stacked-table">
                <thead>
                  <tr>
                    <th scope="col">{t("certifications.bulk.line")}</th>
                    <th scope="col">{t("certifications.bulk.email")}</th>
                    <th scope="col">{t("certifications.awards.statusLabel")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => (
                    <tr key={row.line}>
                      <td data-label={t("certifications.bulk.line")}>{row.line}</td>
                      <td data-label={t("certifications.bulk.email")}>
                        <bdi>{row.email}</bdi>
                        {row.name && (
                          <>
                            <br />
                            <bdi className="meta">{row.name}</bdi>
                          </>
                        )}
                      </td>
                      <td data-label={t("certifications.awards.statusLabel")}>
                        {t("certifications.bulk.problem", { problem: row.problem ?? "ok" })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {preview.validCount > 0 && (
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="intent" value="confirm" />
                <input type="hidden" name="uploadId" value={preview.uploadId} />
                <button type="submit">{t("certifications.bulk.confirm", { valid: preview.validCount })}</button>
              </Form>
            )}
          </>
        )}
        <p className="meta">{t("certifications.bulk.hint")}</p>
        <Form method="post" encType="multipart/form-data" className="upload-form">
          <CsrfField />
          <input type="hidden" name="intent" value="upload" />
          <SelectField
            idPrefix="bulk"
            name="cohortId"
            label={t("certifications.bulk.cohort")}
            required
            emptyLabel={t("certifications.bulk.chooseCohort")}
            options={cohorts.map((cohort) => ({ value: cohort.id, label: `${cohort.programmeTitle} — ${cohort.name}` }))}
            defaultValue={upload?.values.cohortId}
            errors={upload?.fields}
          />
          <div className="field">
            <label htmlFor="bulk-file">{t("certifications.evidence.file")}</label>
            <input
              id="bulk-file"
              type="file"
              name="file"
              required
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            />
          </div>
          <button type="submit">{t("certifications.bulk.preview")}</button>
        </Form>
      </section>
    </main>
  );
}
