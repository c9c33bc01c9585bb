import type { ReactNode } from "react";
import { data, Form, Link, NavLink, Outlet, useLocation, useRouteError, useRouteLoaderData } from "react-router";
import { sitePageSlugs } from "../../domain/network/values.ts";
import { isLocale, localeNames, locales } from "../../i18n/locales.ts";
import { CsrfField } from "../components/csrf.tsx";
import { ErrorPage } from "../components/error-page.tsx";
import { hasStaffRole } from "../components/staff-roles.ts";
import { useHref, useLocale, useT } from "../i18n.tsx";
import type { RootData } from "../root.tsx";
import type { Route } from "./+types/locale-layout.ts";

export function loader({ params }: Route.LoaderArgs) {
  if (!isLocale(params.lang)) throw data(null, { status: 404 });
  return null;
}

/**
 * The same page in another language: swap the first path segment. A disclosure showing only the
 * current language's name, so six names do not take a phone's first screen; it opens without script.
 */
function LanguageSwitcher() {
  const locale = useLocale();
  const location = useLocation();
  const t = useT();
  const rest = location.pathname.replace(/^\/[a-z]{2}(?=\/|$)/, "");
  return (
    <details className="language-picker">
      <summary>
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24">
          <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M2.5 12h19M12 2.5c3 3.2 3 15.8 0 19M12 2.5c-3 3.2-3 15.8 0 19" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
        <span className="visually-hidden">{t("common.language")}: </span>
        <span lang={locale}>{localeNames[locale]}</span>
      </summary>
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
    </details>
  );
}

/**
 * Header, content, footer: every page of a language, and its error pages too (an unknown address,
 * a refusal or a failure keeps the header and footer, so there is always a way on).
 */
function SiteShell({ children }: { children: ReactNode }) {
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
        {/* On a phone the navigation and account links fold into a disclosure that opens without
            script; from tablet width the stylesheet shows its content and hides the button. */}
        <details className="site-menu">
          <summary>
            <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24">
              <path d="M3 6h18M3 12h18M3 18h18" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
            </svg>
            {t("site.menu")}
          </summary>
          <div className="site-menu-panel">
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
                <li>
                  <NavLink to={href("/certifications")}>{t("certifications.nav.certifications")}</NavLink>
                </li>
                {user?.roles.some((grant) => grant.role === "institution_admin") && (
                  <li>
                    <NavLink to={href("/manage/nominations")}>{t("programmes.nav.nominations")}</NavLink>
                  </li>
                )}
                {hasStaffRole(user) && (
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
                  {!user.emailVerified && (
                    <>
                      <Link to={href("/account")} className="badge warn">
                        {t("identity.account.unverifiedShort")}
                      </Link>{" "}
                    </>
                  )}
                  <button type="submit">{t("common.nav.signOut")}</button>
                </Form>
              ) : (
                <>
                  <Link to={href("/sign-in")}>{t("common.nav.signIn")}</Link> <Link to={href("/sign-up")}>{t("common.nav.signUp")}</Link>
                </>
              )}
            </div>
          </div>
        </details>
        <LanguageSwitcher />
      </header>
      {children}
      <footer className="site-footer">
        <nav aria-label={t("site.footer.nav")}>
          <ul>
            {sitePageSlugs.map((slug) => (
              <li key={slug}>
                <Link to={href(`/pages/${slug}`)}>{t(`site.footer.${slug}`)}</Link>
              </li>
            ))}
            <li>
              <a href="/api/docs">{t("common.footer.api")}</a>
            </li>
          </ul>
        </nav>
        <p>{t("common.footer.openSource")}</p>
      </footer>
    </>
  );
}

export default function LocaleLayout() {
  return (
    <SiteShell>
      <Outlet />
    </SiteShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return (
    <SiteShell>
      <ErrorPage error={error} />
    </SiteShell>
  );
}
