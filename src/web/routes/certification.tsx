import { Form, Link, redirect } from "react-router";
import type { ConditionProgressDto, ProgressNodeDto } from "../../domain/certifications/dto.ts";
import { AwardStatus, ProgressTree } from "../components/certification-progress.tsx";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, TextArea } from "../components/form-fields.tsx";
import { formText } from "../components/form-values.server.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { appContext } from "../context.ts";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/certification.ts";

/** Evidence arrives through this form; the service caps it below the 6 MiB a page form may carry. */
const MAX_MEGABYTES = 5;

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const locale = routeLocale(params);
  const { actor, services } = context.get(appContext);
  try {
    const [certification, mine] = await Promise.all([
      services.certifications.getCertification(actor, params.slug, locale),
      actor ? services.certifications.myProgress(actor, params.slug, locale) : null,
    ]);
    const search = new URL(request.url).searchParams;
    return { title: certification.title, certification, mine, notice: search.get("notice") };
  } catch (error) {
    throw toErrorResponse(error);
  }
}

/** Two forms: send evidence for an assessed condition, or receive the certification once every condition is met. */
export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const base = `/${locale}/certifications/${args.params.slug}`;
  const form = await args.request.formData();
  const intent = formText(form, "intent");
  const conditionKey = formText(form, "conditionKey");
  try {
    if (intent === "claim") {
      const result = await services.certifications.claimAward(actor, args.params.slug, locale);
      return redirect(`${base}?notice=${result.award && result.met ? "claimed" : "notYet"}`);
    }
    const file = form.get("file");
    const upload =
      file instanceof File
        ? { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
        : { fileName: "", bytes: new Uint8Array() };
    await services.certifications.submitEvidence(actor, args.params.slug, { conditionKey, note: formText(form, "note"), ...upload });
    return redirect(`${base}?notice=sent#evidence-${conditionKey}`);
  } catch (error) {
    return failureWithValues(error, locale, { note: formText(form, "note") }, conditionKey);
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

/** The assessed conditions not met yet: each gets an upload form. */
function assessedOpen(node: ProgressNodeDto): ConditionProgressDto[] {
  if (node.kind === "group") return node.rules.flatMap(assessedOpen);
  return (node.kind === "evidence" || node.kind === "competency") && !node.met ? [node] : [];
}

export default function Certification({ loaderData, actionData }: Route.ComponentProps) {
  const { certification: c, mine, notice } = loaderData;
  const t = useT();
  const href = useHref();
  const open = mine ? assessedOpen(mine.progress) : [];
  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href("/certifications")}>{t("certifications.list.title")}</Link>
      </p>
      <h1>
        <bdi lang={c.shownLocale}>{c.title}</bdi>
      </h1>
      <p className="meta">
        {t("certifications.list.awardedBy", { owner: c.owner.name })} ·{" "}
        {t("certifications.list.validity", { months: c.validityMonths ?? 0 })}
      </p>
      {c.example && <p className="notice">{t("certifications.list.exampleNote")}</p>}
      {notice === "sent" && (
        <p className="notice" role="status">
          {t("certifications.evidence.sent")}
        </p>
      )}
      {notice === "claimed" && (
        <p className="notice" role="status">
          {t("certifications.claimed")}
        </p>
      )}
      {notice === "notYet" && (
        <p className="form-error" role="status">
          {t("certifications.notYet")}
        </p>
      )}
      {mine?.award && <AwardStatus award={mine.award} />}
      {mine?.renewable && mine.award && !mine.award.expired && <p className="notice">{t("certifications.page.renew")}</p>}
      {mine?.met && mine.renewable && (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="claim" />
          <p>{t("certifications.page.met")}</p>
          <button type="submit">{t("certifications.page.claim")}</button>
        </Form>
      )}
      {c.summary && (
        <p className="lead" lang={c.shownLocale} dir="auto">
          {c.summary}
        </p>
      )}
      <section aria-labelledby="conditions-title" className="panel">
        <h2 id="conditions-title">{t("certifications.page.conditions")}</h2>
        {mine ? (
          <ProgressTree node={mine.progress} />
        ) : (
          <p>
            {t("certifications.page.signIn")}{" "}
            <Link to={href(`/sign-in?next=${encodeURIComponent(href(`/certifications/${c.slug}`))}`)}>
              {t("certifications.page.signInLink")}
            </Link>
          </p>
        )}
      </section>
      {open.map((condition) => {
        const failed = actionData?.intent === condition.key ? actionData : undefined;
        const prefix = `evidence-${condition.key}`;
        return (
          <section key={condition.key} id={prefix} aria-labelledby={`${prefix}-title`} className="panel">
            <h2 id={`${prefix}-title`}>
              <bdi>{t("certifications.evidence.title", { label: condition.label })}</bdi>
            </h2>
            <p className="meta">{t("certifications.evidence.hint", { megabytes: MAX_MEGABYTES })}</p>
            <Form method="post" encType="multipart/form-data" className="upload-form">
              <CsrfField />
              <input type="hidden" name="intent" value="evidence" />
              <input type="hidden" name="conditionKey" value={condition.key} />
              <ErrorSummary
                idPrefix={prefix}
                formError={failed?.formError}
                errors={failed?.fields}
                labels={{ file: t("certifications.evidence.file") }}
              />
              <div className="field">
                <label htmlFor={`${prefix}-file`}>{t("certifications.evidence.file")}</label>
                <input
                  id={`${prefix}-file`}
                  type="file"
                  name="file"
                  required
                  aria-invalid={failed?.fields?.file ? true : undefined}
                  aria-describedby={failed?.fields?.file ? `${prefix}-file-error` : undefined}
                />
                {failed?.fields?.file && (
                  <span className="error" id={`${prefix}-file-error`}>
                    {failed.fields.file}
                  </span>
                )}
              </div>
              <TextArea
                idPrefix={prefix}
                name="note"
                label={t("certifications.evidence.note")}
                rows={3}
                defaultValue={failed?.values.note}
              />
              <button type="submit">
                {condition.evidence ? t("certifications.evidence.sendAgain") : t("certifications.evidence.send")}
              </button>
            </Form>
          </section>
        );
      })}
      {c.alignments.length > 0 && (
        <section aria-labelledby="alignments-title" className="panel">
          <h2 id="alignments-title">{t("certifications.page.alignments")}</h2>
          <ul className="plain-list">
            {c.alignments.map((a) => (
              <li key={a.itemId}>
                <bdi>{a.name}</bdi>
              </li>
            ))}
          </ul>
        </section>
      )}
      {c.criteria && (
        <section aria-labelledby="criteria-title" className="panel">
          <h2 id="criteria-title">{t("certifications.page.criteria")}</h2>
          <p lang={c.shownLocale} dir="auto">
            {c.criteria}
          </p>
        </section>
      )}
    </main>
  );
}
