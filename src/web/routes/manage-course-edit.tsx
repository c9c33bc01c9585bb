import { Form, Link, redirect } from "react-router";
import type { AuthoringSyllabus } from "../../domain/catalogue/dto.ts";
import type { SyllabusInput } from "../../domain/catalogue/validation.ts";
import { lessonKinds } from "../../domain/catalogue/values.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { AuthoringNotice } from "../components/authoring-notice.tsx";
import { useCatalogueFormat } from "../components/catalogue-format.ts";
import { CourseForm } from "../components/course-form.tsx";
import { courseDetailsFrom, courseFormOptions, courseValuesFromForm, courseValuesOf } from "../components/course-form-data.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary } from "../components/form-fields.tsx";
import { formText } from "../components/form-values.server.ts";
import { MoveButtons, MoveForm, moveRequestFrom } from "../components/move-buttons.tsx";
import { ReadOnlyNotice } from "../components/read-only-notice.tsx";
import { readOnlyState } from "../components/read-only-state.server.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { RowActionError } from "../components/row-action.tsx";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-course-edit.ts";

type SyllabusInputRow = SyllabusInput[number];

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const { slug } = args.params;
  try {
    const [syllabus, texts] = await Promise.all([services.authoring.getSyllabus(actor, slug), services.authoring.getTexts(actor, slug)]);
    const course = await services.catalogue.getCourse(slug, locale, actor);
    const options = await courseFormOptions(services, actor, locale);
    // The current owner stays choosable even for an author who could not pick it for a new course.
    if (!options.owners.some((o) => o.value === course.owner.id))
      options.owners.unshift({ value: course.owner.id, label: course.owner.name });
    return {
      readOnly: await readOnlyState(services, actor, course, locale),
      moved: new URL(args.request.url).searchParams.get("moved"),
      title: translatorFor(locale)("authoring.edit.title"),
      course: { slug: course.slug, status: course.status, defaultLocale: course.defaultLocale, coverImageUrl: course.coverImageUrl },
      values: { ...courseValuesOf(course), ...texts },
      syllabus,
      coverMegabytes: Math.floor(services.media.limits.cover / 2 ** 20),
      ...options,
    };
  } catch (error) {
    throw toErrorResponse(error);
  }
}

/**
 * Reads the syllabus form: rows kept in their order (the Move buttons change it, one step per
 * post), removals dropped, one new module and lesson at the end.
 */
