import { Form, Link, redirect } from "react-router";
import { eventKinds, eventModes, eventTranslationStatuses, organiserRoles } from "../../domain/events/dto.ts";
import { instantToZonedTime } from "../../domain/events/time.ts";
import { isolate, locales } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { useEventFormat } from "../components/event-format.ts";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, SelectField, TextArea, TextField } from "../components/form-fields.tsx";
import { formText, numberOrText } from "../components/form-values.server.ts";
import { LanguageCheckboxes, useLanguageOptions } from "../components/language-picker.tsx";
import { allCentres } from "../components/network-data.server.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { forbiddenPage, requireSignedIn } from "../components/staff-access.server.ts";
import { organisationOptions } from "../components/staff-options.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { timeZoneChoices } from "../components/viewer-zone.server.ts";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-event-form.ts";

/** Co-organiser rows the form offers. */
const organiserSlots = [1, 2, 3];

type FormValues = Record<string, string>;

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const id = args.params.id;
  const editing = id
    ? await services.events.getEventForEditing(actor, id, locale).catch((error) => {
        throw toErrorResponse(error);
      })
    : null;
  const centres = (await allCentres(services, locale)).filter((c) => services.events.canManageCentre(actor, c.id));
  if (!editing && !centres.length) throw forbiddenPage();
  const details = await Promise.all(centres.map((c) => services.network.getCentre(c.slug, locale)));
  const facilities = details.flatMap((c) => c.facilities.map((f) => ({ value: f.id, label: `${f.name} (${c.name})` })));
  const t = translatorFor(locale);
  let values: FormValues = { timeZone: "UTC", defaultLocale: locale, mode: "online", kind: "workshop" };
  if (editing) {
    const { event, texts } = editing;
    const zone = event.timeZone;
    const main = texts.find((x) => x.locale === event.defaultLocale);
    values = {
      kind: event.kind,
      defaultLocale: event.defaultLocale,
      title: main?.title ?? "",
      description: main?.description ?? "",
      startsAt: instantToZonedTime(new Date(event.startsAt), zone),
      endsAt: instantToZonedTime(new Date(event.endsAt), zone),
      timeZone: zone,
      mode: event.mode,
      joinUrl: editing.joinUrl ?? "",
      facilityId: editing.facilityId ?? "",
      venue: event.venue ?? "",
      languages: event.languages.join(","),
      interpretationLanguages: event.interpretationLanguages.join(","),
      capacity: event.capacity === null ? "" : String(event.capacity),
      registrationOpensAt: event.registrationOpensAt ? instantToZonedTime(new Date(event.registrationOpensAt), zone) : "",
      registrationClosesAt: event.registrationClosesAt ? instantToZonedTime(new Date(event.registrationClosesAt), zone) : "",
    };
    event.organisers.forEach((o, i) => {
      values[`organiser${i + 1}`] = o.organisation.id;
      values[`organiserRole${i + 1}`] = o.role;
    });
    for (const text of texts) {
      if (text.locale === event.defaultLocale) continue;
      values[`title.${text.locale}`] = text.title;
      values[`description.${text.locale}`] = text.description;
      values[`status.${text.locale}`] = text.status;
    }
  }
  return {
    title: editing ? t("events.manage.editTitle", { title: isolate(editing.event.title) }) : t("events.manage.new"),
    event: editing?.event ?? null,
    values,
    centres: centres.map((c) => ({ value: c.id, label: c.name })),
    facilities,
    organisations: await organisationOptions(services, locale),
    zones: timeZoneChoices(),
    // From the loader, so the page's module imports no domain contract (and no Zod) into the browser build.
    choices: { kinds: eventKinds, modes: eventModes, roles: organiserRoles, translationStatuses: eventTranslationStatuses },
    saved: new URL(args.request.url).searchParams.has("saved"),
  };
}

