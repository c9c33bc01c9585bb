import { useRouteError } from "react-router";
import { ErrorPage } from "./error-page.tsx";

/** Error boundary of pages: a refusal (403), a missing page (404) or a failure explained in the reader's language, with a way on. */
export function StatusError() {
  return <ErrorPage error={useRouteError()} />;
}
