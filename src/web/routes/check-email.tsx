import { Link } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/check-email.ts";

/** Where sign-up lands, whether or not the address already had an account: the page is the same. */
export function loader({ params }: Route.LoaderArgs) {
  return { title: translatorFor(routeLocale(params))("identity.checkEmail.title") };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export default function CheckEmail() {
  const t = useT();
  const href = useHref();
  return (
    <main id="main" className="page narrow">
      <h1>{t("identity.checkEmail.title")}</h1>
      <p role="status">{t("identity.checkEmail.body")}</p>
      <p>{t("identity.checkEmail.already")}</p>
      <p>
        <Link to={href("/sign-in")}>{t("identity.signIn.title")}</Link> ·{" "}
        <Link to={href("/forgot-password")}>{t("identity.signIn.forgot")}</Link>
      </p>
    </main>
  );
}
