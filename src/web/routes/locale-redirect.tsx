import { redirect } from "react-router";
import { negotiateLocale } from "../../i18n/locales.ts";
import type { Route } from "./+types/locale-redirect.ts";

/** `/` sends each reader to their language, from Accept-Language. */
export function loader({ request }: Route.LoaderArgs) {
  return redirect(`/${negotiateLocale(request.headers.get("accept-language"))}`, { headers: { Vary: "Accept-Language" } });
}
