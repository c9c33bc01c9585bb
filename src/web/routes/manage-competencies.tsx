import { Form, Link } from "react-router";
import type { ImportReportDto } from "../../domain/competencies/dto.ts";
import { isGlobalStaff } from "../../domain/shared/actor.ts";
import type { MessageId } from "../../i18n/messages/index.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { actionFailure } from "../action-errors.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { ErrorSummary, SelectField, TextArea } from "../components/form-fields.tsx";
import { formText } from "../components/form-values.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { holderOptions } from "../components/staff-options.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-competencies.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const [frameworks, organisations] = await Promise.all([
    services.competencies.listFrameworks(actor, { limit: 100 }, locale),
    holderOptions(services, locale),
  ]);
  // The secretariat imports for anyone; a centre's admins for their centre.
  const adminOf = new Set(actor.roles.filter((r) => r.role === "centre_admin").map((r) => r.organisationId));
  const owners = isGlobalStaff(actor) ? organisations : organisations.filter((o) => adminOf.has(o.value));
  return { title: translatorFor(locale)("competencies.manage.title"), frameworks, owners };
}

/** Translated problems of an import report, each named by where it is in the package. */
function describe(report: ImportReportDto, locale: Parameters<typeof translatorFor>[0]) {
  const t = translatorFor(locale);
  const line = (p: ImportReportDto["problems"][number]) =>
    t("competencies.import.problem", { where: p.where, message: t(p.messageId as MessageId, p.params) });
  return {
    imported: report.imported,
    frameworkId: report.frameworkId,
    items: report.counts.items,
    problems: report.problems.map(line),
    warnings: report.warnings.map(line),
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const form = await args.request.formData();
  const input = {
    ownerId: formText(form, "ownerId"),
    package: formText(form, "package"),
    newIdentifier: form.get("newIdentifier") === "on",
  };
  try {
    return { report: describe(await services.competencies.importCase(actor, input), locale) };
  } catch (error) {
    return actionFailure(error, locale).data;
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function ManageCompetencies({ loaderData, actionData }: Route.ComponentProps) {
  const { frameworks, owners } = loaderData;
  const t = useT();
  const href = useHref();
  const report = actionData && "report" in actionData ? actionData.report : undefined;
  const failure = actionData && "formError" in actionData ? actionData : undefined;
  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href("/manage")}>{t("network.manage.title")}</Link>
      </p>
      <h1>{t("competencies.manage.title")}</h1>
      <ul className="course-list">
        {frameworks.items.map((framework) => (
          <li key={framework.id} className="card">
            <Link to={href(`/competencies/${framework.status === "draft" ? framework.id : framework.slug}`)}>
              <bdi lang={framework.shownLocale}>{framework.title}</bdi>
            </Link>{" "}
            <span className="tag">{t(`competencies.manage.status.${framework.status}`)}</span>{" "}
            <span className="meta">
              {t("competencies.label.version", { version: framework.version })} · <bdi>{framework.owner.name}</bdi>
            </span>
          </li>
        ))}
      </ul>
      {owners.length > 0 && (
        <section aria-labelledby="import-title" className="panel">
          <h2 id="import-title">{t("competencies.import.title")}</h2>
          {report?.imported && (
            <p className="notice" role="status">
              {t("competencies.import.done", { items: report.items })}{" "}
              <Link to={href(`/competencies/${report.frameworkId}`)}>{t("competencies.import.open")}</Link>
            </p>
          )}
          {report && !report.imported && (
            <div className="form-error" role="alert">
              <p>
                <strong>{t("competencies.import.failed")}</strong>
              </p>
              <ul>
                {report.problems.map((p) => (
                  <li key={p} dir="auto">
                    {p}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {report && report.warnings.length > 0 && (
            <details open>
              <summary>{t("competencies.import.warnings")}</summary>
              <ul>
                {report.warnings.map((w) => (
                  <li key={w} dir="auto">
                    {w}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <Form method="post">
            <CsrfField />
            <ErrorSummary formError={failure?.formError} errors={failure?.fields} labels={{ ownerId: t("competencies.import.owner") }} />
            <SelectField name="ownerId" label={t("competencies.import.owner")} options={owners} required errors={failure?.fields} />
            <TextArea
              name="package"
              label={t("competencies.import.package")}
              hint={t("competencies.import.packageHint")}
              rows={10}
              required
              errors={failure?.fields}
            />
            <div className="field">
              <label>
                <input type="checkbox" name="newIdentifier" /> {t("competencies.import.newIdentifier")}
              </label>
            </div>
            <button type="submit">{t("competencies.import.submit")}</button>
          </Form>
        </section>
      )}
    </main>
  );
}
