import { Form } from "react-router";
import type { VerificationReport } from "../../domain/credentials/dto.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { StatusError } from "../components/status-error.tsx";
import { VerificationResult } from "../components/verification-report.tsx";
import { appContext } from "../context.ts";
import { useT } from "../i18n.tsx";
import type { Route } from "./+types/verify.ts";

/** Public: a link or QR code (`?id=`) verifies a public credential of this site at once. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { services } = context.get(appContext);
  const locale = routeLocale(params);
  const id = new URL(request.url).searchParams.get("id");
  let report: VerificationReport | null = null;
  if (id) {
    const document = await services.credentials.publicCredentialDocument(id).catch(() => null);
    report = document ? await services.credentials.verifyCredential(document) : await services.credentials.verifyCredential("");
  }
  return { title: translatorFor(locale)("credentials.verify.title"), report };
}

/** Pasted JSON or an uploaded file; a file wins when both are given. */
export async function action({ request, context }: Route.ActionArgs) {
  const { services } = context.get(appContext);
  const form = await request.formData();
  const file = form.get("file");
  const pasted = String(form.get("credential") ?? "");
  const text = file instanceof File && file.size > 0 ? await file.text() : pasted;
  return { report: await services.credentials.verifyCredential(text), pasted };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function Verify({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const report = actionData?.report ?? loaderData.report;
  return (
    <main id="main" className="page verify-page">
      <h1>{t("credentials.verify.title")}</h1>
      <p className="lead">{t("credentials.verify.lead")}</p>
      {report && <VerificationResult report={report} />}
      <Form method="post" encType="multipart/form-data" className="stack">
        <CsrfField />
        <label htmlFor="credential">{t("credentials.verify.paste")}</label>
        <textarea id="credential" name="credential" rows={6} dir="ltr" defaultValue={actionData?.pasted ?? ""} spellCheck={false} />
        <label htmlFor="file">{t("credentials.verify.file")}</label>
        <input id="file" name="file" type="file" accept=".json,application/json,application/ld+json" />
        <p>
          <button type="submit" className="button">
            {t("credentials.verify.submit")}
          </button>
        </p>
      </Form>
    </main>
  );
}
