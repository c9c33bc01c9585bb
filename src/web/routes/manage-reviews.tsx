import { Link } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useFormat, useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-reviews.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  try {
    return { title: translatorFor(locale)("quality.queue.title"), queue: await services.workflow.reviewQueue(actor, locale) };
  } catch (error) {
    throw toErrorResponse(error);
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function ManageReviews({ loaderData }: Route.ComponentProps) {
  const { queue } = loaderData;
  const t = useT();
  const href = useHref();
  const format = useFormat();
  return (
    <main id="main" className="page">
      <h1>{t("quality.queue.title")}</h1>
      {queue.length === 0 ? (
        <p className="meta">{t("quality.queue.empty")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("quality.queue.course")}</th>
              <th scope="col">{t("quality.queue.owner")}</th>
              <th scope="col">{t("quality.queue.version")}</th>
              <th scope="col">{t("quality.queue.submitted")}</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link to={href(`/manage/courses/${item.slug}/review`)}>
                    <bdi>{item.title}</bdi>
                  </Link>
                  {item.isRevision && <span className="tag status">{t("quality.queue.newVersion")}</span>}
                </td>
                <td>{item.owner.name}</td>
                <td>{format.number(item.version)}</td>
                <td>{format.date(item.submittedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
