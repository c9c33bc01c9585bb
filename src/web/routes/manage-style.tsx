import { Link } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CourseCard } from "../components/course-card.tsx";
import { pageTitle } from "../components/route-locale.ts";
import { forbiddenPage, requireSignedIn } from "../components/staff-access.server.ts";
import { hasStaffRole } from "../components/staff-roles.ts";
import { StatusError } from "../components/status-error.tsx";
import { useHref, useT } from "../i18n.tsx";
import styleGuideUrl from "../style-guide.css?url";
import type { Route } from "./+types/manage-style.ts";

/** The living style guide: the real tokens and components, drawn by the same stylesheet as every page. */
export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  if (!hasStaffRole(actor)) throw forbiddenPage();
  const sample = await services.catalogue.searchCourses({ limit: 3 }, locale);
  return { title: translatorFor(locale)("site.style.title"), courses: sample.items };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: styleGuideUrl }];

export const ErrorBoundary = StatusError;

const colours = [
  "bg",
  "surface",
  "text",
  "text-muted",
  "border",
  "brand",
  "brand-soft",
  "accent",
  "accent-soft",
  "danger",
  "ok",
  "focus",
] as const;
const steps = ["-1", "0", "1", "2", "3", "4"] as const;
const spaces = [1, 2, 3, 4, 5, 6, 7] as const;
const radii = ["s", "m", "l", "pill"] as const;
/** The same words in the four scripts the interface is read in, to judge each face at each size. */
const scriptSample = "Orbis · Образование · التعليم · 教育";

export default function ManageStyle({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  return (
    <main id="main" className="page style-guide">
      <nav aria-label={t("site.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={href("/manage")}>{t("common.nav.manage")}</Link>
          </li>
          <li aria-current="page">{t("site.style.title")}</li>
        </ol>
      </nav>
      <header className="page-header">
        <h1>{t("site.style.title")}</h1>
        <p className="lead">{t("site.style.lead")}</p>
      </header>

      <section aria-labelledby="style-colours">
        <h2 id="style-colours">{t("site.style.colours")}</h2>
        <p>{t("site.style.coloursHint")}</p>
        <ul className="swatches">
          {colours.map((name) => (
            <li key={name} className="swatch">
              <span className={`swatch-${name}`} />
              <code dir="ltr">--color-{name}</code>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="style-type">
        <h2 id="style-type">{t("site.style.type")}</h2>
        <p>{t("site.style.typeHint")}</p>
        {steps.map((step) => (
          <p key={step} className={`type-step${step}`}>
            <code dir="ltr">--step-{step}</code> {scriptSample}
          </p>
        ))}
      </section>

      <section aria-labelledby="style-spacing">
        <h2 id="style-spacing">{t("site.style.spacing")}</h2>
        <p>{t("site.style.tableHint")}</p>
        <table className="stacked-table">
          <thead>
            <tr>
              <th scope="col">{t("site.style.token")}</th>
              <th scope="col">{t("site.style.size")}</th>
            </tr>
          </thead>
          <tbody>
            {spaces.map((n) => (
              <tr key={n}>
                <td data-label={t("site.style.token")}>
                  <code dir="ltr">--space-{n}</code>
                </td>
                <td data-label={t("site.style.size")}>
                  <span className={`space-sample space-${n}`} />
                </td>
              </tr>
            ))}
            {radii.map((r) => (
              <tr key={r}>
                <td data-label={t("site.style.token")}>
                  <code dir="ltr">--radius-{r}</code>
                </td>
                <td data-label={t("site.style.size")}>
                  <span className={`radius-sample radius-${r}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="style-buttons">
        <h2 id="style-buttons">{t("site.style.buttons")}</h2>
        <p className="actions">
          <button type="button">{t("site.style.primary")}</button>
          <button type="button" className="secondary">
            {t("site.style.secondary")}
          </button>
          <button type="button" className="danger">
            {t("common.delete")}
          </button>
        </p>
        <h2>{t("site.style.badges")}</h2>
        <p className="actions">
          <span className="badge">{t("catalogue.status.draft")}</span>
          <span className="badge ok">{t("catalogue.status.published")}</span>
          <span className="badge warn">{t("catalogue.status.in_review")}</span>
          <span className="badge danger">{t("catalogue.status.archived")}</span>
        </p>
      </section>

      <section aria-labelledby="style-cards">
        <h2 id="style-cards">{t("site.style.cards")}</h2>
        <p>{t("site.style.cardsHint")}</p>
        <ul className="course-grid">
          {loaderData.courses.map((course) => (
            <CourseCard key={course.id} course={{ ...course, coverImageUrl: null }} headingLevel={3} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="style-progress">
        <h2 id="style-progress">{t("site.style.progress")}</h2>
        {[25, 70].map((share) => (
          <p key={share}>
            <progress value={share} max={100} aria-labelledby={`progress-${share}`} />{" "}
            <span id={`progress-${share}`}>{t("site.style.progressValue", { percent: share / 100 })}</span>
          </p>
        ))}
      </section>

      <section aria-labelledby="style-tabs">
        <h2 id="style-tabs">{t("site.style.tabs")}</h2>
        <nav className="tabs" aria-label={t("site.style.tabs")}>
          <a href="#style-tabs" aria-current="page">
            {t("events.list.upcoming")}
          </a>
          <a href="#style-tabs">{t("events.list.past")}</a>
        </nav>
        <h2>{t("site.style.empty")}</h2>
        <div className="empty-state">
          <h3>{t("site.style.emptyTitle")}</h3>
          <p>{t("site.style.emptyBody")}</p>
        </div>
        <h2>{t("site.style.notices")}</h2>
        <p className="notice">{t("site.style.noticeOk")}</p>
        <p className="form-error">{t("site.style.noticeError")}</p>
      </section>
    </main>
  );
}
