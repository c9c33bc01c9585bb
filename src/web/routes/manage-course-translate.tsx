import type { ReactNode } from "react";
import { Form, Link, redirect } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { actionFailure } from "../action-errors.server.ts";
import { useCatalogueFormat } from "../components/catalogue-format.ts";
import { CsrfField } from "../components/csrf.tsx";
import { ErrorSummary, type FieldErrors, SelectField, TextArea, TextField } from "../components/form-fields.tsx";
import { formText, list } from "../components/form-values.server.ts";
import { RichTextEditor } from "../components/rich-text-editor.tsx";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import type { RouteHandle } from "../hydration.ts";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-course-translate.ts";

/** Lesson texts are translated in the authors' rich-text editor (decision 0007); without script it is a textarea of HTML. */
export const handle: RouteHandle = { hydrate: true };

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  try {
    const editor = await services.translations.editor(actor, args.params.slug, args.params.locale, locale);
    const saved = new URL(args.request.url).searchParams.has("saved");
    const quizLessons = [...new Set(editor.questions.map((q) => q.lessonId))];
    const quizzes = await Promise.all(
      quizLessons.map((lessonId) => services.quizzes.quizTextsFor(actor, editor.course.id, lessonId, editor.locale)),
    );
    return { title: `${editor.course.title} · ${translatorFor(locale)("quality.nav.translations")}`, editor, quizzes, saved };
  } catch (error) {
    throw toErrorResponse(error);
  }
}

/**
 * Lists of the form (`modules.0.title`, `lessons.3.status`) in order. A module or lesson whose
 * title is left blank is not sent; field errors are mapped back to the inputs they came from.
 */
function listFromForm(form: FormData, name: string, fields: string[]) {
  const items: Record<string, string>[] = [];
  const formIndex: number[] = [];
  for (let i = 0; form.has(`${name}.${i}.id`); i++) {
    const item = Object.fromEntries(["id", ...fields].map((f) => [f, formText(form, `${name}.${i}.${f}`)]));
    if (!item.title) continue;
    items.push(item);
    formIndex.push(i);
  }
  return { items, formIndex };
}

/** A quiz's texts from its form; questions left without a prompt and options left blank are not sent. */
function quizFromForm(form: FormData) {
  const questions = [];
  for (let i = 0; form.has(`questions.${i}.id`); i++) {
    const field = (name: string) => formText(form, `questions.${i}.${name}`);
    if (!field("prompt")) continue;
    const options = [];
    for (let j = 0; form.has(`questions.${i}.options.${j}.id`); j++) {
      const text = field(`options.${j}.text`);
      if (text) options.push({ id: field(`options.${j}.id`), text, status: field(`options.${j}.status`) });
    }
    questions.push({
      id: field("id"),
      prompt: field("prompt"),
      feedback: field("feedback"),
      acceptedAnswers: list(field("acceptedAnswers"), /\r?\n/),
      status: field("status"),
      options,
    });
  }
  return { questions };
}

const formValues = (form: FormData) => Object.fromEntries([...form].filter(([, v]) => typeof v === "string")) as Record<string, string>;

export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const form = await args.request.formData();
  const { slug, locale: target } = args.params;
  if (formText(form, "intent") === "quiz") {
    const lessonId = formText(form, "lessonId");
    try {
      await services.quizzes.writeQuizTranslation(actor, slug, lessonId, target, quizFromForm(form));
    } catch (error) {
      return { ...actionFailure(error, locale).data, lessonId, values: formValues(form) };
    }
    return redirect(`/${locale}/manage/courses/${slug}/translate/${target}?saved`);
  }
  const modules = listFromForm(form, "modules", ["title", "status"]);
  const lessons = listFromForm(form, "lessons", ["title", "body", "status"]);
  const input = {
    title: formText(form, "title"),
    summary: formText(form, "summary"),
    description: formText(form, "description"),
    status: formText(form, "status"),
    modules: modules.items,
    lessons: lessons.items,
  };
  try {
    await services.catalogue.addTranslation(actor, slug, target, input, locale);
  } catch (error) {
    const failure = actionFailure(error, locale);
    const fields = Object.fromEntries(
      Object.entries(failure.data.fields).map(([path, message]) => {
        const [name, index, ...rest] = path.split(".");
        const sent = name === "modules" ? modules : name === "lessons" ? lessons : undefined;
        return [sent ? [name, sent.formIndex[Number(index)], ...rest].join(".") : path, message];
      }),
    );
    return { ...failure.data, fields, lessonId: null, values: formValues(form) };
  }
  return redirect(`/${locale}/manage/courses/${slug}/translate/${target}?saved`);
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

