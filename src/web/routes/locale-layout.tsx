import { data, Form, Link, NavLink, Outlet, useLocation, useRouteLoaderData } from "react-router";
import type { Role } from "../../domain/shared/actor.ts";
import { isLocale, localeNames, locales } from "../../i18n/locales.ts";
import { CsrfField } from "../components/csrf.tsx";
import { useHref, useLocale, useT } from "../i18n.tsx";
import type { RootData } from "../root.tsx";
import type { Route } from "./+types/locale-layout.ts";

export function loader({ params }: Route.LoaderArgs) {
  if (!isLocale(params.lang)) throw data(null, { status: 404 });
  return null;
}

/** Roles that get the staff pages in the menu; the pages themselves check access again. */
const staffRoles: ReadonlySet<Role> = new Set([
  "platform_admin",
  "secretariat",
  "centre_admin",
  "centre_staff",
  "author",
  "reviewer",
  "translator",
  "institution_admin",
]);

/** The same page in another language: swap the first path segment. */
function LanguageSwitcher() {
  const locale = useLocale();
  const location = useLocation();
  const t = useT();
  const rest = location.pathname.replace(/^\/[a-z]{2}(?=\/|$)/, "");
  return (
    <nav aria-label={t("common.language")} className="languages">
      <ul>
        {locales.map((l) => (
          <li key={l}>
            <a href={`/${l}${rest}${location.search}`} hrefLang={l} lang={l} aria-current={l === locale ? "true" : undefined}>
              {localeNames[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export default function LocaleLayout() {
  const t = useT();
  const href = useHref();
  const root = useRouteLoaderData<RootData>("root");
  const user = root?.user;
  return (
    <>
      <a className="skip-link" href="#main">
        {t("common.skipToContent")}
      </a>
      <header className="site-header">
        <Link to={href("/")} className="brand">
          <svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32">
            <circle cx="16" cy="16" r="13" fill="none" stroke="currentColor" strokeWidth="2.5" />
            <ellipse cx="16" cy="16" rx="6" ry="13" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="M3 16h26" stroke="currentColor" strokeWidth="2" />
          </svg>
          {t("common.appName")}
        </Link>
        <nav aria-label={t("common.nav.main")} className="main-nav">
          <ul>
            <li>
              <NavLink to={href("/")} end>
                {t("common.nav.home")}
              </NavLink>
            </li>
            <li>
              <NavLink to={href("/centres")}>{t("common.nav.centres")}</NavLink>
            </li>
            <li>
              <NavLink to={href("/network")}>{t("network.nav.about")}</NavLink>
            </li>
            <li>
              <NavLink to={href("/courses")}>{t("catalogue.nav.courses")}</NavLink>
            </li>
            <li>
              <NavLink to={href("/programmes")}>{t("programmes.nav.programmes")}</NavLink>
            </li>
            <li>
              <NavLink to={href("/events")}>{t("events.nav.events")}</NavLink>
            </li>
            <li>
              <NavLink to={href("/competencies")}>{t("competencies.nav.frameworks")}</NavLink>
            </li>
            {user?.roles.some((grant) => grant.role === "institution_admin") && (
              <li>
                <NavLink to={href("/manage/nominations")}>{t("programmes.nav.nominations")}</NavLink>
              </li>
            )}
            {user?.roles.some((grant) => staffRoles.has(grant.role)) && (
              <li>
                <NavLink to={href("/manage")}>{t("common.nav.manage")}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="account-nav">
          {user ? (
            <Form method="post" action={href("/sign-out")}>
              <CsrfField />
              <Link to={href("/learning")}>{t("learning.nav.myLearning")}</Link>{" "}
              <Link to={href("/my/events")}>{t("events.nav.myEvents")}</Link>{" "}
              <Link to={href("/account")} className="user-name" title={t("common.nav.account")} dir="auto">
                {user.name}
              </Link>{" "}
              <button type="submit">{t("common.nav.signOut")}</button>
            </Form>
          ) : (
            <>
              <Link to={href("/sign-in")}>{t("common.nav.signIn")}</Link> <Link to={href("/sign-up")}>{t("common.nav.signUp")}</Link>
            </>
          )}
        </div>
        <LanguageSwitcher />
      </header>
      <Outlet />
      <footer className="site-footer">
        <p>
          {t("common.footer.openSource")} <a href="/api/docs">{t("common.footer.api")}</a>
        </p>
      </footer>
    </>
  );
}
