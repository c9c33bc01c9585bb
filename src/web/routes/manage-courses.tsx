import { Link } from "react-router";
import { isGlobalStaff } from "../../domain/shared/actor.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { useCatalogueFormat } from "../components/catalogue-format.ts";
import { pageTitle } from "../components/route-locale.ts";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useFormat, useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-courses.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const courses = await services.authoring.listAuthoredCourses(actor, locale);
  const canCreate = isGlobalStaff(actor) || actor.roles.some((g) => ["centre_admin", "centre_staff", "author"].includes(g.role));
  return { title: translatorFor(locale)("authoring.list.title"), courses, canCreate };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function ManageCourses({ loaderData }: Route.ComponentProps) {
  const { courses, canCreate } = loaderData;
  const t = useT();
  const href = useHref();
  const format = useFormat();
  const names = useCatalogueFormat();
  return (
    <main id="main" className="page">
      <h1>{t("authoring.list.title")}</h1>
      {canCreate && (
        <p className="actions">
          <Link className="button" to={href("/manage/courses/new")}>
            {t("authoring.list.new")}
          </Link>
        </p>
      )}
      {courses.length === 0 ? (
        <p className="meta">{t("authoring.list.empty")}</p>
      ) : (
        <table className="stacked-table">
          <thead>
            <tr>
              <th scope="col">{t("authoring.col.title")}</th>
              <th scope="col">{t("authoring.col.owner")}</th>
              <th scope="col">{t("authoring.col.status")}</th>
              <th scope="col">{t("authoring.col.version")}</th>
              <th scope="col">{t("authoring.col.languages")}</th>
            </tr>
          </thead>
          <tbody>
            {courses.map((course) => (
              <tr key={course.id}>
                <td data-label={t("authoring.col.title")}>
                  <Link to={href(`/manage/courses/${course.slug}`)}>
                    <bdi>{course.title}</bdi>
                  </Link>
                </td>
                <td data-label={t("authoring.col.owner")}>{course.owner.name}</td>
                <td data-label={t("authoring.col.status")}>{names.status(course.status)}</td>
                <td data-label={t("authoring.col.version")}>{format.number(course.version)}</td>
                <td data-label={t("authoring.col.languages")}>
                  {course.translations
                    .map((tr) => t("authoring.translation", { locale: names.language(tr.locale), status: tr.status }))
                    .join(", ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
