import { Form, Link, redirect } from "react-router";
import { cohortStatuses, nominationStatuses } from "../../domain/programmes/dto.ts";
import { isolate } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CohortParticipants } from "../components/cohort-participants.tsx";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, SelectField, TextArea, TextField } from "../components/form-fields.tsx";
import { formText, list, numberOrText } from "../components/form-values.server.ts";
import { useProgrammeFormat } from "../components/programme-format.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { ActionsColumnHeader, RowActionError, RowActionForm } from "../components/row-action.tsx";
import { forbiddenPage, requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { readerZone } from "../components/viewer-zone.server.ts";
import { useFormat, useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-cohort.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const cohort = await services.programmes.getCohort(actor, args.params.cohortId, locale).catch((error) => {
    throw toErrorResponse(error);
  });
  if (!cohort.viewer.canManage) throw forbiddenPage();
  const search = new URL(args.request.url).searchParams;
  const status = nominationStatuses.find((s) => s === search.get("status"));
  const [nominations, events] = await Promise.all([
    services.programmes.listNominations(actor, cohort.id, { status }, locale),
    services.events.listManagedEvents(actor, locale),
  ]);
  const linked = new Set(cohort.sessions.map((s) => s.eventId));
  return {
    title: translatorFor(locale)("programmes.manageCohort.title", { name: cohort.name }),
    cohort,
    nominations,
    status: status ?? null,
    // Removing someone is confirmed in a state of the page, so it works without JavaScript.
    removing: cohort.participants?.find((p) => p.userId === search.get("remove")) ?? null,
    removed: search.has("removed"),
    zone: readerZone(args.request, { actor }),
    linkable: events
      .filter((e) => e.centre.id === cohort.programme.owner.id && !linked.has(e.id))
      .map((e) => ({ id: e.id, title: e.title, startsAt: e.startsAt })),
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const cohortId = args.params.cohortId;
  const form = await args.request.formData();
  const intent = formText(form, "intent");
  const back = new URL(args.request.url).searchParams;
  back.delete("remove");
  back.delete("removed");
  const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  try {
    if (intent === "decide") {
      await services.programmes.decide(
        actor,
        { nominationIds: form.getAll("nominationIds").map(String), decision: formText(form, "decision") },
        locale,
      );
    } else if (intent === "invite") {
      await services.programmes.invite(actor, cohortId, { emails: list(formText(form, "emails"), /[\s,;]+/) }, locale);
    } else if (intent === "link") {
      await services.programmes.linkSession(actor, cohortId, formText(form, "eventId"), locale);
    } else if (intent === "settings") {
      const quota = formText(form, "institutionQuota");
      await services.programmes.updateCohort(
        actor,
        cohortId,
        {
          name: formText(form, "name"),
          startsOn: formText(form, "startsOn"),
          endsOn: formText(form, "endsOn"),
          capacity: numberOrText(formText(form, "capacity")),
          institutionQuota: quota ? numberOrText(quota) : null,
          status: formText(form, "status"),
          facilitatorEmails: list(formText(form, "facilitatorEmails"), /[\s,;]+/),
        },
        locale,
      );
    } else if (intent === "remove") {
      await services.programmes.removeParticipant(actor, cohortId, formText(form, "userId"), locale);
      back.set("removed", "1");
    } else if (intent === "unlink") {
      await services.programmes.unlinkSession(actor, cohortId, formText(form, "eventId"), locale);
    }
  } catch (error) {
    return failureWithValues(error, locale, values, intent);
  }
  const query = back.toString();
  return redirect(`/${locale}/manage/cohorts/${cohortId}${query ? `?${query}` : ""}`);
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function ManageCohort({ loaderData, actionData }: Route.ComponentProps) {
  const { cohort, nominations, status, zone, linkable, removing, removed } = loaderData;
  const t = useT();
  const href = useHref();
  const format = useProgrammeFormat();
  const numbers = useFormat();
  const failed = (intent: string) => (actionData?.intent === intent ? actionData : undefined);
  const decide = failed("decide");
  const invite = failed("invite");
  const link = failed("link") ?? failed("unlink");
  const settings = failed("settings");
  const remove = failed("remove");
  const settingsLabels = {
    name: t("programmes.label.cohort"),
    startsOn: t("programmes.label.startsOn"),
    endsOn: t("programmes.label.endsOn"),
    capacity: t("programmes.label.capacity"),
    institutionQuota: t("programmes.label.quota"),
    status: t("programmes.label.status"),
    facilitatorEmails: t("programmes.label.facilitators"),
  };
  const decideMessage = decide ? [decide.formError, ...Object.values(decide.fields ?? {})].join(" ") : undefined;
  const pending = nominations.filter((n) => n.status === "pending");

  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href(`/manage/programmes/${cohort.programme.slug}`)}>
          <bdi lang={cohort.programme.shownLocale}>{cohort.programme.title}</bdi>
        </Link>
      </p>
      <h1>{t("programmes.manageCohort.title", { name: isolate(cohort.name) })}</h1>
      <p className="meta">
        {format.dates(cohort.startsOn, cohort.endsOn)} · {format.mode(cohort.enrolmentMode)} ·{" "}
        {t("programmes.cohort.seats", { left: numbers.number(cohort.seatsLeft), capacity: numbers.number(cohort.capacity) })}
        {cohort.institutionQuota !== null && <> · {t("programmes.manageCohort.quota", { quota: cohort.institutionQuota })}</>}
      </p>
      <p className="actions">
        <Link to={href(`/programmes/${cohort.programme.slug}/cohorts/${cohort.id}`)}>{t("programmes.manageCohort.cohortPage")}</Link>{" "}
        <Link to={href(`/manage/cohorts/${cohort.id}/report`)}>{t("programmes.report.title")}</Link>
      </p>

      {cohort.enrolmentMode === "nomination" && (
        <section aria-labelledby="nominations-title">
          <h2 id="nominations-title">{t("programmes.manageCohort.nominations")}</h2>
          <Form method="get" className="filters">
            <SelectField
              idPrefix="filter"
              name="status"
              label={t("programmes.label.status")}
              options={nominationStatuses.map((s) => ({ value: s, label: format.nominationStatus(s) }))}
              emptyLabel={t("common.all")}
              defaultValue={status ?? ""}
            />
            <div className="filter-actions">
              <button type="submit" className="secondary">
                {t("common.filter")}
              </button>
            </div>
          </Form>
          <RowActionError message={decideMessage} />
          {nominations.length === 0 ? (
            <p className="meta">{t("programmes.manageCohort.noNominations")}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t("programmes.manageCohort.select")}</span>
                  </th>
                  <th scope="col">{t("programmes.report.column.name")}</th>
                  <th scope="col">{t("programmes.report.column.institution")}</th>
                  <th scope="col">{t("programmes.report.column.department")}</th>
                  <th scope="col">{t("programmes.label.status")}</th>
                  <ActionsColumnHeader />
                </tr>
              </thead>
              <tbody>
                {nominations.map((n) => (
                  <tr key={n.id}>
                    <td>
                      {n.status === "pending" && (
                        <input
                          type="checkbox"
                          name="nominationIds"
                          value={n.id}
                          form="bulk-decision"
                          aria-label={t("programmes.manageCohort.selectPerson", { name: n.user.name })}
                        />
                      )}
                    </td>
                    <td>
                      {n.user.name}
                      <br />
                      <span className="meta">{n.user.email}</span>
                    </td>
                    <td>{n.institution.name}</td>
                    <td>{[n.department, n.jobTitle].filter(Boolean).join(" · ")}</td>
                    <td>{format.nominationStatus(n.status)}</td>
                    <td className="row-actions">
                      {n.status === "pending" && (
                        <>
                          <RowActionForm
                            intent="decide"
                            fields={{ nominationIds: n.id, decision: "approved" }}
                            label={t("programmes.manageCohort.approve")}
                            subject={n.user.name}
                          />
                          <RowActionForm
                            intent="decide"
                            fields={{ nominationIds: n.id, decision: "declined" }}
                            label={t("programmes.manageCohort.decline")}
                            subject={n.user.name}
                          />
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {pending.length > 0 && (
            <Form method="post" id="bulk-decision" className="actions">
              <CsrfField />
              <input type="hidden" name="intent" value="decide" />
              <span>{t("programmes.manageCohort.selected")}</span>{" "}
              <button type="submit" name="decision" value="approved">
                {t("programmes.manageCohort.approveSelected")}
              </button>{" "}
              <button type="submit" name="decision" value="declined" className="secondary">
                {t("programmes.manageCohort.declineSelected")}
              </button>
            </Form>
          )}
        </section>
      )}

      {cohort.enrolmentMode === "invitation" && (
        <section aria-labelledby="invite-title" className="panel">
          <h2 id="invite-title">{t("programmes.manageCohort.invite")}</h2>
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="invite" />
            <ErrorSummary
              idPrefix="invite"
              formError={invite?.formError}
              errors={invite?.fields}
              labels={{ emails: t("programmes.manageCohort.emails") }}
            />
            <TextArea
              idPrefix="invite"
              name="emails"
              label={t("programmes.manageCohort.emails")}
              hint={t("programmes.manage.facilitatorsHint")}
              defaultValue={invite?.values.emails}
              errors={invite?.fields}
              required
            />
            <p>
              <button type="submit">{t("programmes.manageCohort.sendInvitations")}</button>
            </p>
          </Form>
        </section>
      )}

      <section aria-labelledby="participants-title">
        <h2 id="participants-title">{t("programmes.cohort.participants", { count: cohort.participants?.length ?? 0 })}</h2>
        {removed && (
          <p className="notice" role="status">
            {t("programmes.manageCohort.removed")}
          </p>
        )}
        <RowActionError message={remove ? [remove.formError, ...Object.values(remove.fields ?? {})].join(" ") : undefined} />
        {removing && (
          <section className="panel" aria-labelledby="remove-title">
            <h3 id="remove-title">{t("programmes.manageCohort.removeTitle", { name: isolate(removing.name) })}</h3>
            <p>{t("programmes.manageCohort.removeExplain")}</p>
            <Form method="post" className="actions">
              <CsrfField />
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="userId" value={removing.userId} />
              <button type="submit">{t("programmes.manageCohort.removeConfirm", { name: removing.name })}</button>{" "}
              <Link className="button secondary" to={href(`/manage/cohorts/${cohort.id}${status ? `?status=${status}` : ""}`)}>
                {t("common.cancel")}
              </Link>
            </Form>
          </section>
        )}
        <CohortParticipants
          participants={cohort.participants ?? []}
          action={(p) =>
            cohort.status !== "completed" &&
            cohort.status !== "cancelled" && (
              <Link
                className="button secondary"
                to={href(`/manage/cohorts/${cohort.id}?${new URLSearchParams({ ...(status ? { status } : {}), remove: p.userId })}`)}
              >
                {t("programmes.manageCohort.remove")}
                <span className="visually-hidden"> {p.name}</span>
              </Link>
            )
          }
        />
      </section>

      <section aria-labelledby="settings-title" className="panel">
        <h2 id="settings-title">{t("programmes.manageCohort.settings")}</h2>
        <Form method="post" className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="settings" />
          <ErrorSummary idPrefix="settings" formError={settings?.formError} errors={settings?.fields} labels={settingsLabels} />
          <div className="form-grid">
            <TextField
              idPrefix="settings"
              name="name"
              label={settingsLabels.name}
              required
              defaultValue={settings?.values.name ?? cohort.name}
              errors={settings?.fields}
            />
            <TextField
              idPrefix="settings"
              name="startsOn"
              type="date"
              label={settingsLabels.startsOn}
              required
              defaultValue={settings?.values.startsOn ?? cohort.startsOn}
              errors={settings?.fields}
            />
            <TextField
              idPrefix="settings"
              name="endsOn"
              type="date"
              label={settingsLabels.endsOn}
              required
              defaultValue={settings?.values.endsOn ?? cohort.endsOn}
              errors={settings?.fields}
            />
            <TextField
              idPrefix="settings"
              name="capacity"
              inputMode="numeric"
              label={settingsLabels.capacity}
              required
              defaultValue={settings?.values.capacity ?? String(cohort.capacity)}
              errors={settings?.fields}
            />
            <TextField
              idPrefix="settings"
              name="institutionQuota"
              inputMode="numeric"
              label={settingsLabels.institutionQuota}
              hint={t("programmes.manage.quotaHint")}
              defaultValue={settings?.values.institutionQuota ?? (cohort.institutionQuota === null ? "" : String(cohort.institutionQuota))}
              errors={settings?.fields}
            />
            <SelectField
              idPrefix="settings"
              name="status"
              label={settingsLabels.status}
              options={cohortStatuses.map((s) => ({ value: s, label: format.cohortStatus(s) }))}
              defaultValue={settings?.values.status ?? cohort.status}
              errors={settings?.fields}
            />
          </div>
          <TextArea
            idPrefix="settings"
            name="facilitatorEmails"
            label={settingsLabels.facilitatorEmails}
            hint={t("programmes.manage.facilitatorsHint")}
            defaultValue={settings?.values.facilitatorEmails ?? (cohort.facilitatorEmails ?? []).join("\n")}
            errors={settings?.fields}
          />
          <p>
            <button type="submit">{t("common.save")}</button>
          </p>
        </Form>
      </section>

      <section aria-labelledby="sessions-title" className="panel">
        <h2 id="sessions-title">{t("programmes.manageCohort.sessions")}</h2>
        <RowActionError message={link?.formError} />
        {cohort.sessions.length > 0 && (
          <ul>
            {cohort.sessions.map((session) => (
              <li key={session.eventId} className="row-with-action">
                <span>
                  {format.dateTime(session.startsAt, zone)} — {session.title}
                </span>
                <RowActionForm
                  intent="unlink"
                  fields={{ eventId: session.eventId }}
                  label={t("programmes.manage.remove")}
                  subject={session.title}
                />
              </li>
            ))}
          </ul>
        )}
        {linkable.length === 0 ? (
          <p className="meta">{t("programmes.manageCohort.noEvents")}</p>
        ) : (
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="link" />
            <SelectField
              idPrefix="link"
              name="eventId"
              label={t("programmes.manageCohort.event")}
              options={linkable.map((e) => ({ value: e.id, label: `${e.title} (${format.dateTime(e.startsAt, zone)})` }))}
              required
              errors={link?.fields}
            />
            <p>
              <button type="submit">{t("programmes.manageCohort.linkSession")}</button>
            </p>
          </Form>
        )}
      </section>
    </main>
  );
}
