import { Form, Link, redirect } from "react-router";
import { cohortStatuses, enrolmentModes, programmeStatuses } from "../../domain/programmes/dto.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CohortTable } from "../components/cohort-table.tsx";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, SelectField, TextArea, TextField } from "../components/form-fields.tsx";
import { formText, list, numberOrText } from "../components/form-values.server.ts";
import { publishedCourseOptions } from "../components/programme-data.server.ts";
import { contentLanguageCodes, useProgrammeFormat } from "../components/programme-format.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { forbiddenPage, requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-programme.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const programme = await services.programmes.getProgramme(args.params.slug, locale, actor).catch((error) => {
    throw toErrorResponse(error);
  });
  if (!programme.canManage) throw forbiddenPage();
  // The default-language texts are what this page edits, whatever the page's language.
  const original = await services.programmes
    .getProgramme(programme.id, programme.defaultLocale as typeof locale, actor)
    .catch(() => programme);
  return {
    title: translatorFor(locale)("programmes.manage.editTitle", { title: programme.title }),
    programme,
    original: { title: original.title, description: original.description, targetAudience: original.targetAudience },
    courseOptions: (await publishedCourseOptions(services, locale)).filter((o) => !programme.courses.some((c) => c.id === o.value)),
  };
}

/** The courses form: each listed course with its position, required box and remove box, plus one to add. */
function coursesFrom(form: FormData) {
  const listed = form.getAll("course").map(String);
  const kept = listed
    .filter((id) => !form.has(`remove.${id}`))
    .map((id, index) => ({ id, position: Number(form.get(`position.${id}`)) || index + 1, index, required: form.has(`required.${id}`) }))
    .sort((a, b) => a.position - b.position || a.index - b.index)
    .map(({ id, required }) => ({ courseId: id, required }));
  const added = formText(form, "add");
  return added ? [...kept, { courseId: added, required: form.has("addRequired") }] : kept;
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const slug = args.params.slug;
  const form = await args.request.formData();
  const intent = formText(form, "intent");
  const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  try {
    if (intent === "courses") {
      await services.programmes.updateProgramme(actor, slug, { courses: coursesFrom(form) }, locale);
    } else if (intent === "translation") {
      await services.programmes.translateProgramme(
        actor,
        slug,
        formText(form, "locale"),
        {
          title: formText(form, "title"),
          description: formText(form, "description"),
          targetAudience: formText(form, "targetAudience"),
          status: formText(form, "status"),
        },
        locale,
      );
    } else if (intent === "cohort") {
      const quota = formText(form, "institutionQuota");
      const cohort = await services.programmes.createCohort(
        actor,
        slug,
        {
          name: formText(form, "name"),
          startsOn: formText(form, "startsOn"),
          endsOn: formText(form, "endsOn"),
          locale: formText(form, "locale"),
          capacity: numberOrText(formText(form, "capacity")),
          enrolmentMode: formText(form, "enrolmentMode"),
          institutionQuota: quota ? numberOrText(quota) : null,
          status: formText(form, "status"),
          facilitatorEmails: list(formText(form, "facilitatorEmails"), /[\s,;]+/),
        },
        locale,
      );
      return redirect(`/${locale}/manage/cohorts/${cohort.id}`);
    } else {
      const programme = await services.programmes.updateProgramme(
        actor,
        slug,
        {
          title: formText(form, "title"),
          description: formText(form, "description"),
          targetAudience: formText(form, "targetAudience"),
          status: formText(form, "status"),
        },
        locale,
      );
      return redirect(`/${locale}/manage/programmes/${programme.slug}`);
    }
  } catch (error) {
    return failureWithValues(error, locale, values, intent || "details");
  }
  return redirect(`/${locale}/manage/programmes/${slug}`);
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function ManageProgramme({ loaderData, actionData }: Route.ComponentProps) {
  const { programme, original, courseOptions } = loaderData;
  const t = useT();
  const href = useHref();
  const format = useProgrammeFormat();
  const failed = (intent: string) => (actionData?.intent === intent ? actionData : undefined);
  const details = failed("details");
  const courses = failed("courses");
  const translation = failed("translation");
  const cohort = failed("cohort");
  const textLabels = {
    title: t("programmes.label.title"),
    description: t("programmes.label.description"),
    targetAudience: t("programmes.label.audience"),
    status: t("programmes.label.status"),
  };
  const cohortLabels = {
    name: t("programmes.label.cohort"),
    startsOn: t("programmes.label.startsOn"),
    endsOn: t("programmes.label.endsOn"),
    locale: t("programmes.label.language"),
    capacity: t("programmes.label.capacity"),
    enrolmentMode: t("programmes.label.mode"),
    institutionQuota: t("programmes.label.quota"),
    status: t("programmes.label.status"),
    facilitatorEmails: t("programmes.label.facilitators"),
  };
  const languages = contentLanguageCodes.map((code) => ({ value: code, label: format.language(code) }));

  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href("/manage/programmes")}>{t("programmes.manage.title")}</Link>
      </p>
      <h1>
        <bdi lang={programme.shownLocale}>{programme.title}</bdi>
      </h1>
      <p className="actions">
        <Link to={href(`/programmes/${programme.slug}`)}>{t("programmes.manage.publicPage")}</Link>
      </p>

      <section aria-labelledby="details-title" className="panel">
        <h2 id="details-title">{t("programmes.manage.details", { language: format.language(programme.defaultLocale) })}</h2>
        <Form method="post" className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="details" />
          <ErrorSummary idPrefix="details" formError={details?.formError} errors={details?.fields} labels={textLabels} />
          <div className="form-grid">
            <TextField
              idPrefix="details"
              name="title"
              label={textLabels.title}
              lang={programme.defaultLocale}
              required
              defaultValue={details?.values.title ?? original.title}
              errors={details?.fields}
            />
            <SelectField
              idPrefix="details"
              name="status"
              label={textLabels.status}
              options={programmeStatuses.map((s) => ({ value: s, label: format.programmeStatus(s) }))}
              defaultValue={details?.values.status ?? programme.status}
              errors={details?.fields}
            />
          </div>
          <TextArea
            idPrefix="details"
            name="description"
            label={textLabels.description}
            lang={programme.defaultLocale}
            defaultValue={details?.values.description ?? original.description}
            errors={details?.fields}
          />
          <TextArea
            idPrefix="details"
            name="targetAudience"
            label={textLabels.targetAudience}
            lang={programme.defaultLocale}
            rows={2}
            defaultValue={details?.values.targetAudience ?? original.targetAudience}
            errors={details?.fields}
          />
          <p>
            <button type="submit">{t("common.save")}</button>
          </p>
        </Form>
      </section>

      <section aria-labelledby="courses-title" className="panel">
        <h2 id="courses-title">{t("programmes.label.courses")}</h2>
        <p className="meta">{t("programmes.manage.coursesHint")}</p>
        <Form method="post" className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="courses" />
          <ErrorSummary
            idPrefix="courses"
            formError={courses?.formError}
            errors={courses?.fields}
            labels={{ courses: t("programmes.label.courses") }}
          />
          {programme.courses.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("programmes.label.position")}</th>
                  <th scope="col">{t("programmes.label.course")}</th>
                  <th scope="col">{t("programmes.course.required")}</th>
                  <th scope="col">{t("programmes.manage.remove")}</th>
                </tr>
              </thead>
              <tbody>
                {programme.courses.map((course, index) => (
                  <tr key={course.id}>
                    <td>
                      <input type="hidden" name="course" value={course.id} />
                      <input
                        type="number"
                        name={`position.${course.id}`}
                        defaultValue={index + 1}
                        min={1}
                        max={99}
                        inputMode="numeric"
                        aria-label={t("programmes.manage.positionOf", { title: course.title })}
                        className="narrow-number"
                      />
                    </td>
                    <td>
                      <bdi lang={course.shownLocale}>{course.title}</bdi>
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        name={`required.${course.id}`}
                        defaultChecked={course.required}
                        aria-label={t("programmes.manage.requiredOf", { title: course.title })}
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        name={`remove.${course.id}`}
                        aria-label={t("programmes.manage.removeOf", { title: course.title })}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="form-grid">
            <SelectField
              idPrefix="courses"
              name="add"
              label={t("programmes.manage.addCourse")}
              options={courseOptions}
              emptyLabel={t("programmes.manage.noCourse")}
              errors={courses?.fields}
            />
            <div className="field">
              <label>
                <input type="checkbox" name="addRequired" defaultChecked /> {t("programmes.course.required")}
              </label>
            </div>
          </div>
          <p>
            <button type="submit">{t("programmes.manage.saveCourses")}</button>
          </p>
        </Form>
      </section>

      <section aria-labelledby="translation-title" className="panel">
        <h2 id="translation-title">{t("programmes.manage.translation")}</h2>
        <p className="meta">
          {programme.translations
            .map((tr) => `${format.language(tr.locale)}: ${t(`programmes.translationStatus.${tr.status}`)}`)
            .join(" · ")}
        </p>
        <Form method="post" className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="translation" />
          <ErrorSummary
            idPrefix="tr"
            formError={translation?.formError}
            errors={translation?.fields}
            labels={{ locale: t("programmes.label.language"), ...textLabels }}
          />
          <div className="form-grid">
            <SelectField
              idPrefix="tr"
              name="locale"
              label={t("programmes.label.language")}
              options={languages.filter((l) => l.value !== programme.defaultLocale)}
              required
              defaultValue={translation?.values.locale}
              errors={translation?.fields}
            />
            <SelectField
              idPrefix="tr"
              name="status"
              label={textLabels.status}
              options={(["draft", "ready"] as const).map((s) => ({ value: s, label: t(`programmes.translationStatus.${s}`) }))}
              defaultValue={translation?.values.status ?? "ready"}
              errors={translation?.fields}
            />
            <TextField
              idPrefix="tr"
              name="title"
              label={textLabels.title}
              required
              defaultValue={translation?.values.title}
              errors={translation?.fields}
            />
          </div>
          <TextArea
            idPrefix="tr"
            name="description"
            label={textLabels.description}
            defaultValue={translation?.values.description}
            errors={translation?.fields}
          />
          <TextArea
            idPrefix="tr"
            name="targetAudience"
            label={textLabels.targetAudience}
            rows={2}
            defaultValue={translation?.values.targetAudience}
            errors={translation?.fields}
          />
          <p>
            <button type="submit">{t("programmes.manage.saveTranslation")}</button>
          </p>
        </Form>
      </section>

      <section aria-labelledby="cohorts-title">
        <h2 id="cohorts-title">{t("programmes.programme.cohorts")}</h2>
        {programme.cohorts.length > 0 && <CohortTable programmeSlug={programme.slug} cohorts={programme.cohorts} manage />}
      </section>

      <section aria-labelledby="cohort-title" className="panel">
        <h2 id="cohort-title">{t("programmes.manage.newCohort")}</h2>
        <Form method="post" className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="cohort" />
          <ErrorSummary idPrefix="cohort" formError={cohort?.formError} errors={cohort?.fields} labels={cohortLabels} />
          <div className="form-grid">
            <TextField
              idPrefix="cohort"
              name="name"
              label={cohortLabels.name}
              required
              defaultValue={cohort?.values.name}
              errors={cohort?.fields}
            />
            <TextField
              idPrefix="cohort"
              name="startsOn"
              type="date"
              label={cohortLabels.startsOn}
              required
              defaultValue={cohort?.values.startsOn}
              errors={cohort?.fields}
            />
            <TextField
              idPrefix="cohort"
              name="endsOn"
              type="date"
              label={cohortLabels.endsOn}
              required
              defaultValue={cohort?.values.endsOn}
              errors={cohort?.fields}
            />
            <SelectField
              idPrefix="cohort"
              name="locale"
              label={cohortLabels.locale}
              options={languages}
              required
              defaultValue={cohort?.values.locale ?? programme.defaultLocale}
              errors={cohort?.fields}
            />
            <TextField
              idPrefix="cohort"
              name="capacity"
              inputMode="numeric"
              label={cohortLabels.capacity}
              required
              defaultValue={cohort?.values.capacity}
              errors={cohort?.fields}
            />
            <SelectField
              idPrefix="cohort"
              name="enrolmentMode"
              label={cohortLabels.enrolmentMode}
              options={enrolmentModes.map((m) => ({ value: m, label: format.mode(m) }))}
              defaultValue={cohort?.values.enrolmentMode ?? "nomination"}
              errors={cohort?.fields}
            />
            <TextField
              idPrefix="cohort"
              name="institutionQuota"
              inputMode="numeric"
              label={cohortLabels.institutionQuota}
              hint={t("programmes.manage.quotaHint")}
              defaultValue={cohort?.values.institutionQuota}
              errors={cohort?.fields}
            />
            <SelectField
              idPrefix="cohort"
              name="status"
              label={cohortLabels.status}
              options={cohortStatuses.map((s) => ({ value: s, label: format.cohortStatus(s) }))}
              defaultValue={cohort?.values.status ?? "open"}
              errors={cohort?.fields}
            />
          </div>
          <TextArea
            idPrefix="cohort"
            name="facilitatorEmails"
            label={cohortLabels.facilitatorEmails}
            hint={t("programmes.manage.facilitatorsHint")}
            rows={2}
            defaultValue={cohort?.values.facilitatorEmails}
            errors={cohort?.fields}
          />
          <p>
            <button type="submit">{t("programmes.manage.addCohort")}</button>
          </p>
        </Form>
      </section>
    </main>
  );
}
