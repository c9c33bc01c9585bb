import { Link, redirect } from "react-router";
import { isolate, pickLocalised } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { failureWithValues } from "../components/form-failure.server.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { RowActionError, RowActionForm } from "../components/row-action.tsx";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useFormat, useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-affiliations.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const [organisation, pending] = await Promise.all([
    services.network.getOrganisation(args.params.slug, locale),
    services.events.pendingAffiliations(actor, args.params.slug, locale),
  ]).catch((error) => {
    throw toErrorResponse(error);
  });
  const name = pickLocalised(organisation.names, locale, organisation.name);
  const title = translatorFor(locale)("events.affiliations.title", { name });
  const decided = new URL(args.request.url).searchParams.get("decided");
  return { title, organisation: { slug: organisation.slug, name }, pending, decided };
}

/** One form per person: confirm or decline, then back to the list (a plain post, no script). */
export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const form = await args.request.formData();
  const decision = String(form.get("intent") ?? "");
  try {
    await services.events.decideAffiliation(actor, String(form.get("registration") ?? ""), { decision });
  } catch (error) {
    return failureWithValues(error, locale, {});
  }
  return redirect(`/${locale}/manage/organisations/${args.params.slug}/affiliations?decided=${encodeURIComponent(decision)}`, 303);
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

/** Registrations made in an institution's name, for its administrators to confirm or decline. */
export default function Affiliations({ loaderData, actionData }: Route.ComponentProps) {
  const { title, organisation, pending, decided } = loaderData;
  const t = useT();
  const href = useHref();
  const format = useFormat();
  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href(`/manage/organisations/${organisation.slug}/report`)}>{t("events.affiliations.report")}</Link>
      </p>
      <h1>{title}</h1>
      <p>{t("events.affiliations.intro", { name: isolate(organisation.name) })}</p>
      {decided && !actionData && (
        <p className="notice" role="status">
          {decided === "confirmed" ? t("events.affiliations.confirmedNotice") : t("events.affiliations.declinedNotice")}
        </p>
      )}
      <RowActionError message={actionData?.formError} />
      {pending.length === 0 ? (
        <p className="meta">{t("events.affiliations.empty")}</p>
      ) : (
        <ul className="plain stack">
          {pending.map((item) => (
            <li key={item.id} className="panel">
              <p>
                <strong>{item.name}</strong>
                <br />
                <span className="meta">{item.email}</span>
              </p>
              <p>
                <Link to={href(`/events/${item.event.slug}`)}>{item.event.title}</Link>
                <br />
                <span className="meta">{format.date(item.event.startsAt)}</span>
              </p>
              <div className="row-with-action">
                <RowActionForm
                  intent="confirmed"
                  fields={{ registration: item.id }}
                  label={t("events.affiliations.confirm")}
                  subject={item.name}
                />
                <RowActionForm
                  intent="declined"
                  fields={{ registration: item.id }}
                  label={t("events.affiliations.decline")}
                  subject={item.name}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
