import { isRouteErrorResponse, useRouteError } from "react-router";
import type { MessageId } from "../../i18n/messages/index.ts";
import { useT } from "../i18n.tsx";

/** Error boundary of network pages: a refusal (403) or a missing page (404) explained in the reader's language. */
export function StatusError() {
  const error = useRouteError();
  const t = useT();
  if (isRouteErrorResponse(error) && error.status !== 404) {
    const code = typeof error.data?.code === "string" ? error.data.code : "internal";
    return (
      <main className="page narrow" id="main">
        <h1>{t(error.status === 403 ? "network.forbidden.title" : "common.error.title")}</h1>
        <p className="form-error" role="alert">
          {t(`error.${code}` as MessageId)}
        </p>
      </main>
    );
  }
  const notFound = isRouteErrorResponse(error);
  return (
    <main className="page narrow" id="main">
      <h1>{t(notFound ? "common.notFound.title" : "common.error.title")}</h1>
      <p>{t(notFound ? "common.notFound.body" : "common.error.body")}</p>
    </main>
  );
}
