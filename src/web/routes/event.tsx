import { data, Form, Link, redirect } from "react-router";
import { CsrfField } from "../components/csrf.tsx";
import { useEventFormat } from "../components/event-format.ts";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, SelectField, TextField } from "../components/form-fields.tsx";
import { formText } from "../components/form-values.server.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { countryOptions, organisationOptions } from "../components/staff-options.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { TimeZoneForm } from "../components/time-zone-form.tsx";
import { viewerZone } from "../components/viewer-zone.server.ts";
import { appContext } from "../context.ts";
import { useHref, useLocale, useT } from "../i18n.tsx";
import type { Route } from "./+types/event.ts";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = routeLocale(params);
  const app = context.get(appContext);
  const { services, actor } = app;
  const event = await services.events.getEvent(params.ref, locale, actor).catch((error) => {
    throw toErrorResponse(error);
  });
  const { zone, headers, picker } = viewerZone(request, app);
  const active = event.myRegistration && event.myRegistration.status !== "cancelled";
  const mayRegister = !!actor && event.registrationOpen && !active;
  const url = new URL(request.url);
  return data(
    {
      event,
      zone,
      picker,
      signedIn: !!actor,
      code: url.searchParams.get("code")?.slice(0, 6) ?? "",
      done: url.searchParams.get("done"),
      cancellable: !!active && event.status === "scheduled" && new Date(event.startsAt) > new Date(),
      institutions: mayRegister ? await organisationOptions(services, locale) : [],
      countries: mayRegister ? countryOptions(locale) : [],
    },
    { headers },
  );
}

export function headers({ loaderHeaders }: Route.HeadersArgs) {
  return loaderHeaders;
}

