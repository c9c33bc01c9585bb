import { Form, Link } from "react-router";
import { staffStatusActions } from "../../domain/credentials/validation.ts";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, SelectField, TextField } from "../components/form-fields.tsx";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { VerificationResult } from "../components/verification-report.tsx";
import { appContext } from "../context.ts";
import { useFormat, useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/credential.ts";
import { linkedInUrl, StatusBadge } from "./my-credentials.tsx";

/** A credential's page: public once its holder says so, with its live status (verified now). */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { services, actor, publicUrl } = context.get(appContext);
  const locale = routeLocale(params);
  try {
    const credential = await services.credentials.getCredential(actor, params.id, locale);
    const report = await services.credentials.verifyCredential(credential.document);
    return { credential, report, pageUrl: `${publicUrl}/${locale}/credentials/${credential.id}` };
  } catch (error) {
    throw toErrorResponse(error);
  }
}

/** Staff of the issuer: revoke, suspend or reinstate, with a reason. */
export async function action(args: Route.ActionArgs) {
  const { actor, services } = requireSignedIn(args);
  const form = await args.request.formData();
  const values = { action: String(form.get("action") ?? ""), reason: String(form.get("reason") ?? "") };
  try {
    await services.credentials.changeStatus(actor, args.params.id, values);
  } catch (error) {
    return failureWithValues(error, routeLocale(args.params), values);
  }
  return { changed: true as const };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.credential.name);
}

export const ErrorBoundary = StatusError;

function StaffForm({ actionData }: { actionData: Route.ComponentProps["actionData"] }) {
  const t = useT();
  const failed = actionData && "fields" in actionData ? actionData : undefined;
  const labels = { action: t("credentials.page.action"), reason: t("credentials.page.reasonLabel") };
  return (
    <section className="card" aria-labelledby="manage-title">
      <h2 id="manage-title">{t("credentials.page.manageTitle")}</h2>
      {actionData && "changed" in actionData && <p className="notice">{t("credentials.page.changed")}</p>}
      <Form method="post" className="stack">
        <CsrfField />
        <ErrorSummary formError={failed?.formError} errors={failed?.fields} labels={labels} />
        <SelectField
          name="action"
          label={labels.action}
          required
          options={staffStatusActions.map((value) => ({ value, label: t(`credentials.page.${value}`) }))}
          errors={failed?.fields}
        />
        <TextField name="reason" label={labels.reason} required errors={failed?.fields} />
        <p>
          <button type="submit" className="button">
            {t("credentials.page.apply")}
          </button>
        </p>
      </Form>
    </section>
  );
}

export default function Credential({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const format = useFormat();
  const { credential, report, pageUrl } = loaderData;
  return (
    <main id="main" className="page credential-page">
      <p className="meta">{t("credentials.page.title")}</p>
      <h1>
        <bdi>{credential.name}</bdi>
      </h1>
      <p>
        <StatusBadge credential={credential} /> {t("credentials.wallet.issuedBy", { issuer: credential.issuer.name })} ·{" "}
        {t("credentials.wallet.issuedOn", { date: format.date(credential.issuedAt) })}
      </p>
      {credential.statusReason && (credential.revoked || credential.suspended) && (
        <p>{t("credentials.status.reason", { reason: credential.statusReason })}</p>
      )}
      <VerificationResult report={report} />
      <p className="actions">
        <Link className="button secondary" to={href(`/verify?id=${credential.id}`)}>
          {t("credentials.page.verify")}
        </Link>
      </p>
      {credential.holder && (
        <section className="card" aria-labelledby="share-title">
          <h2 id="share-title">{t("credentials.wallet.copyFields")}</h2>
          <dl>
            <dt>{t("credentials.page.credentialId")}</dt>
            <dd dir="ltr">{credential.id}</dd>
            <dt>{t("credentials.page.issuerDid")}</dt>
            <dd dir="ltr" className="break-anywhere">
              {credential.issuer.did}
            </dd>
          </dl>
          <p>
            <a className="button secondary" href={linkedInUrl(credential, pageUrl)} rel="noopener noreferrer">
              {t("credentials.wallet.linkedin")}
            </a>
          </p>
        </section>
      )}
      {credential.mayManage && <StaffForm actionData={actionData} />}
    </main>
  );
}
