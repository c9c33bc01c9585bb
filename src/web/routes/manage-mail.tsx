import { redirect } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { failureWithValues } from "../components/form-failure.server.ts";
import { formText } from "../components/form-values.server.ts";
import { Pagination } from "../components/pagination.tsx";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { ActionsColumnHeader, RowActionError, RowActionForm } from "../components/row-action.tsx";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useFormat, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-mail.ts";

const pageSize = 50;

/** Mail the outbox gave up on: the secretariat sees all, a centre's administrators their centre's. */
export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const offset = Math.max(0, Math.min(Number(new URL(args.request.url).searchParams.get("offset")) || 0, 1_000_000));
  try {
    const failed = await services.notifications.listFailedMail(actor, { limit: pageSize, offset });
    return { title: translatorFor(locale)("common.failedMail.title"), failed };
  } catch (error) {
    throw toErrorResponse(error);
  }
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const form = await args.request.formData();
  try {
    await services.notifications.retryFailedMail(actor, formText(form, "id"));
  } catch (error) {
    return failureWithValues(error, locale, {}, "retry");
  }
  const back = new URL(args.request.url);
  return redirect(`${back.pathname}${back.search}`);
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function ManageMail({ loaderData, actionData }: Route.ComponentProps) {
  const { title, failed } = loaderData;
  const t = useT();
  const format = useFormat();
  return (
    <main id="main" className="page">
      <h1>{title}</h1>
      <p className="lead">{t("common.failedMail.lead")}</p>
      <p role="status">{t("common.failedMail.count", { count: failed.total })}</p>
      <RowActionError message={actionData?.formError} />
      {failed.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("common.failedMail.to")}</th>
              <th scope="col">{t("common.failedMail.subject")}</th>
              <th scope="col">{t("common.failedMail.failedAt")}</th>
              <th scope="col">{t("common.failedMail.error")}</th>
              <ActionsColumnHeader />
            </tr>
          </thead>
          <tbody>
            {failed.items.map((mail) => (
              <tr key={mail.id}>
                <td>
                  <bdi dir="ltr">{mail.to}</bdi>
                </td>
                <td>
                  <bdi>{mail.subject}</bdi>
                </td>
                <td>
                  {format.date(mail.failedAt, { dateStyle: "medium", timeStyle: "short" })} UTC
                  <br />
                  <span className="meta">{t("common.failedMail.attempts", { count: mail.attempts })}</span>
                </td>
                <td>
                  <code dir="ltr">{mail.lastError ?? ""}</code>
                </td>
                <td>
                  <RowActionForm intent="retry" fields={{ id: mail.id }} label={t("common.failedMail.retry")} subject={mail.to} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination total={failed.total} limit={failed.limit} offset={failed.offset} />
    </main>
  );
}