/** The original text beside its translation. */
function Pair({ source, sourceLocale, label, children }: { source: string; sourceLocale: string; label: string; children: ReactNode }) {
  return (
    <div className="translate-pair">
      <div className="source">
        <span className="meta">{label}</span>
        <p lang={sourceLocale} dir="auto">
          {source}
        </p>
      </div>
      <div className="target">{children}</div>
    </div>
  );
}

type QuizTexts = Route.ComponentProps["loaderData"]["quizzes"][number];

/** One quiz's questions and options beside their originals, in a form of its own. */
function QuizTranslation({
  quiz,
  title,
  original,
  statusOptions,
  values,
  errors,
  formError,
}: {
  quiz: QuizTexts;
  title: string;
  original: string;
  statusOptions: { value: string; label: string }[];
  values: Record<string, string> | undefined;
  errors: FieldErrors | undefined;
  formError: string | undefined;
}) {
  const t = useT();
  const from = quiz.sourceLocale;
  const target = quiz.locale;
  const idPrefix = `quiz-${quiz.lessonId}`;
  const value = (name: string, stored: string | undefined) => values?.[name] ?? stored ?? "";
  return (
    <section className="panel" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`}>{t("quality.translate.quizTitle", { title })}</h2>
      <Form method="post" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="quiz" />
        <input type="hidden" name="lessonId" value={quiz.lessonId} />
        <ErrorSummary formError={formError} errors={errors} labels={{ questions: t("quality.translate.prompt") }} idPrefix={idPrefix} />
        {quiz.questions.map((question, i) => (
          <fieldset key={question.id} className="field">
            <legend>{t("quality.translate.prompt")}</legend>
            <input type="hidden" name={`questions.${i}.id`} value={question.id} />
            <Pair source={question.source.prompt} sourceLocale={from} label={original}>
              <TextArea
                name={`questions.${i}.prompt`}
                label={t("quality.translate.prompt")}
                lang={target}
                rows={2}
                defaultValue={value(`questions.${i}.prompt`, question.translation?.prompt)}
                errors={errors}
                idPrefix={idPrefix}
              />
            </Pair>
            {question.source.feedback && (
              <Pair source={question.source.feedback} sourceLocale={from} label={original}>
                <TextArea
                  name={`questions.${i}.feedback`}
                  label={t("quality.translate.feedback")}
                  lang={target}
                  rows={2}
                  defaultValue={value(`questions.${i}.feedback`, question.translation?.feedback)}
                  errors={errors}
                  idPrefix={idPrefix}
                />
              </Pair>
            )}
            {question.kind === "short_answer" && (
              <Pair source={question.source.acceptedAnswers.join("\n")} sourceLocale={from} label={original}>
                <TextArea
                  name={`questions.${i}.acceptedAnswers`}
                  label={t("quality.translate.acceptedAnswers")}
                  lang={target}
                  rows={3}
                  defaultValue={value(`questions.${i}.acceptedAnswers`, question.translation?.acceptedAnswers.join("\n"))}
                  errors={errors}
                  idPrefix={idPrefix}
                />
              </Pair>
            )}
            {question.options.map((option, j) => (
              <Pair key={option.id} source={option.source} sourceLocale={from} label={original}>
                <input type="hidden" name={`questions.${i}.options.${j}.id`} value={option.id} />
                <TextField
                  name={`questions.${i}.options.${j}.text`}
                  label={t("quality.translate.option")}
                  lang={target}
                  defaultValue={value(`questions.${i}.options.${j}.text`, option.translation?.text)}
                  errors={errors}
                  idPrefix={idPrefix}
                />
                <SelectField
                  name={`questions.${i}.options.${j}.status`}
                  label={t("quality.translate.status")}
                  options={statusOptions}
                  defaultValue={value(`questions.${i}.options.${j}.status`, option.translation?.status === "ready" ? "ready" : "draft")}
                  idPrefix={idPrefix}
                />
              </Pair>
            ))}
            <SelectField
              name={`questions.${i}.status`}
              label={t("quality.translate.status")}
              options={statusOptions}
              defaultValue={value(`questions.${i}.status`, question.translation?.status === "ready" ? "ready" : "draft")}
              idPrefix={idPrefix}
            />
          </fieldset>
        ))}
        <p className="actions">
          <button type="submit">{t("quality.translate.saveQuiz")}</button>
        </p>
      </Form>
    </section>
  );
}

export default function TranslateCourse({ loaderData, actionData }: Route.ComponentProps) {
  const { editor, saved } = loaderData;
  const t = useT();
  const href = useHref();
  const names = useCatalogueFormat();
  const courseFailure = actionData && actionData.lessonId === null ? actionData : undefined;
  const values = courseFailure?.values;
  const errors: FieldErrors | undefined = courseFailure?.fields;
  const target = editor.locale;
  const from = editor.course.defaultLocale;
  const original = t("quality.translate.original", { language: names.language(from) });
  const statusOptions = [
    { value: "draft", label: t("quality.translate.statusDraft") },
    { value: "ready", label: t("quality.translate.statusReady") },
  ];
  const value = (name: string, stored: string) => values?.[name] ?? stored;
  const status = (name: string, stored: string) => values?.[name] ?? (stored === "ready" ? "ready" : "draft");
  const labels: Record<string, string> = {
    title: t("quality.translate.titleField"),
    summary: t("quality.translate.summaryField"),
    description: t("quality.translate.descriptionField"),
    modules: t("quality.translate.moduleTitle"),
    lessons: t("quality.translate.lessonTitle"),
  };
  // Lessons are numbered through the whole course, as the service's field paths are.
  const firstLesson = editor.modules.map((_, m) => editor.modules.slice(0, m).reduce((n, x) => n + x.lessons.length, 0));
  const quizFields = editor.questions.flatMap((q) => [
    q.status,
    ...(q.feedback.source ? [q.status] : []),
    ...q.options.map((o) => o.status),
  ]);

  return (
    <main id="main" className="page translate">
      <p className="breadcrumb">
        <Link to={href("/manage/translations")}>{t("quality.translations.title")}</Link>
      </p>
      <h1>
        <bdi>{editor.course.title}</bdi>: {t("quality.translate.title", { language: names.language(target) })}
      </h1>
      <p>{t("quality.translate.intro", { source: names.language(from) })}</p>
      <p className="meta">
        {t("quality.translations.counts", { ...editor.counts, total: editor.counts.missing + editor.counts.draft + editor.counts.ready })}
      </p>
      {saved && !actionData && (
        <p className="notice" role="status">
          {t("quality.translate.saved")}
        </p>
      )}
      <Form method="post" noValidate>
        <CsrfField />
        <ErrorSummary formError={courseFailure?.formError} errors={errors} labels={labels} />
        <fieldset className="field">
          <legend>{t("quality.translate.course")}</legend>
          <Pair source={editor.title.source} sourceLocale={from} label={original}>
            <TextField
              name="title"
              label={t("quality.translate.titleField")}
              lang={target}
              required
              defaultValue={value("title", editor.title.target)}
              errors={errors}
            />
          </Pair>
          <Pair source={editor.summary.source} sourceLocale={from} label={original}>
            <TextArea
              name="summary"
              label={t("quality.translate.summaryField")}
              lang={target}
              rows={2}
              defaultValue={value("summary", editor.summary.target)}
              errors={errors}
            />
          </Pair>
          {editor.description.source && (
            <Pair source={editor.description.source} sourceLocale={from} label={original}>
              <TextArea
                name="description"
                label={t("quality.translate.descriptionField")}
                lang={target}
                defaultValue={value("description", editor.description.target)}
                errors={errors}
              />
            </Pair>
          )}
          <SelectField
            name="status"
            label={t("quality.translate.status")}
            options={statusOptions}
            defaultValue={status("status", editor.status)}
            errors={errors}
          />
        </fieldset>
        {editor.modules.map((module, m) => (
          <fieldset key={module.id} className="field">
            <legend>{t("quality.translate.module", { number: m + 1 })}</legend>
            <input type="hidden" name={`modules.${m}.id`} value={module.id} />
            <Pair source={module.title.source} sourceLocale={from} label={original}>
              <TextField
                name={`modules.${m}.title`}
                label={t("quality.translate.moduleTitle")}
                lang={target}
                defaultValue={value(`modules.${m}.title`, module.title.target)}
                errors={errors}
              />
              <SelectField
                name={`modules.${m}.status`}
                label={t("quality.translate.status")}
                options={statusOptions}
                defaultValue={status(`modules.${m}.status`, module.status)}
              />
            </Pair>
            {module.lessons.map((lesson, i) => {
              const l = firstLesson[m]! + i;
              return (
                <div key={lesson.id} className="translate-lesson">
                  <input type="hidden" name={`lessons.${l}.id`} value={lesson.id} />
                  <Pair source={lesson.title.source} sourceLocale={from} label={original}>
                    <TextField
                      name={`lessons.${l}.title`}
                      label={t("quality.translate.lessonTitle")}
                      lang={target}
                      defaultValue={value(`lessons.${l}.title`, lesson.title.target)}
                      errors={errors}
                    />
                  </Pair>
                  {lesson.body.source && (
                    <div className="translate-pair">
                      <div className="source">
                        <span className="meta">{original}</span>
                        {/* Stored sanitised (on write), the same HTML learners get. */}
                        <div
                          className="lesson-body source-body"
                          lang={from}
                          dir="auto"
                          dangerouslySetInnerHTML={{ __html: lesson.body.source }}
                        />
                      </div>
                      <div className="target">
                        <RichTextEditor
                          name={`lessons.${l}.body`}
                          label={t("quality.translate.lessonBody")}
                          hint={t("authoring.lesson.bodyHint")}
                          lang={target}
                          rows={8}
                          idPrefix={`lesson-${l}`}
                          defaultValue={value(`lessons.${l}.body`, lesson.body.target)}
                          error={errors?.[`lessons.${l}.body`]}
                        />
                      </div>
                    </div>
                  )}
                  <SelectField
                    name={`lessons.${l}.status`}
                    label={t("quality.translate.status")}
                    options={statusOptions}
                    defaultValue={status(`lessons.${l}.status`, lesson.status)}
                  />
                </div>
              );
            })}
          </fieldset>
        ))}
        {editor.captions.length > 0 && (
          <p className="meta">
            {t("quality.translate.captions", {
              ready: editor.captions.filter((c) => c.status === "ready").length,
              total: editor.captions.length,
            })}
          </p>
        )}
        <p className="actions">
          <button type="submit">{t("quality.translate.save")}</button>
        </p>
      </Form>
      {quizFields.length > 0 && (
        <p className="meta">
          {t("quality.translate.quizzes", { ready: quizFields.filter((s) => s === "ready").length, total: quizFields.length })}
        </p>
      )}
      {loaderData.quizzes.map((quiz) => {
        const failure = actionData?.lessonId === quiz.lessonId ? actionData : undefined;
        const title = editor.modules.flatMap((m) => m.lessons).find((l) => l.id === quiz.lessonId)?.title.source ?? "";
        return (
          <QuizTranslation
            key={quiz.lessonId}
            quiz={quiz}
            title={title}
            original={original}
            statusOptions={statusOptions}
            values={failure?.values}
            errors={failure?.fields}
            formError={failure?.formError}
          />
        );
      })}
    </main>
  );
}
