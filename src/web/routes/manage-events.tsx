import { Link } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { useEventFormat } from "../components/event-format.ts";
import { pageTitle } from "../components/route-locale.ts";
import { ActionsColumnHeader } from "../components/row-action.tsx";
import { forbiddenPage, requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { readerZone } from "../components/viewer-zone.server.ts";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-events.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const manages = actor.roles.some((g) => ["platform_admin", "secretariat", "centre_admin", "centre_staff"].includes(g.role));
  if (!manages) throw forbiddenPage();
  return {
    title: translatorFor(locale)("events.manage.title"),
    events: await services.events.listManagedEvents(actor, locale),
    zone: readerZone(args.request, { actor }),
  };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function ManageEvents({ loaderData }: Route.ComponentProps) {
  const { events, zone } = loaderData;
  const t = useT();
  const href = useHref();
  const names = useEventFormat();
  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href("/manage")}>{t("network.manage.title")}</Link>
      </p>
      <h1>{t("events.manage.title")}</h1>
      <p className="actions">
        <Link className="button" to={href("/manage/events/new")}>
          {t("events.manage.new")}
        </Link>
      </p>
      {events.length === 0 ? (
        <p className="meta">{t("events.manage.empty")}</p>
      ) : (
        <table className="stacked-table">
          <thead>
            <tr>
              <th scope="col">{t("events.label.title")}</th>
              <th scope="col">{t("events.label.startsAt")}</th>
              <th scope="col">{t("events.regs.status")}</th>
              <ActionsColumnHeader />
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td data-label={t("events.label.title")}>
                  <Link to={href(`/events/${event.slug}`)}>
                    <bdi lang={event.shownLocale}>{event.title}</bdi>
                  </Link>
                  <br />
                  <span className="meta">
                    {names.kind(event.kind)} · {event.centre.name}
                  </span>
                </td>
                <td data-label={t("events.label.startsAt")}>{names.short(event.startsAt, zone)}</td>
                <td data-label={t("events.regs.status")}>
                  {names.status(event.status)} · {t("events.event.registeredCount", { count: event.registeredCount })}
                </td>
                <td className="row-actions">
                  <Link to={href(`/manage/events/${event.id}`)}>{t("events.manage.edit")}</Link>{" "}
                  <Link to={href(`/manage/events/${event.id}/registrations`)}>{t("events.manage.registrations")}</Link>{" "}
                  <Link to={href(`/manage/events/${event.id}/report`)}>{t("events.manage.report")}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
