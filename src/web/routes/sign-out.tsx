import { redirect } from "react-router";
import { routeLocale } from "../components/route-locale.ts";
import { appContext } from "../context.ts";
import { expiredSessionCookie } from "../session.server.ts";
import type { Route } from "./+types/sign-out.ts";

/** Signing out changes state, so it is a POST (with the CSRF check); a GET just goes home. */
export function loader({ params }: Route.LoaderArgs) {
  return redirect(`/${routeLocale(params)}`);
}

export async function action({ params, context }: Route.ActionArgs) {
  const { services, sessionToken, secureCookies } = context.get(appContext);
  await services.identity.signOut(sessionToken);
  return redirect(`/${routeLocale(params)}`, { headers: { "set-cookie": expiredSessionCookie(secureCookies) } });
}