function syllabusFrom(form: FormData, current: AuthoringSyllabus): SyllabusInputRow[] {
  const modules = current
    .map((module, i) => ({
      id: module.id,
      title: formText(form, `modules.${i}.title`),
      removed: form.has(`modules.${i}.remove`),
      lessons: [] as SyllabusInputRow["lessons"],
    }))
    .filter((m) => !m.removed);
  const newModuleTitle = formText(form, "newModule.title");
  if (newModuleTitle) modules.push({ id: "", title: newModuleTitle, removed: false, lessons: [] });
  const byId = (id: string) => (id === "new" ? modules.find((m) => m.id === "") : modules.find((m) => m.id === id));
  current
    .flatMap((m) => m.lessons)
    .forEach((lesson, j) => {
      if (form.has(`lessons.${j}.remove`)) return;
      byId(formText(form, `lessons.${j}.module`))?.lessons.push({
        id: lesson.id,
        title: formText(form, `lessons.${j}.title`),
        kind: formText(form, `lessons.${j}.kind`) as SyllabusInputRow["lessons"][number]["kind"],
        required: form.has(`lessons.${j}.required`),
      });
    });
  const newLessonTitle = formText(form, "newLesson.title");
  if (newLessonTitle) {
    byId(formText(form, "newLesson.module"))?.lessons.push({
      title: newLessonTitle,
      kind: formText(form, "newLesson.kind") as SyllabusInputRow["lessons"][number]["kind"],
      required: true,
    });
  }
  return modules.map((m) => ({ ...(m.id ? { id: m.id } : {}), title: m.title, lessons: m.lessons }));
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const { slug } = args.params;
  const form = await args.request.formData();
  const intent = formText(form, "intent");
  const values = courseValuesFromForm(form);
  try {
    if (intent === "texts") {
      const texts = await services.authoring.getTexts(actor, slug);
      const input = { title: values.title, summary: values.summary, description: values.description, status: "ready" };
      await services.catalogue.addTranslation(actor, slug, texts.locale, input, locale);
    } else if (intent === "details") {
      await services.catalogue.updateCourse(actor, slug, courseDetailsFrom(values), locale);
    } else if (intent === "syllabus") {
      const current = await services.authoring.getSyllabus(actor, slug);
      await services.catalogue.updateCourse(actor, slug, { syllabus: syllabusFrom(form, current) }, locale);
    } else if (intent === "move") {
      const move = moveRequestFrom(form);
      const input = { direction: move?.direction };
      if (move?.kind === "module") await services.catalogue.moveModule(actor, slug, move.id, input);
      else await services.catalogue.moveLesson(actor, slug, move?.id ?? "", input);
      return redirect(`/${locale}/manage/courses/${slug}?moved=${move?.id}#${move?.kind}-${move?.id}`);
    } else if (intent === "removeCover") {
      await services.media.removeCover(actor, slug);
      return redirect(`/${locale}/manage/courses/${slug}?notice=removed#cover`);
    }
    return redirect(`/${locale}/manage/courses/${slug}?saved#${intent}`);
  } catch (error) {
    return failureWithValues(error, locale, values, intent);
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

/** A lesson's kind and module: `<prefix>.kind` and `<prefix>.module`. */
function KindAndModule({
  prefix,
  kind,
  moduleId,
  moduleOptions,
}: {
  prefix: string;
  kind: string;
  moduleId: string;
  moduleOptions: { value: string; label: string }[];
}) {
  const t = useT();
  const names = useCatalogueFormat();
  return (
    <>
      <label>
        {t("authoring.syllabus.kind")}
        <select name={`${prefix}.kind`} defaultValue={kind}>
          {lessonKinds.map((k) => (
            <option key={k} value={k}>
              {names.lessonKind(k)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("authoring.syllabus.inModule")}
        <select name={`${prefix}.module`} defaultValue={moduleId}>
          {moduleOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

/** One lesson row of the syllabus editor; `j` numbers it through the whole course, as the form's names do. */
function LessonRow({
  lesson,
  j,
  moduleId,
  moduleOptions,
  course,
  editable,
  first,
  last,
}: {
  lesson: AuthoringSyllabus[number]["lessons"][number];
  j: number;
  moduleId: string;
  moduleOptions: { value: string; label: string }[];
  course: { slug: string; defaultLocale: string };
  editable: boolean;
  first: boolean;
  last: boolean;
}) {
  const t = useT();
  const href = useHref();
  return (
    <li className="lesson-row" id={`lesson-${lesson.id}`}>
      <div className="row-fields">
        <label className="grow">
          {t("authoring.syllabus.lessonTitle")}
          <input name={`lessons.${j}.title`} defaultValue={lesson.title} lang={course.defaultLocale} dir="auto" required />
        </label>
        <KindAndModule prefix={`lessons.${j}`} kind={lesson.kind} moduleId={moduleId} moduleOptions={moduleOptions} />
        <label className="check">
          <input type="checkbox" name={`lessons.${j}.required`} defaultChecked={lesson.required} /> {t("authoring.syllabus.required")}
        </label>
        {editable && (
          <label className="check">
            <input type="checkbox" name={`lessons.${j}.remove`} /> {t("authoring.syllabus.remove")}
          </label>
        )}
      </div>
      <div className="row-actions">
        <Link
          to={href(`/manage/courses/${course.slug}/lessons/${lesson.id}`)}
          aria-label={t("authoring.syllabus.editLesson", { title: lesson.title })}
        >
          {t("authoring.syllabus.edit")}
        </Link>
        {editable && <MoveButtons kind="lesson" id={lesson.id} subject={lesson.title} first={first} last={last} formId="syllabus-move" />}
      </div>
    </li>
  );
}

/** A new module and a new lesson, saved with the rest of the syllabus. */
function NewSyllabusRows({
  syllabus,
  moduleOptions,
  lang,
}: {
  syllabus: AuthoringSyllabus;
  moduleOptions: { value: string; label: string }[];
  lang: string;
}) {
  const t = useT();
  return (
    <>
      <fieldset className="module-row new-row">
        <legend>{t("authoring.syllabus.newModule")}</legend>
        <label>
          {t("authoring.syllabus.moduleTitle")}
          <input name="newModule.title" lang={lang} dir="auto" />
        </label>
      </fieldset>
      <fieldset className="module-row new-row">
        <legend>{t("authoring.syllabus.newLesson")}</legend>
        <div className="row-fields">
          <label className="grow">
            {t("authoring.syllabus.lessonTitle")}
            <input name="newLesson.title" lang={lang} dir="auto" />
          </label>
          <KindAndModule
            prefix="newLesson"
            kind="text"
            moduleId={syllabus.length ? syllabus[syllabus.length - 1]!.id : "new"}
            moduleOptions={[...moduleOptions, { value: "new", label: t("authoring.syllabus.newModuleOption") }]}
          />
        </div>
      </fieldset>
    </>
  );
}

export default function EditCourse({ loaderData, actionData }: Route.ComponentProps) {
  const { course, syllabus, owners, organisations, readOnly } = loaderData;
  const t = useT();
  const href = useHref();
  const names = useCatalogueFormat();
  const editable = course.status === "draft";
  const failed = (intent: string) => (actionData?.intent === intent ? actionData : undefined);
  const values = actionData?.values ?? loaderData.values;
  const lessons = syllabus.flatMap((m) => m.lessons);
  const moduleOptions = syllabus.map((m, i) => ({ value: m.id, label: t("authoring.syllabus.module", { number: i + 1 }) }));
  const syllabusFailure = failed("syllabus");
  const movedTitle = [...syllabus, ...lessons].find((x) => x.id === loaderData.moved)?.title;

  return (
    <main id="main" className="page authoring">
      <p className="breadcrumb">
        <Link to={href("/manage/courses")}>{t("authoring.edit.back")}</Link>
      </p>
      <h1>
        {t("authoring.edit.title")}: <bdi lang={course.defaultLocale}>{loaderData.values.title}</bdi>
      </h1>
      <p className="actions">
        <Link className="button secondary" to={href(`/courses/${course.slug}`)}>
          {t("authoring.edit.preview")}
        </Link>
        <Link className="button secondary" to={href(`/manage/courses/${course.slug}/review`)}>
          {t("authoring.edit.workflow")}
        </Link>
        <Link className="button secondary" to={href(`/manage/courses/${course.slug}/competencies`)}>
          {t("competencies.align.link")}
        </Link>
      </p>
      <AuthoringNotice />
      {readOnly && <ReadOnlyNotice state={readOnly} />}

      <fieldset disabled={!editable} className="unstyled">
        <section aria-labelledby="texts-title" id="texts">
          <h2 id="texts-title">{t("authoring.edit.texts", { locale: names.language(course.defaultLocale) })}</h2>
          <CourseForm
            part="texts"
            intent="texts"
            values={values}
            errors={failed("texts")?.fields}
            formError={failed("texts")?.formError}
            owners={owners}
            organisations={organisations}
            submitLabel={t("authoring.edit.saveTexts")}
            textLang={course.defaultLocale}
            readOnly={!editable}
          />
        </section>

        <section aria-labelledby="cover-title" id="cover">
          <h2 id="cover-title">{t("authoring.cover.title")}</h2>
          {course.coverImageUrl ? (
            <img className="cover-preview" src={course.coverImageUrl} alt="" width={320} height={180} />
          ) : (
            <p className="meta">{t("authoring.cover.none")}</p>
          )}
          {editable && (
            <form method="post" action={href(`/manage/courses/${course.slug}/cover`)} encType="multipart/form-data" className="stack">
              <CsrfField />
              <div className="field">
                <label htmlFor="cover-file">{t("authoring.cover.file")}</label>
                <span className="hint" id="cover-hint">
                  {t("authoring.cover.hint", { megabytes: loaderData.coverMegabytes })}
                </span>
                <input id="cover-file" type="file" name="file" accept=".png,.jpg,.jpeg,.webp" required aria-describedby="cover-hint" />
              </div>
              <p>
                <button type="submit">{t("authoring.cover.upload")}</button>
              </p>
            </form>
          )}
          {editable && course.coverImageUrl && (
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="removeCover" />
              <button type="submit" className="secondary">
                {t("authoring.cover.remove")}
              </button>
            </Form>
          )}
        </section>

        <section aria-labelledby="syllabus-title" id="syllabus">
          <h2 id="syllabus-title">{t("authoring.syllabus.title")}</h2>
          {editable && <p className="hint">{t("authoring.syllabus.hint")}</p>}
          {movedTitle && (
            <p className="notice" role="status">
              {t("authoring.move.moved", { title: movedTitle })}
            </p>
          )}
          <RowActionError message={failed("move")?.formError} />
          {editable && <MoveForm id="syllabus-move" />}
          <Form method="post" className="stack syllabus-editor">
            <CsrfField />
            <input type="hidden" name="intent" value="syllabus" />
            <ErrorSummary
              formError={syllabusFailure?.formError}
              errors={syllabusFailure?.fields}
              labels={{ syllabus: t("authoring.syllabus.title") }}
              idPrefix="syllabus"
            />
            {syllabus.length === 0 && <p className="meta">{t("authoring.syllabus.empty")}</p>}
            {syllabus.map((module, i) => {
              const label = t("authoring.syllabus.module", { number: i + 1 });
              return (
                <fieldset key={module.id} className="module-row" id={`module-${module.id}`}>
                  <legend>{label}</legend>
                  <input type="hidden" name={`modules.${i}.id`} value={module.id} />
                  <div className="row-fields">
                    <label className="grow">
                      {t("authoring.syllabus.moduleTitle")}
                      <input name={`modules.${i}.title`} defaultValue={module.title} lang={course.defaultLocale} dir="auto" required />
                    </label>
                    {editable && (
                      <label className="check">
                        <input type="checkbox" name={`modules.${i}.remove`} /> {t("authoring.syllabus.remove")}
                      </label>
                    )}
                  </div>
                  {editable && (
                    <div className="row-actions">
                      <MoveButtons
                        kind="module"
                        id={module.id}
                        subject={module.title || label}
                        first={i === 0}
                        last={i === syllabus.length - 1}
                        formId="syllabus-move"
                      />
                    </div>
                  )}
                  <ol className="lesson-rows">
                    {module.lessons.map((lesson) => {
                      const j = lessons.indexOf(lesson);
                      return (
                        <LessonRow
                          key={lesson.id}
                          lesson={lesson}
                          j={j}
                          moduleId={module.id}
                          moduleOptions={moduleOptions}
                          course={course}
                          editable={editable}
                          first={j === 0}
                          last={j === lessons.length - 1}
                        />
                      );
                    })}
                  </ol>
                </fieldset>
              );
            })}
            {editable && (
              <>
                <NewSyllabusRows syllabus={syllabus} moduleOptions={moduleOptions} lang={course.defaultLocale} />
                <p>
                  <button type="submit">{t("authoring.syllabus.save")}</button>
                </p>
              </>
            )}
          </Form>
        </section>

        <section aria-labelledby="details-title" id="details">
          <h2 id="details-title">{t("authoring.edit.details")}</h2>
          <CourseForm
            part="details"
            intent="details"
            values={values}
            errors={failed("details")?.fields}
            formError={failed("details")?.formError}
            owners={owners}
            organisations={organisations}
            submitLabel={t("authoring.edit.saveDetails")}
            readOnly={!editable}
          />
        </section>
      </fieldset>
    </main>
  );
}