/** The form's fields as the service's input; blanks are left out (or cleared, when editing). */
function inputFrom(form: FormData, editing: boolean) {
  const text = (name: string) => formText(form, name);
  const optional = (name: string) => text(name) || (editing ? null : undefined);
  const organisers = organiserSlots.flatMap((n) =>
    text(`organiser${n}`) ? [{ organisationId: text(`organiser${n}`), role: text(`organiserRole${n}`) || "co_organiser" }] : [],
  );
  const defaultLocale = text("defaultLocale");
  const translations = Object.fromEntries(
    locales
      .filter((l) => l !== defaultLocale && text(`title.${l}`))
      .map((l) => [l, { title: text(`title.${l}`), description: text(`description.${l}`), status: text(`status.${l}`) || "ready" }]),
  );
  return {
    kind: text("kind"),
    defaultLocale,
    title: text("title"),
    description: text("description"),
    translations,
    startsAt: text("startsAt"),
    endsAt: text("endsAt"),
    timeZone: text("timeZone"),
    mode: text("mode"),
    joinUrl: optional("joinUrl"),
    facilityId: optional("facilityId"),
    venue: optional("venue"),
    languages: form.getAll("languages").map(String),
    interpretationLanguages: form.getAll("interpretationLanguages").map(String),
    capacity: text("capacity") ? numberOrText(text("capacity")) : editing ? null : undefined,
    registrationOpensAt: optional("registrationOpensAt"),
    registrationClosesAt: optional("registrationClosesAt"),
    organisers,
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const form = await args.request.formData();
  const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])) as FormValues;
  // Ticked languages are several values of one name; kept joined to show them ticked again.
  for (const name of ["languages", "interpretationLanguages"]) values[name] = form.getAll(name).map(String).join(",");
  const id = args.params.id;
  try {
    if (id && formText(form, "intent") === "cancelEvent") {
      await services.events.updateEvent(actor, id, { status: "cancelled" }, locale);
      return redirect(`/${locale}/manage/events/${id}?saved`);
    }
    const input = inputFrom(form, !!id);
    const event = id
      ? await services.events.updateEvent(actor, id, input, locale)
      : await services.events.createEvent(actor, { ...input, centreId: formText(form, "centreId") }, locale);
    return redirect(`/${locale}/manage/events/${event.id}?saved`);
  } catch (error) {
    return failureWithValues(error, locale, values);
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function ManageEventForm({ loaderData, actionData }: Route.ComponentProps) {
  const { title, event, centres, facilities, organisations, zones, choices, saved } = loaderData;
  const t = useT();
  const href = useHref();
  const names = useEventFormat();
  const values: FormValues = actionData?.values ?? loaderData.values;
  const errors = actionData?.fields;
  const v = (name: string) => values[name] ?? "";
  const announcementLanguages = useLanguageOptions([...locales, "ky"], [v("defaultLocale")]);
  const ticked = (name: string) => v(name).split(",").filter(Boolean);
  const labels: Record<string, string> = {
    centreId: t("events.label.centre"),
    kind: t("events.label.kind"),
    defaultLocale: t("events.label.defaultLocale"),
    title: t("events.label.title"),
    description: t("events.label.description"),
    startsAt: t("events.label.startsAt"),
    endsAt: t("events.label.endsAt"),
    timeZone: t("events.label.timeZone"),
    mode: t("events.label.mode"),
    joinUrl: t("events.label.joinUrl"),
    facilityId: t("events.label.facility"),
    venue: t("events.label.venue"),
    languages: t("events.label.languages"),
    interpretationLanguages: t("events.label.interpretationLanguages"),
    capacity: t("events.label.capacity"),
    registrationOpensAt: t("events.label.registrationOpensAt"),
    registrationClosesAt: t("events.label.registrationClosesAt"),
    organisers: t("events.label.organiser", { number: 1 }),
    status: t("events.label.status"),
  };

  return (
    <main id="main" className="page narrow">
      <p className="breadcrumb">
        <Link to={href("/manage/events")}>{t("events.manage.title")}</Link>
      </p>
      <h1>{title}</h1>
      {event && (
        <p className="actions">
          <Link to={href(`/events/${event.slug}`)}>{t("network.manage.viewPublic")}</Link>
          <Link to={href(`/manage/events/${event.id}/registrations`)}>{t("events.manage.registrations")}</Link>
          <Link to={href(`/manage/events/${event.id}/report`)}>{t("events.manage.report")}</Link>
        </p>
      )}
      {saved && (
        <p className="notice" role="status">
          {t("events.form.saved")}
        </p>
      )}
      {event?.status === "cancelled" && <p className="notice">{t("events.event.cancelled")}</p>}
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <ErrorSummary formError={actionData?.formError} errors={errors} labels={labels} />
        {!event && (
          <SelectField name="centreId" label={labels.centreId!} options={centres} defaultValue={v("centreId")} errors={errors} required />
        )}
        <div className="form-grid">
          <SelectField
            name="kind"
            label={labels.kind!}
            options={choices.kinds.map((k) => ({ value: k, label: names.kind(k) }))}
            defaultValue={v("kind")}
            errors={errors}
          />
          <SelectField
            name="defaultLocale"
            label={labels.defaultLocale!}
            options={announcementLanguages}
            defaultValue={v("defaultLocale")}
            errors={errors}
          />
        </div>
        <TextField name="title" label={labels.title!} defaultValue={v("title")} errors={errors} required />
        <TextArea name="description" label={labels.description!} defaultValue={v("description")} errors={errors} rows={6} />
        <div className="form-grid">
          <TextField
            name="startsAt"
            type="datetime-local"
            label={labels.startsAt!}
            hint={t("events.hint.localTime")}
            defaultValue={v("startsAt")}
            errors={errors}
            required
          />
          <TextField
            name="endsAt"
            type="datetime-local"
            label={labels.endsAt!}
            hint={t("events.hint.localTime")}
            defaultValue={v("endsAt")}
            errors={errors}
            required
          />
          <SelectField
            name="timeZone"
            label={labels.timeZone!}
            options={zones.map((z) => ({ value: z, label: z }))}
            defaultValue={v("timeZone")}
            errors={errors}
          />
        </div>
        <div className="form-grid">
          <SelectField
            name="mode"
            label={labels.mode!}
            options={choices.modes.map((m) => ({ value: m, label: names.mode(m) }))}
            defaultValue={v("mode")}
            errors={errors}
          />
          <TextField
            name="joinUrl"
            type="url"
            label={labels.joinUrl!}
            hint={t("events.hint.joinUrl")}
            defaultValue={v("joinUrl")}
            errors={errors}
          />
        </div>
        <div className="form-grid">
          <SelectField
            name="facilityId"
            label={labels.facilityId!}
            emptyLabel={t("events.form.none")}
            options={facilities}
            defaultValue={v("facilityId")}
            errors={errors}
          />
          <TextField name="venue" label={labels.venue!} hint={t("events.hint.venue")} defaultValue={v("venue")} errors={errors} />
        </div>
        <div className="form-grid">
          <LanguageCheckboxes
            name="languages"
            label={labels.languages!}
            hint={t("events.hint.languages")}
            checked={ticked("languages")}
            errors={errors}
          />
          <LanguageCheckboxes
            name="interpretationLanguages"
            label={labels.interpretationLanguages!}
            hint={t("events.hint.languages")}
            checked={ticked("interpretationLanguages")}
            errors={errors}
          />
          <TextField
            name="capacity"
            inputMode="numeric"
            label={labels.capacity!}
            hint={t("events.hint.capacity")}
            defaultValue={v("capacity")}
            errors={errors}
          />
        </div>
        <div className="form-grid">
          <TextField
            name="registrationOpensAt"
            type="datetime-local"
            label={labels.registrationOpensAt!}
            hint={t("events.hint.localTime")}
            defaultValue={v("registrationOpensAt")}
            errors={errors}
          />
          <TextField
            name="registrationClosesAt"
            type="datetime-local"
            label={labels.registrationClosesAt!}
            hint={t("events.hint.localTime")}
            defaultValue={v("registrationClosesAt")}
            errors={errors}
          />
        </div>
        {organiserSlots.map((n) => (
          <div className="form-grid" key={n}>
            <SelectField
              name={`organiser${n}`}
              label={t("events.label.organiser", { number: n })}
              emptyLabel={t("events.form.none")}
              options={organisations}
              defaultValue={v(`organiser${n}`)}
              errors={n === 1 ? errors : undefined}
            />
            <SelectField
              name={`organiserRole${n}`}
              label={t("events.label.organiserRole", { number: n })}
              options={choices.roles.map((r) => ({ value: r, label: names.role(r) }))}
              defaultValue={v(`organiserRole${n}`) || "co_organiser"}
            />
          </div>
        ))}
        <details>
          <summary>{t("events.form.otherLanguages")}</summary>
          {locales.map((l) => (
            <fieldset key={l} className="stack">
              <legend>{names.language(l)}</legend>
              <TextField
                name={`title.${l}`}
                idPrefix={`text-${l}`}
                label={labels.title!}
                lang={l}
                defaultValue={v(`title.${l}`)}
                errors={errors}
              />
              <TextArea
                name={`description.${l}`}
                idPrefix={`text-${l}`}
                label={labels.description!}
                lang={l}
                rows={3}
                defaultValue={v(`description.${l}`)}
                errors={errors}
              />
              <SelectField
                name={`status.${l}`}
                idPrefix={`text-${l}`}
                label={labels.status!}
                options={choices.translationStatuses.map((s) => ({ value: s, label: t(`events.translation.${s}`) }))}
                defaultValue={v(`status.${l}`) || "ready"}
              />
            </fieldset>
          ))}
        </details>
        <p>
          <button type="submit">{event ? t("events.form.save") : t("events.form.create")}</button>
        </p>
      </Form>
      {event && event.status === "scheduled" && (
        <Form method="post" className="panel">
          <CsrfField />
          <input type="hidden" name="intent" value="cancelEvent" />
          <p className="meta">{t("events.form.cancelHint")}</p>
          <button type="submit" className="danger">
            {t("events.form.cancelEvent")}
          </button>
        </Form>
      )}
    </main>
  );
}
