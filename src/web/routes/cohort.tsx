import { Form, Link, redirect } from "react-router";
import { CohortParticipants } from "../components/cohort-participants.tsx";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { formText } from "../components/form-values.server.ts";
import { useProgrammeFormat } from "../components/programme-format.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { RowActionError } from "../components/row-action.tsx";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { readerZone } from "../components/viewer-zone.server.ts";
import { appContext } from "../context.ts";
import { useFormat, useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/cohort.ts";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = routeLocale(params);
  const app = context.get(appContext);
  const { services, actor } = app;
  try {
    const cohort = await services.programmes.getCohort(actor, params.cohortId, locale);
    if (cohort.programme.slug !== params.slug) throw redirect(`/${locale}/programmes/${cohort.programme.slug}/cohorts/${cohort.id}`);
    const search = new URL(request.url).searchParams;
    return {
      cohort,
      signedIn: !!actor,
      zone: readerZone(request, app),
      // The confirmation step of leaving is a state of the page, so it works without JavaScript.
      confirmLeave: search.has("leave") && cohort.viewer.participant,
      left: search.has("left"),
    };
  } catch (error) {
    throw toErrorResponse(error);
  }
}

/** Joining an open cohort (or one the person was invited to), or leaving it once confirmed. */
export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const leaving = formText(await args.request.formData(), "intent") === "withdraw";
  try {
    if (leaving) await services.programmes.withdraw(actor, args.params.cohortId, locale);
    else await services.programmes.enrol(actor, args.params.cohortId, locale);
  } catch (error) {
    return failureWithValues(error, locale, {});
  }
  return redirect(`/${locale}/programmes/${args.params.slug}/cohorts/${args.params.cohortId}?${leaving ? "left" : "joined"}`);
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData ? `${loaderData.cohort.name} · ${loaderData.cohort.programme.title}` : undefined);
}

export const ErrorBoundary = StatusError;

