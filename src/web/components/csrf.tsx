import { useRouteLoaderData } from "react-router";
import { CSRF_FIELD } from "../csrf-token.ts";

/** The hidden half of the double-submit CSRF check; put it inside every form that posts. */
export function CsrfField() {
  const token = useRouteLoaderData<{ csrf: string }>("root")?.csrf ?? "";
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}
