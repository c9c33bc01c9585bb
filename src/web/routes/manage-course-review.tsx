import { Form, Link, redirect } from "react-router";
import { canAnywhere } from "../../domain/catalogue/permissions.ts";
import { isolate } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { actionFailure } from "../action-errors.server.ts";
import { useCatalogueFormat } from "../components/catalogue-format.ts";
import { CsrfField } from "../components/csrf.tsx";
import { ErrorSummary, type FieldErrors, SelectField, TextArea, TextField } from "../components/form-fields.tsx";
import { formText, numberOrText } from "../components/form-values.server.ts";
import { offeredLanguages, useLanguageOptions } from "../components/language-picker.tsx";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { RowActionError, RowActionForm } from "../components/row-action.tsx";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useFormat, useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-course-review.ts";

/** Languages an author can ask a translation into: the interface languages and those of the network's centres. */

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  try {
    const workflow = await services.workflow.workflow(actor, args.params.slug, locale);
    return {
      title: `${translatorFor(locale)("quality.workflow.title")}: ${workflow.course.title}`,
      workflow,
      // The way back goes where this person may go: the review queue for reviewers, else their courses.
      back: canAnywhere(actor, "course.review") ? ("reviews" as const) : ("courses" as const),
    };
  } catch (error) {
    throw toErrorResponse(error);
  }
}

