import { Form, Link, redirect } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, SelectField } from "../components/form-fields.tsx";
import { formText } from "../components/form-values.server.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { RowActionError, RowActionForm } from "../components/row-action.tsx";
import { forbiddenPage, requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-course-competencies.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const course = await services.catalogue.getCourse(args.params.slug, locale, actor).catch((error) => {
    throw toErrorResponse(error);
  });
  if (!(await services.competencies.canAlign(actor, "course", course.id))) throw forbiddenPage();
  const [alignments, published] = await Promise.all([
    services.competencies.alignmentsOf("course", course.id, locale),
    services.competencies.listFrameworks(null, { status: "published", limit: 100 }, locale),
  ]);
  const frameworks = await Promise.all(published.items.map((f) => services.competencies.getFramework(null, f.id, locale)));
  const items = frameworks.flatMap((f) =>
    f.items.filter((i) => i.kind !== "area").map((i) => ({ value: i.id, label: `${f.title} · ${i.code ? `${i.code} ` : ""}${i.title}` })),
  );
  const levels = frameworks.flatMap((f) => f.levels.map((l) => ({ value: l.id, label: `${f.title} · ${l.code} ${l.name}` })));
  const frameworkTitles = Object.fromEntries(frameworks.map((f) => [f.id, f.title]));
  return {
    title: translatorFor(locale)("competencies.align.title", { title: course.title }),
    course: { id: course.id, slug: course.slug, title: course.title },
    alignments,
    items,
    levels,
    frameworkTitles,
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const form = await args.request.formData();
  const intent = formText(form, "intent");
  const values = { itemId: formText(form, "itemId"), levelId: formText(form, "levelId") };
  try {
    if (intent === "remove") await services.competencies.unalign(actor, formText(form, "id"));
    else {
      const course = await services.catalogue.getCourse(args.params.slug, locale, actor);
      await services.competencies.align(
        actor,
        { itemId: values.itemId, levelId: values.levelId || null, target: "course", targetId: course.id },
        locale,
      );
    }
  } catch (error) {
    return failureWithValues(error, locale, values, intent);
  }
  return redirect(`/${locale}/manage/courses/${args.params.slug}/competencies`);
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

/** A course's competencies: what it is aligned to, at which level, and a form to add one. */
export default function ManageCourseCompetencies({ loaderData, actionData }: Route.ComponentProps) {
  const { course, alignments, items, levels, frameworkTitles } = loaderData;
  const t = useT();
  const href = useHref();
  const removal = actionData?.intent === "remove" ? actionData : undefined;
  const addition = actionData && actionData.intent !== "remove" ? actionData : undefined;
  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href(`/manage/courses/${course.slug}`)}>
          <bdi>{course.title}</bdi>
        </Link>
      </p>
      <h1>{t("competencies.align.title", { title: course.title })}</h1>
      <p className="lead">{t("competencies.align.lead")}</p>
      <RowActionError message={removal?.formError} />
      {alignments.length === 0 ? (
        <p className="meta">{t("competencies.align.none")}</p>
      ) : (
        <ul className="course-list">
          {alignments.map((a) => {
            const subject = `${a.itemCode ?? ""} ${a.itemTitle}`.trim();
            return (
              <li key={a.id} className="card row-with-action">
                <span>
                  <span className="meta">
                    <bdi>{frameworkTitles[a.frameworkId]}</bdi>
                  </span>
                  <br />
                  {a.itemCode && <span className="competency-code">{a.itemCode}</span>} <bdi>{a.itemTitle}</bdi>
                  {a.levelCode && <span className="tag">{t("competencies.framework.levelOf", { level: a.levelCode })}</span>}
                </span>
                <RowActionForm intent="remove" fields={{ id: a.id }} label={t("competencies.align.remove")} subject={subject} />
              </li>
            );
          })}
        </ul>
      )}
      <section aria-labelledby="align-title" className="panel">
        <h2 id="align-title">{t("competencies.align.submit")}</h2>
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="align" />
          <ErrorSummary
            formError={addition?.formError}
            errors={addition?.fields}
            labels={{ itemId: t("competencies.align.item"), levelId: t("competencies.align.level") }}
          />
          <SelectField
            name="itemId"
            label={t("competencies.align.item")}
            options={items}
            defaultValue={addition?.values?.itemId}
            required
            errors={addition?.fields}
          />
          <SelectField
            name="levelId"
            label={t("competencies.align.level")}
            options={levels}
            emptyLabel={t("competencies.align.anyLevel")}
            defaultValue={addition?.values?.levelId}
            errors={addition?.fields}
          />
          <button type="submit">{t("competencies.align.submit")}</button>
        </Form>
      </section>
    </main>
  );
}
