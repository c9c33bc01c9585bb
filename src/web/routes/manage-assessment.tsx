import { Form, Link, redirect } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, TextArea } from "../components/form-fields.tsx";
import { formText } from "../components/form-values.server.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useFormat, useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-assessment.ts";

const SCORES = [0, 1, 2, 3, 4];

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  try {
    const evidence = await services.certifications.getEvidence(actor, args.params.id, locale);
    return {
      title: translatorFor(locale)("certifications.assess.title", { learner: evidence.learner.name }),
      evidence,
      decided: new URL(args.request.url).searchParams.has("decided"),
    };
  } catch (error) {
    throw toErrorResponse(error);
  }
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const form = await args.request.formData();
  const scores: Record<string, number> = {};
  for (const [name, value] of form.entries()) {
    if (name.startsWith("score.") && typeof value === "string" && value !== "") scores[name.slice(6)] = Number(value);
  }
  const decision = formText(form, "decision") === "approve" ? "approve" : "reject";
  try {
    await services.certifications.decideEvidence(actor, args.params.id, { decision, scores, comment: formText(form, "comment") }, locale);
    return redirect(`/${locale}/manage/assessments/${args.params.id}?decided`);
  } catch (error) {
    return failureWithValues(error, locale, { comment: formText(form, "comment"), scores });
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function ManageAssessment({ loaderData, actionData }: Route.ComponentProps) {
  const { evidence: e, decided } = loaderData;
  const t = useT();
  const format = useFormat();
  const href = useHref();
  const size = `${format.number(Math.max(1, Math.round(e.byteSize / 1024)))} KB`;
  const open = e.status === "submitted";
  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href("/manage/assessments")}>{t("certifications.assess.back")}</Link>
      </p>
      <h1>
        <bdi>{t("certifications.assess.title", { learner: e.learner.name })}</bdi>
      </h1>
      <p className="meta">
        <bdi>{e.certificationTitle}</bdi>
        {e.conditionTitle && (
          <>
            {" · "}
            <bdi>{e.conditionTitle}</bdi>
          </>
        )}
      </p>
      {!open && (
        <p className="notice" role={decided ? "status" : undefined}>
          {t("certifications.assess.decided", { status: e.status })}
        </p>
      )}
      <p>
        <a href={`/api/v1/certification-evidence/${e.id}/file`} download>
          <bdi>{t("certifications.assess.download", { file: e.fileName, size })}</bdi>
        </a>
      </p>
      {e.note && (
        <section aria-labelledby="note-title" className="panel">
          <h2 id="note-title">{t("certifications.assess.note")}</h2>
          <p dir="auto">{e.note}</p>
        </section>
      )}
      <Form method="post" className="panel">
        <CsrfField />
        <ErrorSummary
          formError={actionData?.formError}
          errors={actionData?.fields}
          labels={{ decision: t("certifications.assess.approve") }}
        />
        <fieldset disabled={!open}>
          <legend>{t("certifications.assess.rubric", { passMark: e.passMark })}</legend>
          {e.rubric.map((criterion) => (
            <div className="field" key={criterion.key}>
              <label htmlFor={`score-${criterion.key}`}>{criterion.name || t("certifications.assess.demonstrated")}</label>
              <select
                id={`score-${criterion.key}`}
                name={`score.${criterion.key}`}
                required
                defaultValue={String(actionData?.values?.scores?.[criterion.key] ?? criterion.score ?? "")}
              >
                <option value="" />
                {SCORES.map((s) => (
                  <option key={s} value={s}>
                    {format.number(s)}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <TextArea
            name="comment"
            label={t("certifications.assess.comment")}
            rows={3}
            defaultValue={actionData?.values?.comment ?? e.comment}
          />
          <p className="actions">
            <button type="submit" name="decision" value="approve">
              {t("certifications.assess.approve")}
            </button>
            <button type="submit" name="decision" value="reject" className="secondary">
              {t("certifications.assess.reject")}
            </button>
          </p>
        </fieldset>
      </Form>
    </main>
  );
}
