import { isRouteErrorResponse, Link } from "react-router";
import type { MessageId } from "../../i18n/messages/index.ts";
import { useHref, useT } from "../i18n.tsx";

/** The title and text of an error page, by status: not found, refused, unreadable, unavailable, anything else. */
export function errorTexts(error: unknown): [MessageId, MessageId] {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status === 404) return ["common.notFound.title", "common.notFound.body"];
  if (status === 403) return ["network.forbidden.title", "site.error.forbiddenBody"];
  if (status === 400) return ["http.page.badRequest.title", "http.page.badRequest.body"];
  if (status === 503) return ["http.page.unavailable.title", "http.page.unavailable.body"];
  return ["common.error.title", "common.error.body"];
}

/**
 * What a 404, 403, 400, 500 or 503 shows, inside the site's header and footer: what happened in
 * the reader's language, the refusal's own reason when it has one, and a way on (home, courses).
 */
export function ErrorPage({ error }: { error: unknown }) {
  const t = useT();
  const href = useHref();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] = errorTexts(error);
  const code = isRouteErrorResponse(error) && typeof error.data?.code === "string" ? error.data.code : null;
  // A refusal's own reason says more than the general text (e.g. "only the course's authors may ...").
  const reason = code && ![404, 400, 503].includes(status) && code !== "not_found" ? (`error.${code}` as MessageId) : null;
  return (
    <main className="page narrow error-page" id="main">
      <p className="badge warn">{t("site.error.code", { status })}</p>
      <h1>{t(title)}</h1>
      <p>{t(body)}</p>
      {reason && (
        <p className="form-error" role="alert">
          {t(reason)}
        </p>
      )}
      <p className="actions">
        <Link className="button" to={href("/")}>
          {t("site.error.home")}
        </Link>
        <Link to={href("/courses")}>{t("site.error.courses")}</Link>
      </p>
    </main>
  );
}
