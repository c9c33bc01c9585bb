import { data, redirect } from "react-router";
import { type Actor, isGlobalStaff } from "../../domain/shared/actor.ts";
import type { Locale } from "../../i18n/locales.ts";
import type { Services } from "../../services.ts";
import { type AppContext, appContext } from "../context.ts";
import { routeLocale } from "./route-locale.ts";

type StaffRequest = {
  request: Request;
  params: { lang?: string | undefined };
  context: { get(key: typeof appContext): AppContext };
};

/** Staff pages need someone signed in: anyone else goes to sign-in and comes back afterwards. */
export function requireSignedIn({ request, params, context }: StaffRequest): { actor: Actor; services: Services; locale: Locale } {
  const locale = routeLocale(params);
  const { actor, services } = context.get(appContext);
  if (!actor) {
    const url = new URL(request.url);
    throw redirect(`/${locale}/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return { actor, services, locale };
}

export function forbiddenPage() {
  return data({ code: "forbidden" }, { status: 403 });
}

/** Pages only the secretariat (and platform admins) use: the whole network's registry. */
export function requireSecretariat(args: StaffRequest) {
  const signedIn = requireSignedIn(args);
  if (!isGlobalStaff(signedIn.actor)) throw forbiddenPage();
  return signedIn;
}
