import { data, Form, Link, redirect } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { useEventFormat } from "../components/event-format.ts";
import { pageTitle } from "../components/route-locale.ts";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { TimeZoneForm } from "../components/time-zone-form.tsx";
import { viewerZone } from "../components/viewer-zone.server.ts";
import { appContext } from "../context.ts";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/my-events.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const [items, token] = await Promise.all([services.events.myEvents(actor, locale), services.events.calendarToken(actor)]);
  const { zone, headers, picker } = viewerZone(args.request, args.context.get(appContext));
  return data(
    {
      title: translatorFor(locale)("events.my.title"),
      items,
      feedUrl: services.events.calendarFeedUrl(token),
      zone,
      picker,
      regenerated: new URL(args.request.url).searchParams.has("regenerated"),
    },
    { headers },
  );
}

export function headers({ loaderHeaders }: Route.HeadersArgs) {
  return loaderHeaders;
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  await services.events.regenerateCalendarToken(actor);
  return redirect(`/${locale}/my/events?regenerated`);
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function MyEvents({ loaderData }: Route.ComponentProps) {
  const { items, feedUrl, zone, picker, regenerated } = loaderData;
  const t = useT();
  const href = useHref();
  const names = useEventFormat();
  return (
    <main id="main" className="page">
      <h1>{t("events.my.title")}</h1>
      <TimeZoneForm {...picker} />
      {items.length === 0 ? (
        <p>
          {t("events.my.empty")} <Link to={href("/events")}>{t("events.my.browse")}</Link>
        </p>
      ) : (
        <ul className="cards">
          {items.map(({ event, registration }) => (
            <li key={event.id} className="card">
              <h2>
                <Link to={href(`/events/${event.slug}`)}>
                  <bdi lang={event.shownLocale}>{event.title}</bdi>
                </Link>
              </h2>
              <p>
                <time dateTime={event.startsAt}>{names.range(event.startsAt, event.endsAt, zone)}</time>
              </p>
              <p className="meta">
                <span className="tag">{names.registration(registration.status)}</span>
                {registration.waitlistPosition !== null && (
                  <> {t("events.event.waitlisted", { position: registration.waitlistPosition })}</>
                )}
                {event.status === "cancelled" && <span className="tag status">{names.status(event.status)}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="feed-title" className="panel">
        <h2 id="feed-title">{t("events.my.feedTitle")}</h2>
        <p>{t("events.my.feedHint")}</p>
        <p>
          <code dir="ltr" data-testid="feed-url">
            {feedUrl}
          </code>
        </p>
        {regenerated && (
          <p className="notice" role="status">
            {t("events.my.regenerated")}
          </p>
        )}
        <Form method="post">
          <CsrfField />
          <button type="submit" className="secondary">
            {t("events.my.regenerate")}
          </button>
        </Form>
      </section>
    </main>
  );
}