export default function Cohort({ loaderData, actionData }: Route.ComponentProps) {
  const { cohort, signedIn, zone, confirmLeave, left } = loaderData;
  const t = useT();
  const href = useHref();
  const format = useProgrammeFormat();
  const numbers = useFormat();
  const programmeTitle = <bdi lang={cohort.programme.shownLocale}>{cohort.programme.title}</bdi>;
  const here = `/programmes/${cohort.programme.slug}/cohorts/${cohort.id}`;
  const failure = actionData?.formError ? [actionData.formError, ...Object.values(actionData.fields ?? {})].join(" ") : undefined;

  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href(`/programmes/${cohort.programme.slug}`)}>{programmeTitle}</Link>
      </p>
      <h1>{cohort.name}</h1>
      <dl className="facts inline-facts">
        <div>
          <dt>{t("programmes.label.dates")}</dt>
          <dd>{format.dates(cohort.startsOn, cohort.endsOn)}</dd>
        </div>
        <div>
          <dt>{t("programmes.label.language")}</dt>
          <dd>{format.language(cohort.locale)}</dd>
        </div>
        <div>
          <dt>{t("programmes.label.mode")}</dt>
          <dd>{format.mode(cohort.enrolmentMode)}</dd>
        </div>
        <div>
          <dt>{t("programmes.label.seats")}</dt>
          <dd>{t("programmes.cohort.seats", { left: numbers.number(cohort.seatsLeft), capacity: numbers.number(cohort.capacity) })}</dd>
        </div>
        <div>
          <dt>{t("programmes.label.status")}</dt>
          <dd>{format.cohortStatus(cohort.status)}</dd>
        </div>
        <div>
          <dt>{t("programmes.label.centre")}</dt>
          <dd>{cohort.programme.owner.name}</dd>
        </div>
        {cohort.facilitators.length > 0 && (
          <div>
            <dt>{t("programmes.label.facilitators")}</dt>
            <dd>{cohort.facilitators.map((f) => f.name).join(", ")}</dd>
          </div>
        )}
      </dl>

      <RowActionError message={failure} />
      {left && !cohort.viewer.participant && (
        <p className="notice" role="status">
          {t("programmes.cohort.withdrawn")}
        </p>
      )}
      {confirmLeave ? (
        <section aria-labelledby="leave-title" className="panel">
          <h2 id="leave-title">{t("programmes.cohort.withdrawTitle")}</h2>
          <p>{t("programmes.cohort.withdrawExplain")}</p>
          <Form method="post" className="actions">
            <CsrfField />
            <input type="hidden" name="intent" value="withdraw" />
            <button type="submit">{t("programmes.cohort.withdrawConfirm")}</button>{" "}
            <Link className="button secondary" to={href(here)}>
              {t("programmes.cohort.withdrawKeep")}
            </Link>
          </Form>
        </section>
      ) : cohort.viewer.participant ? (
        <p className="notice">
          {t("programmes.cohort.youTakePart")}{" "}
          {cohort.status !== "completed" && cohort.status !== "cancelled" && (
            <Link to={href(`${here}?leave`)}>{t("programmes.cohort.withdraw")}</Link>
          )}
        </p>
      ) : cohort.viewer.canEnrol ? (
        <Form method="post">
          <CsrfField />
          <button type="submit">{t("programmes.cohort.enrol")}</button>
        </Form>
      ) : cohort.enrolmentMode === "nomination" ? (
        <p className="notice">{t("programmes.cohort.byNomination")}</p>
      ) : cohort.enrolmentMode === "invitation" ? (
        <p className="notice">{t("programmes.cohort.byInvitation")}</p>
      ) : !signedIn && cohort.status === "open" ? (
        <p>
          <Link className="button" to={href(`/sign-in?next=${encodeURIComponent(href(here))}`)}>
            {t("programmes.cohort.signInToEnrol")}
          </Link>
        </p>
      ) : null}

      {(cohort.viewer.canManage || cohort.viewer.nominatingFor.length > 0) && (
        <p className="actions">
          {cohort.viewer.nominatingFor.length > 0 && (
            <Link className="button" to={href(`/manage/cohorts/${cohort.id}/nominate`)}>
              {t("programmes.cohort.nominate")}
            </Link>
          )}
          {cohort.viewer.canManage && (
            <Link className="button secondary" to={href(`/manage/cohorts/${cohort.id}`)}>
              {t("programmes.cohort.manage")}
            </Link>
          )}
          <Link className="button secondary" to={href(`/manage/cohorts/${cohort.id}/report`)}>
            {t("programmes.report.title")}
          </Link>
        </p>
      )}

      <section aria-labelledby="schedule-title">
        <h2 id="schedule-title">{t("programmes.cohort.schedule")}</h2>
        <ul>
          <li>{t("programmes.cohort.starts", { date: format.day(cohort.startsOn) })}</li>
          {cohort.sessions.map((session) => (
            <li key={session.eventId}>
              {format.dateTime(session.startsAt, zone)} — <Link to={href(`/events/${session.slug}`)}>{session.title}</Link>
            </li>
          ))}
          <li>{t("programmes.cohort.ends", { date: format.day(cohort.endsOn) })}</li>
        </ul>
        {cohort.sessions.length === 0 && <p className="meta">{t("programmes.cohort.noSessions")}</p>}
      </section>

      <section aria-labelledby="courses-title">
        <h2 id="courses-title">{t(cohort.progress ? "programmes.cohort.yourProgress" : "programmes.label.courses")}</h2>
        <ol className="syllabus">
          {cohort.courses.map((course) => {
            const progress = cohort.progress?.find((p) => p.courseId === course.id);
            return (
              <li key={course.id}>
                <Link to={href(`/courses/${course.slug}`)}>
                  <bdi lang={course.shownLocale}>{course.title}</bdi>
                </Link>{" "}
                <span className="tag">{t(course.required ? "programmes.course.required" : "programmes.course.optional")}</span>
                {progress && (
                  <p className="meta">
                    <progress max={Math.max(progress.lessonsTotal, 1)} value={progress.lessonsDone} aria-label={course.title} />{" "}
                    {progress.completed
                      ? t("programmes.progress.completed")
                      : t("programmes.progress.lessons", {
                          done: numbers.number(progress.lessonsDone),
                          total: numbers.number(progress.lessonsTotal),
                        })}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      </section>

      {cohort.participants && (
        <section aria-labelledby="participants-title">
          <h2 id="participants-title">{t("programmes.cohort.participants", { count: cohort.participants.length })}</h2>
          <CohortParticipants participants={cohort.participants} />
        </section>
      )}
    </main>
  );
}