/** One form per step of the workflow; each names its intent, and the service decides who may. */
export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const slug = args.params.slug;
  const form = await args.request.formData();
  const intent = formText(form, "intent");
  const back = (to: string) => redirect(`/${locale}/manage/courses/${to}/review`);
  try {
    const workflow = services.workflow;
    switch (intent) {
      case "submit":
        return back((await workflow.submit(actor, slug)).slug);
      case "review": {
        const scores = [];
        for (let i = 0; form.has(`scores.${i}.criterionId`); i++) {
          scores.push({
            criterionId: formText(form, `scores.${i}.criterionId`),
            score: numberOrText(formText(form, `scores.${i}.score`)),
            comment: formText(form, `scores.${i}.comment`),
          });
        }
        const input = { decision: formText(form, "decision"), comment: formText(form, "comment"), scores };
        return back((await workflow.review(actor, slug, input)).slug);
      }
      case "archive":
        return back((await workflow.archive(actor, slug)).slug);
      case "discard": {
        const { revisionOf } = await workflow.discard(actor, slug);
        return redirect(revisionOf ? `/${locale}/manage/courses/${revisionOf}/review` : `/${locale}/manage/courses`);
      }
      case "revise":
        return back((await workflow.startRevision(actor, slug)).slug);
      case "adapt":
        return back((await workflow.adapt(actor, slug, { ownerId: formText(form, "ownerId") }, locale)).slug);
      case "dismiss":
        await workflow.dismissNotice(actor, slug, formText(form, "noticeId"));
        return back(slug);
      default: {
        const requested = await services.translations.requestLanguage(actor, slug, formText(form, "locale"), locale);
        return back(requested.course.slug);
      }
    }
  } catch (error) {
    const failure = actionFailure(error, locale);
    return {
      ...failure.data,
      intent,
      values: Object.fromEntries([...form].filter(([, v]) => typeof v === "string")) as Record<string, string>,
    };
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

type Workflow = Route.ComponentProps["loaderData"]["workflow"];

function ReviewForm({
  workflow,
  values,
  errors,
  formError,
}: {
  workflow: Workflow;
  values: Record<string, string> | undefined;
  errors: FieldErrors | undefined;
  formError: string | undefined;
}) {
  const t = useT();
  const labels: Record<string, string> = { comment: t("quality.workflow.overall"), scores: t("quality.rubric.criterion") };
  workflow.criteria.forEach((c, i) => {
    labels[`scores.${i}`] = c.title;
  });
  return (
    <section aria-labelledby="review-title" className="panel">
      <h2 id="review-title">{t("quality.workflow.reviewTitle")}</h2>
      <Form method="post" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="review" />
        <ErrorSummary formError={formError} errors={errors} labels={labels} />
        {workflow.criteria.length === 0 && <p className="meta">{t("quality.workflow.noCriteria")}</p>}
        {workflow.criteria.map((criterion, i) => (
          <fieldset key={criterion.id} className="field criterion">
            <legend>
              {criterion.title} {criterion.essential && <span className="tag">{t("quality.workflow.essentialTag")}</span>}
            </legend>
            {criterion.description && <p className="hint">{criterion.description}</p>}
            <input type="hidden" name={`scores.${i}.criterionId`} value={criterion.id} />
            <div className="form-grid">
              <SelectField
                name={`scores.${i}.score`}
                label={t("quality.workflow.score", { max: criterion.maxScore })}
                required
                emptyLabel="—"
                options={Array.from({ length: criterion.maxScore + 1 }, (_, n) => ({ value: String(n), label: String(n) }))}
                defaultValue={values?.[`scores.${i}.score`]}
                errors={errors}
              />
              <TextField
                name={`scores.${i}.comment`}
                label={t("quality.workflow.scoreComment")}
                defaultValue={values?.[`scores.${i}.comment`]}
                errors={errors}
              />
            </div>
          </fieldset>
        ))}
        <TextArea
          name="comment"
          label={t("quality.workflow.overall")}
          hint={t("quality.workflow.overallHint")}
          defaultValue={values?.comment}
          errors={errors}
        />
        <p className="actions">
          <button type="submit" name="decision" value="approved">
            {t("quality.workflow.approve")}
          </button>
          <button type="submit" name="decision" value="returned" className="secondary">
            {t("quality.workflow.return")}
          </button>
        </p>
      </Form>
    </section>
  );
}

/** A one-button step (submit, archive, new version) with what it does written under it. */
function StepForm({ intent, label, hint }: { intent: string; label: string; hint: string }) {
  return (
    <Form method="post" className="step">
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      <button type="submit">{label}</button>
      <p className="hint">{hint}</p>
    </Form>
  );
}

export default function CourseReview({ loaderData, actionData }: Route.ComponentProps) {
  const { workflow } = loaderData;
  const { course, can } = workflow;
  const t = useT();
  const href = useHref();
  const format = useFormat();
  const names = useCatalogueFormat();
  const failed = actionData && "formError" in actionData ? actionData : undefined;
  const failedReview = failed?.intent === "review" ? failed : undefined;
  const otherFailure = failed && failed.intent !== "review" ? failed : undefined;
  const requestable = offeredLanguages.filter((l) => l !== course.defaultLocale && !workflow.translations.some((x) => x.locale === l));
  const requestableOptions = useLanguageOptions(requestable);

  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        {loaderData.back === "reviews" ? (
          <Link to={href("/manage/reviews")}>{t("quality.nav.reviews")}</Link>
        ) : (
          <Link to={href("/manage/courses")}>{t("authoring.list.title")}</Link>
        )}
      </p>
      <h1>
        {t("quality.workflow.title")}: <bdi>{course.title}</bdi>
      </h1>
      <dl className="facts">
        <div>
          <dt>{t("quality.workflow.status")}</dt>
          <dd>
            <span className="tag">{names.status(course.status)}</span>
          </dd>
        </div>
        <div>
          <dt>{t("quality.workflow.version")}</dt>
          <dd>{format.number(course.version)}</dd>
        </div>
        <div>
          <dt>{t("quality.workflow.owner")}</dt>
          <dd>{course.owner.name}</dd>
        </div>
      </dl>
      <p className="actions">
        <Link to={href(`/courses/${course.slug}`)}>{t("quality.workflow.viewCourse")}</Link>
      </p>
      {workflow.revisionOf && (
        <p className="notice">
          {t("quality.workflow.revisionOf", { title: isolate(workflow.revisionOf.title) })}{" "}
          <Link to={href(`/manage/courses/${workflow.revisionOf.slug}/review`)}>{workflow.revisionOf.title}</Link>
        </p>
      )}
      {workflow.openRevision && (
        <p className="notice">
          {t("quality.workflow.openRevision", { status: names.status(workflow.openRevision.status) })}{" "}
          <Link to={href(`/manage/courses/${workflow.openRevision.slug}/review`)}>{t("quality.workflow.openRevisionLink")}</Link>
        </p>
      )}
      {workflow.adaptedFrom && (
        <p>
          {t("quality.course.adaptedFrom", {
            title: workflow.adaptedFrom.title,
            owner: workflow.adaptedFrom.owner.name,
            licence: workflow.adaptedFrom.licence,
          })}
        </p>
      )}

      {workflow.notices.length > 0 && (
        <section aria-labelledby="notices-title">
          <h2 id="notices-title">{t("quality.workflow.notices")}</h2>
          <ul className="plain notices">
            {workflow.notices.map((notice) => {
              const text = t("quality.workflow.sourceUpdated", { title: notice.source?.title ?? "", version: notice.source?.version ?? 0 });
              return (
                <li key={notice.id} className="notice">
                  {notice.source ? <Link to={href(`/courses/${notice.source.slug}`)}>{text}</Link> : text}{" "}
                  <span className="meta">{format.date(notice.createdAt)}</span>
                  <RowActionForm intent="dismiss" fields={{ noticeId: notice.id }} label={t("quality.workflow.dismiss")} subject={text} />
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {/* With what the fields say: a refused submission names the lessons still empty. */}
      <RowActionError message={otherFailure && [otherFailure.formError, ...Object.values(otherFailure.fields ?? {})].join(" ")} />
      {course.status === "in_review" && !can.review && <p className="notice">{t("quality.workflow.waiting")}</p>}
      {can.submit && <StepForm intent="submit" label={t("quality.workflow.submit")} hint={t("quality.workflow.submitHint")} />}
      {can.review && (
        <ReviewForm workflow={workflow} values={failedReview?.values} errors={failedReview?.fields} formError={failedReview?.formError} />
      )}
      {can.revise && !workflow.openRevision && (
        <StepForm intent="revise" label={t("quality.workflow.revise")} hint={t("quality.workflow.reviseHint")} />
      )}
      {can.adapt && (
        <Form method="post" className="step">
          <CsrfField />
          <input type="hidden" name="intent" value="adapt" />
          <SelectField
            name="ownerId"
            label={t("quality.workflow.adaptFor")}
            options={workflow.adaptFor.map((o) => ({ value: o.id, label: o.name }))}
            hint={t("quality.workflow.adaptHint", { licence: course.licence })}
          />
          <button type="submit">{t("quality.workflow.adapt")}</button>
        </Form>
      )}
      {!can.adapt && workflow.adaptFor.length > 0 && (
        <p className="meta">{t("quality.workflow.noDerivatives", { licence: course.licence })}</p>
      )}

      {(can.requestLanguage || can.translate) && (
        <section aria-labelledby="translations-title">
          <h2 id="translations-title">{t("quality.workflow.translations")}</h2>
          {workflow.translations.length === 0 ? (
            <p className="meta">{t("quality.workflow.noTranslations")}</p>
          ) : (
            <ul className="plain">
              {workflow.translations.map((translation) => (
                <li key={translation.locale}>
                  {names.language(translation.locale)} <span className="tag">{t(`quality.translationStatus.${translation.status}`)}</span>{" "}
                  {can.translate && (
                    <Link to={href(`/manage/courses/${course.slug}/translate/${translation.locale}`)}>
                      {t("quality.workflow.translate")}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          )}
          {can.requestLanguage && requestable.length > 0 && (
            <Form method="post" className="inline-form">
              <CsrfField />
              <input type="hidden" name="intent" value="request" />
              <SelectField name="locale" label={t("quality.workflow.language")} options={requestableOptions} />
              <button type="submit" className="secondary">
                {t("quality.workflow.requestLanguage")}
              </button>
            </Form>
          )}
        </section>
      )}

      {workflow.reviews && (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t("quality.workflow.history")}</h2>
          {workflow.reviews.length === 0 ? (
            <p className="meta">{t("quality.workflow.noReviews")}</p>
          ) : (
            <ol className="plain reviews">
              {workflow.reviews.map((review) => (
                <li key={review.id} className="card">
                  <h3>
                    {t(review.decision === "approved" ? "quality.workflow.approved" : "quality.workflow.returned")}{" "}
                    <span className="meta">
                      {t("quality.workflow.reviewMeta", {
                        version: format.number(review.courseVersion),
                        date: format.date(review.createdAt),
                        reviewer: review.reviewer ?? t("quality.workflow.formerReviewer"),
                      })}
                    </span>
                  </h3>
                  {review.comment && <p className="review-comment">{review.comment}</p>}
                  {review.scores.length > 0 && (
                    <table>
                      <tbody>
                        {review.scores.map((score) => (
                          <tr key={score.criterionId}>
                            <th scope="row">{score.title}</th>
                            <td>
                              {t("quality.workflow.scoreOf", { score: format.number(score.score), max: format.number(score.maxScore) })}
                            </td>
                            <td>{score.comment}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}

      {can.archive && <StepForm intent="archive" label={t("quality.workflow.archive")} hint={t("quality.workflow.archiveHint")} />}
      {can.discard && (
        // A second click inside the disclosure confirms: no script needed, and no deletion by one slip.
        <details className="step">
          <summary>{t("quality.workflow.discard")}</summary>
          <p className="hint">{t("quality.workflow.discardHint")}</p>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="discard" />
            <button type="submit" className="danger">
              {t("quality.workflow.discardConfirm")}
            </button>
          </Form>
        </details>
      )}
    </main>
  );
}
