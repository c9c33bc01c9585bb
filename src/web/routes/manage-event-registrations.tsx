import { Form, Link, redirect } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { useEventFormat } from "../components/event-format.ts";
import { failureWithValues } from "../components/form-failure.server.ts";
import { formText } from "../components/form-values.server.ts";
import { useNetworkFormat } from "../components/network-format.ts";
import { Pagination } from "../components/pagination.tsx";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { RowActionError, RowActionForm } from "../components/row-action.tsx";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-event-registrations.ts";

const pageSize = 100;

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const url = new URL(args.request.url);
  const q = url.searchParams.get("q")?.trim().slice(0, 100) ?? "";
  const offset = Math.max(0, Math.min(Number(url.searchParams.get("offset")) || 0, 1_000_000));
  try {
    const [event, registrations, qr] = await Promise.all([
      services.events.getEvent(args.params.id, locale, actor),
      services.events.listRegistrations(actor, args.params.id, { q: q || undefined, limit: pageSize, offset }, locale),
      services.events.checkInQrSvg(actor, args.params.id, locale),
    ]);
    return { title: translatorFor(locale)("events.regs.title", { title: event.title }), event, registrations, q, qr };
  } catch (error) {
    throw toErrorResponse(error);
  }
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const form = await args.request.formData();
  try {
    await services.events.checkIn(actor, args.params.id, { registrationId: formText(form, "registrationId") });
  } catch (error) {
    return failureWithValues(error, locale, {}, "checkin");
  }
  const back = new URL(args.request.url);
  return redirect(`${back.pathname}${back.search}`);
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function ManageEventRegistrations({ loaderData, actionData }: Route.ComponentProps) {
  const { title, event, registrations, q, qr } = loaderData;
  const t = useT();
  const href = useHref();
  const names = useEventFormat();
  const network = useNetworkFormat();
  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href(`/manage/events/${event.id}`)}>{event.title}</Link>
      </p>
      <h1>{title}</h1>
      <section className="panel check-in-code" aria-labelledby="code-title">
        <h2 id="code-title" dir="ltr">
          {t("events.regs.code", { code: event.checkInCode ?? "" })}
        </h2>
        <p className="meta">{t("events.regs.codeHint")}</p>
        {/* Generated on the server by the qrcode library from our own URL: markup we made, not user input. */}
        <div className="qr" role="img" aria-label={t("events.regs.qrLabel")} dangerouslySetInnerHTML={{ __html: qr }} />
      </section>
      <Form method="get" className="filters" role="search">
        <div className="field search-field">
          <label htmlFor="regs-q">{t("events.regs.search")}</label>
          <input id="regs-q" name="q" type="search" defaultValue={q} maxLength={100} />
        </div>
        <div className="filter-actions">
          <button type="submit">{t("common.search")}</button>
        </div>
      </Form>
      <p role="status">{t("events.regs.count", { count: registrations.total })}</p>
      <RowActionError message={actionData?.formError} />
      <table className="stacked-table">
        <thead>
          <tr>
            <th scope="col">{t("events.regs.name")}</th>
            <th scope="col">{t("events.regs.institution")}</th>
            <th scope="col">{t("events.regs.country")}</th>
            <th scope="col">{t("events.regs.status")}</th>
            <th scope="col">{t("events.regs.attended")}</th>
          </tr>
        </thead>
        <tbody>
          {registrations.items.map((r) => (
            <tr key={r.id}>
              <td data-label={t("events.regs.name")}>
                {r.name}
                <br />
                <span className="meta" dir="ltr">
                  {r.email}
                </span>
              </td>
              <td data-label={t("events.regs.institution")}>{r.institution?.name ?? t("events.report.unaffiliated")}</td>
              <td data-label={t("events.regs.country")}>{r.country ? network.country(r.country) : ""}</td>
              <td data-label={t("events.regs.status")}>
                {names.registration(r.status)}
                {r.waitlistPosition !== null && ` #${r.waitlistPosition}`}
              </td>
              <td data-label={t("events.regs.attended")}>
                {r.attendedAt ? (
                  <span className="tag">{t("events.regs.checkedIn")}</span>
                ) : (
                  r.status === "registered" && (
                    <RowActionForm intent="checkin" fields={{ registrationId: r.id }} label={t("events.regs.checkIn")} subject={r.name} />
                  )
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination total={registrations.total} limit={registrations.limit} offset={registrations.offset} />
    </main>
  );
}
