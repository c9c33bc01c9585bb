import { Form, Link } from "react-router";
import type { CredentialSummary } from "../../domain/credentials/dto.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useFormat, useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/my-credentials.ts";

/** The learner's wallet. */
export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const credentials = await services.credentials.myCredentials(actor, locale).catch((error) => {
    throw toErrorResponse(error);
  });
  return { title: translatorFor(locale)("credentials.wallet.title"), credentials };
}

/** Public link on or off. */
export async function action(args: Route.ActionArgs) {
  const { actor, services } = requireSignedIn(args);
  const form = await args.request.formData();
  await services.credentials.setPublic(actor, String(form.get("credentialId") ?? ""), form.get("public") === "true").catch((error) => {
    throw toErrorResponse(error);
  });
  return { done: true };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

/** LinkedIn's "add licence or certification" form, filled in. */
export function linkedInUrl(credential: CredentialSummary, pageUrl: string): string {
  const issued = new Date(credential.issuedAt);
  const query = new URLSearchParams({
    startTask: "CERTIFICATION_NAME",
    name: credential.name,
    organizationName: credential.issuer.name,
    issueYear: String(issued.getUTCFullYear()),
    issueMonth: String(issued.getUTCMonth() + 1),
    certUrl: pageUrl,
    certId: credential.id,
  });
  return `https://www.linkedin.com/profile/add?${query}`;
}

function StatusBadge({ credential }: { credential: CredentialSummary }) {
  const t = useT();
  if (credential.revoked) return <span className="badge danger">{t("credentials.status.revoked")}</span>;
  if (credential.suspended) return <span className="badge warn">{t("credentials.status.suspended")}</span>;
  return <span className="badge ok">{t("credentials.status.active")}</span>;
}

export { StatusBadge };

export default function MyCredentials({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const format = useFormat();
  const { credentials } = loaderData;
  return (
    <main id="main" className="page wallet">
      <h1>{t("credentials.wallet.title")}</h1>
      <p className="lead">{t("credentials.wallet.lead")}</p>
      {credentials.length === 0 && <p>{t("credentials.wallet.empty")}</p>}
      <ul className="plain-list">
        {credentials.map((credential) => (
          <li key={credential.id} className="card" data-credential={credential.id}>
            <h2>
              <Link to={href(`/credentials/${credential.id}`)}>
                <bdi>{credential.name}</bdi>
              </Link>
            </h2>
            <p className="meta">
              <StatusBadge credential={credential} /> {t("credentials.wallet.issuedBy", { issuer: credential.issuer.name })} ·{" "}
              {t("credentials.wallet.issuedOn", { date: format.date(credential.issuedAt) })} ·{" "}
              {credential.public ? t("credentials.wallet.public") : t("credentials.wallet.private")}
            </p>
            <p className="actions">
              <a className="button secondary" href={`/api/v1/credentials/${credential.id}/file`} download>
                {t("credentials.wallet.download")}
              </a>
            </p>
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="credentialId" value={credential.id} />
              <input type="hidden" name="public" value={credential.public ? "false" : "true"} />
              <button type="submit" className="button secondary">
                {credential.public ? t("credentials.wallet.makePrivate") : t("credentials.wallet.makePublic")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </main>
  );
}