/** Three forms: register, cancel my registration, check in with the code. */
export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = routeLocale(params);
  const { services, actor, clientIp } = context.get(appContext);
  if (!actor) throw redirect(`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/events/${params.ref}`)}`);
  const form = await request.formData();
  const intent = formText(form, "intent");
  const values = { organisationId: formText(form, "organisationId"), country: formText(form, "country"), code: formText(form, "code") };
  try {
    if (intent === "cancel") await services.events.cancelRegistration(actor, params.ref);
    else if (intent === "checkin") await services.events.checkIn(actor, params.ref, { code: values.code }, clientIp);
    else {
      await services.events.register(actor, params.ref, {
        organisationId: values.organisationId || undefined,
        country: values.country || undefined,
      });
    }
  } catch (error) {
    return failureWithValues(error, locale, values, intent);
  }
  return redirect(`/${locale}/events/${params.ref}?done=${intent || "register"}`);
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.event.title);
}

export const ErrorBoundary = StatusError;

export default function EventPage({ loaderData, actionData }: Route.ComponentProps) {
  const { event, zone, picker, signedIn, code, done, cancellable, institutions, countries } = loaderData;
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const names = useEventFormat();
  const mine = event.myRegistration?.status === "cancelled" ? null : event.myRegistration;
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const text = (value: string) => <bdi lang={event.shownLocale}>{value}</bdi>;
  const paragraphs = event.description.split(/\n\s*\n/).filter((p) => p.trim());
  const full = event.capacity !== null && event.registeredCount >= event.capacity;
  const place = [event.facility?.name, event.venue].filter(Boolean).join(" · ");
  const registerLabels = { organisationId: t("events.event.institution"), country: t("events.event.country") };

  return (
    <main id="main" className="page event">
      <p className="breadcrumb">
        <Link to={href("/events")}>{t("events.event.back")}</Link>
      </p>
      <h1>{text(event.title)}</h1>
      {event.shownLocale !== locale && (
        <p className="language-note">{t("events.card.shownIn", { language: names.language(event.shownLocale) })}</p>
      )}
      <p className="meta">
        <span className="tag">{names.kind(event.kind)}</span> {names.mode(event.mode)}
      </p>
      {event.status === "cancelled" && (
        <p className="notice" role="status">
          {t("events.event.cancelled")}
        </p>
      )}
      {event.canManage && (
        <p className="actions">
          <Link className="button secondary" to={href(`/manage/events/${event.id}`)}>
            {t("events.event.manage")}
          </Link>
        </p>
      )}

      <div className="event-overview">
        {/* First in the page, so on a phone registering is in the first screen; beside the details on a wide screen. */}
        <aside className="panel event-actions" aria-labelledby="registration-title">
          <h2 id="registration-title">{t("events.event.registration")}</h2>
          <p className="meta">{t("events.event.registeredCount", { count: event.registeredCount })}</p>
          {failed && failed.intent !== "checkin" && (
            <p className="form-error" role="alert">
              {failed.formError}
            </p>
          )}
          {mine?.status === "registered" && (
            <p className="notice" role="status" data-testid="my-status">
              {t("events.event.registered")}
            </p>
          )}
          {mine?.status === "waitlisted" && (
            <p className="notice" role="status" data-testid="my-status">
              {t("events.event.waitlisted", { position: mine.waitlistPosition ?? 1 })}
            </p>
          )}
          {mine?.attendedAt && <p className="notice">{t("events.event.attended")}</p>}
          {event.joinUrl && (
            <p>
              <a className="button" href={event.joinUrl} rel="noopener" dir="ltr">
                {t("events.event.join")}
              </a>
            </p>
          )}
          {!mine && event.registrationOpen && signedIn && (
            <Form method="post" className="stack">
              <CsrfField />
              <input type="hidden" name="intent" value="register" />
              {failed?.intent === "register" && <ErrorSummary formError={undefined} errors={failed.fields} labels={registerLabels} />}
              <SelectField
                name="organisationId"
                label={registerLabels.organisationId}
                hint={t("events.event.institutionHint")}
                emptyLabel={t("events.event.noInstitution")}
                options={institutions}
                defaultValue={failed?.values.organisationId}
                errors={failed?.fields}
              />
              <SelectField
                name="country"
                label={registerLabels.country}
                emptyLabel={t("events.event.noInstitution")}
                options={countries}
                defaultValue={failed?.values.country}
                errors={failed?.fields}
              />
              <button type="submit">{full ? t("events.event.joinWaitlist") : t("events.event.register")}</button>
            </Form>
          )}
          {!mine && event.registrationOpen && !signedIn && (
            <p>
              <Link className="button" to={`${href("/sign-in")}?next=${encodeURIComponent(href(`/events/${event.slug}`))}`}>
                {t("events.event.signInToRegister")}
              </Link>
            </p>
          )}
          {!mine && !event.registrationOpen && event.status === "scheduled" && <p>{t("events.event.closed")}</p>}
          {cancellable && (
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="cancel" />
              <button type="submit" className="secondary">
                {t("events.event.cancel")}
              </button>
            </Form>
          )}
          <p>
            <a href={`/api/v1/events/${event.id}/calendar.ics?lang=${locale}`} download>
              {t("events.event.download")}
            </a>
          </p>
          {mine?.status === "registered" && !mine.attendedAt && (
            <Form method="post" className="stack check-in-form">
              <CsrfField />
              <input type="hidden" name="intent" value="checkin" />
              <h3>{t("events.event.checkInTitle")}</h3>
              {failed?.intent === "checkin" && (
                <ErrorSummary formError={failed.formError} errors={failed.fields} labels={{ code: t("events.event.code") }} />
              )}
              <TextField
                name="code"
                label={t("events.event.code")}
                hint={t("events.event.checkInHint")}
                defaultValue={failed?.values.code ?? code}
                errors={failed?.fields}
              />
              <button type="submit">{t("events.event.checkIn")}</button>
            </Form>
          )}
          {done === "checkin" && (
            <p className="notice" role="status">
              {t("events.event.checkedIn")}
            </p>
          )}
        </aside>
        <div className="event-main">
          <dl className="facts">
            <div>
              <dt>{t("events.event.when")}</dt>
              <dd>
                <time dateTime={event.startsAt} data-testid="event-time">
                  {names.range(event.startsAt, event.endsAt, zone)}
                </time>
                <br />
                <span className="meta" data-testid="organiser-time">
                  {t("events.event.organiserTime", {
                    zone: event.timeZone,
                    time: names.range(event.startsAt, event.endsAt, event.timeZone),
                  })}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t("events.event.where")}</dt>
              <dd>{[event.mode !== "on_site" ? names.mode("online") : "", place].filter(Boolean).join(" · ")}</dd>
            </div>
            <div>
              <dt>{t("events.event.languages")}</dt>
              <dd>{names.languages(event.languages)}</dd>
            </div>
            {event.interpretationLanguages.length > 0 && (
              <div>
                <dt>{t("events.event.interpretation")}</dt>
                <dd>{names.languages(event.interpretationLanguages)}</dd>
              </div>
            )}
            <div>
              <dt>{t("events.event.centre")}</dt>
              <dd>
                <Link to={href(`/centres/${event.centre.slug}`)}>{event.centre.name}</Link>
              </dd>
            </div>
            {event.organisers.length > 0 && (
              <div>
                <dt>{t("events.event.organisers")}</dt>
                <dd>
                  <ul className="plain">
                    {event.organisers.map((o) => (
                      <li key={o.organisation.id}>
                        {o.organisation.name} <span className="meta">({names.role(o.role)})</span>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
            <div>
              <dt>{t("events.event.places")}</dt>
              <dd>
                {event.capacity === null
                  ? t("events.event.unlimited")
                  : t("events.event.placesLeft", { left: Math.max(0, event.capacity - event.registeredCount), capacity: event.capacity })}
                {event.waitlistCount > 0 && <> · {t("events.event.waiting", { count: event.waitlistCount })}</>}
              </dd>
            </div>
            {(event.registrationOpensAt || event.registrationClosesAt) && (
              <div>
                <dt>{t("events.event.registration")}</dt>
                <dd>
                  {event.registrationOpensAt && <>{t("events.event.opens", { time: names.short(event.registrationOpensAt, zone) })} </>}
                  {event.registrationClosesAt && t("events.event.closes", { time: names.short(event.registrationClosesAt, zone) })}
                </dd>
              </div>
            )}
          </dl>
          <TimeZoneForm {...picker} />
          {paragraphs.map((paragraph) => (
            <p key={paragraph}>{text(paragraph)}</p>
          ))}
        </div>
      </div>
    </main>
  );
}
