import { Form, Link, redirect } from "react-router";
import type { AuthorQuizQuestionDto, QuestionKind } from "../../domain/catalogue/dto.ts";
import { questionKinds } from "../../domain/catalogue/values.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, errorFor, type FieldErrors, TextArea, TextField } from "../components/form-fields.tsx";
import { formText, list, numberOrText } from "../components/form-values.server.ts";
import { MoveButtons, moveRequestFrom } from "../components/move-buttons.tsx";
import { ReadOnlyNotice } from "../components/read-only-notice.tsx";
import { readOnlyState } from "../components/read-only-state.server.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { RowActionError, RowActionForm } from "../components/row-action.tsx";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-quiz.ts";

/** Option rows a question form offers: those it has and blanks to add more, up to this many. */
const optionRows = 6;

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const quiz = await services.quizzes.getAuthorQuiz(actor, args.params.slug, args.params.lessonId).catch((error) => {
    throw toErrorResponse(error);
  });
  const readOnly = await readOnlyState(services, actor, quiz.course, locale);
  return { quiz, readOnly, title: translatorFor(locale)("learning.editor.title", { title: quiz.lessonTitle }) };
}

type QuestionValues = {
  id: string;
  kind: string;
  prompt: string;
  feedback: string;
  points: string;
  options: { id: string; text: string; correct: boolean }[];
  answerTrue: string;
  acceptedAnswers: string;
};

function questionValues(form: FormData): QuestionValues {
  return {
    id: formText(form, "id"),
    kind: formText(form, "kind"),
    prompt: formText(form, "prompt"),
    feedback: formText(form, "feedback"),
    points: formText(form, "points"),
    options: Array.from({ length: optionRows }, (_, i) => ({
      id: formText(form, `options.${i}.id`),
      text: formText(form, `options.${i}.text`),
      correct: form.get(`options.${i}.correct`) === "on",
    })),
    answerTrue: formText(form, "answerTrue"),
    acceptedAnswers: String(form.get("acceptedAnswers") ?? ""),
  };
}

/** The service's input for one question: only the fields its kind has (the schema is strict). */
function questionInput(v: QuestionValues) {
  const base = {
    ...(v.id ? { id: v.id } : {}),
    kind: v.kind,
    prompt: v.prompt,
    feedback: v.feedback,
    points: numberOrText(v.points || "1"),
  };
  if (v.kind === "single" || v.kind === "multiple") {
    const options = v.options.filter((o) => o.text).map((o) => ({ ...(o.id ? { id: o.id } : {}), text: o.text, correct: o.correct }));
    return { ...base, options };
  }
  if (v.kind === "true_false") return { ...base, answerTrue: v.answerTrue === "" ? undefined : v.answerTrue === "true" };
  if (v.kind === "short_answer") return { ...base, acceptedAnswers: list(v.acceptedAnswers, /\r?\n/) };
  return base;
}

/** Settings, one question (added or changed), or a removal: each its own form, so each works without JavaScript. */
export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const { slug, lessonId } = args.params;
  const form = await args.request.formData();
  const intent = formText(form, "intent");
  const question = questionValues(form);
  const settings = { passingScore: formText(form, "passingScore"), maxAttempts: formText(form, "maxAttempts") };
  const failedForm = intent === "save" ? `save:${question.id || `new:${question.kind}`}` : intent;
  const move = intent === "move" ? moveRequestFrom(form) : null;
  try {
    if (intent === "settings") {
      const maxAttempts = settings.maxAttempts === "" ? null : numberOrText(settings.maxAttempts);
      await services.quizzes.setQuizSettings(actor, slug, lessonId, { passingScore: numberOrText(settings.passingScore), maxAttempts });
    } else if (intent === "move") {
      await services.quizzes.moveQuestion(actor, slug, lessonId, move?.id ?? "", { direction: move?.direction });
    } else if (intent === "remove") {
      await services.quizzes.removeQuestion(actor, slug, lessonId, formText(form, "questionId"));
    } else {
      await services.quizzes.saveQuestion(actor, slug, lessonId, questionInput(question));
    }
  } catch (error) {
    return failureWithValues(error, locale, { question, settings }, failedForm);
  }
  const anchor = move ? `#question-${move.id}` : intent === "save" && !question.id ? "#questions-title" : "";
  return redirect(`/${locale}/manage/courses/${slug}/lessons/${lessonId}/quiz${anchor}`);
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

const fromQuestion = (q: AuthorQuizQuestionDto): QuestionValues => ({
  id: q.id,
  kind: q.kind,
  prompt: q.prompt,
  feedback: q.feedback,
  points: String(q.points),
  options: q.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct })),
  answerTrue: q.answerTrue === null ? "" : String(q.answerTrue),
  acceptedAnswers: q.acceptedAnswers.join("\n"),
});

/**
 * One question's form, with the fields of its kind only: a question keeps its kind, and a new one
 * is added through the form of the kind chosen, so no script is needed to hide the others.
 */
function QuestionForm({
  values,
  kind,
  idPrefix,
  failure,
  lang,
  editable,
}: {
  editable: boolean;
  values: QuestionValues | undefined;
  kind: QuestionKind;
  idPrefix: string;
  failure: { formError?: string; fields?: FieldErrors } | undefined;
  lang: string;
}) {
  const t = useT();
  const has = (k: QuestionKind) => kind === k;
  const options = values?.options ?? [];
  const rows = Array.from({ length: optionRows }, (_, i) => options[i] ?? { id: "", text: "", correct: false });
  const labels = {
    prompt: t("learning.editor.prompt"),
    options: t("learning.editor.options"),
    acceptedAnswers: t("learning.editor.acceptedAnswers"),
    points: t("learning.editor.points"),
    feedback: t("learning.editor.feedback"),
    answerTrue: t("learning.editor.answer"),
  };
  return (
    <Form method="post" className="stack question-editor">
      <CsrfField />
      <input type="hidden" name="intent" value="save" />
      {values?.id && <input type="hidden" name="id" value={values.id} />}
      <ErrorSummary idPrefix={idPrefix} formError={failure?.formError} errors={failure?.fields} labels={labels} />
      <input type="hidden" name="kind" value={kind} />
      <TextArea
        idPrefix={idPrefix}
        name="prompt"
        label={labels.prompt}
        rows={2}
        lang={lang}
        required
        defaultValue={values?.prompt}
        errors={failure?.fields}
      />
      {(has("single") || has("multiple")) && (
        <fieldset className="field option-rows" aria-describedby={`${idPrefix}-options-hint`}>
          <legend id={`${idPrefix}-options`}>{labels.options}</legend>
          <span className="hint" id={`${idPrefix}-options-hint`}>
            {t("learning.editor.optionsHint")}
          </span>
          {rows.map((option, i) => (
            <div className="option-row" key={option.id || `new-${i}`}>
              {option.id && <input type="hidden" name={`options.${i}.id`} value={option.id} />}
              <input
                type="text"
                name={`options.${i}.text`}
                aria-label={t("learning.editor.option", { number: i + 1 })}
                defaultValue={option.text}
                lang={lang}
                dir="auto"
              />
              <label className="option-correct">
                <input type="checkbox" name={`options.${i}.correct`} defaultChecked={option.correct} /> {t("learning.editor.correct")}
              </label>
            </div>
          ))}
          {errorFor(failure?.fields, "options") && <span className="error">{errorFor(failure?.fields, "options")}</span>}
        </fieldset>
      )}
      {has("true_false") && (
        <fieldset className="field">
          <legend>{labels.answerTrue}</legend>
          <div className="choices">
            <label>
              <input type="radio" name="answerTrue" value="true" defaultChecked={values?.answerTrue === "true"} /> {t("learning.quiz.true")}
            </label>
            <label>
              <input type="radio" name="answerTrue" value="false" defaultChecked={values?.answerTrue === "false"} />{" "}
              {t("learning.quiz.false")}
            </label>
          </div>
        </fieldset>
      )}
      {has("short_answer") && (
        <TextArea
          idPrefix={idPrefix}
          name="acceptedAnswers"
          label={labels.acceptedAnswers}
          hint={t("learning.editor.acceptedAnswersHint")}
          rows={3}
          lang={lang}
          defaultValue={values?.acceptedAnswers}
          errors={failure?.fields}
        />
      )}
      <div className="form-grid">
        <TextField
          idPrefix={idPrefix}
          name="points"
          label={labels.points}
          inputMode="numeric"
          defaultValue={values?.points || "1"}
          errors={failure?.fields}
        />
      </div>
      <TextArea
        idPrefix={idPrefix}
        name="feedback"
        label={labels.feedback}
        rows={2}
        lang={lang}
        defaultValue={values?.feedback}
        errors={failure?.fields}
      />
      {editable && (
        <p>
          <button type="submit">{t("learning.editor.saveQuestion")}</button>
        </p>
      )}
    </Form>
  );
}

export default function ManageQuiz({ loaderData, actionData }: Route.ComponentProps) {
  const { quiz, readOnly } = loaderData;
  const t = useT();
  const href = useHref();
  const failed = (intent: string) => (actionData?.intent === intent ? actionData : undefined);
  const settingsFailure = failed("settings");
  const lang = quiz.course.defaultLocale;
  const editable = quiz.editable;

  return (
    <main id="main" className="page quiz-editor">
      <p className="breadcrumb">
        <Link to={href(`/manage/courses/${quiz.course.slug}#syllabus`)}>
          <bdi lang={lang}>{quiz.course.title}</bdi>
        </Link>
      </p>
      <h1>{t("learning.editor.title", { title: `\u2068${quiz.lessonTitle}\u2069` })}</h1>
      {readOnly && <ReadOnlyNotice state={readOnly} />}
      <fieldset disabled={!editable} className="editor-body">
        <section className="panel" aria-labelledby="settings-title">
          <h2 id="settings-title">{t("learning.editor.settings")}</h2>
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="settings" />
            <ErrorSummary
              idPrefix="settings"
              formError={settingsFailure?.formError}
              errors={settingsFailure?.fields}
              labels={{ passingScore: t("learning.editor.passingScore"), maxAttempts: t("learning.editor.maxAttempts") }}
            />
            <div className="form-grid">
              <TextField
                idPrefix="settings"
                name="passingScore"
                label={t("learning.editor.passingScore")}
                inputMode="numeric"
                required
                defaultValue={settingsFailure?.values.settings.passingScore ?? String(quiz.passingScore)}
                errors={settingsFailure?.fields}
              />
              <TextField
                idPrefix="settings"
                name="maxAttempts"
                label={t("learning.editor.maxAttempts")}
                hint={t("learning.editor.maxAttemptsHint")}
                inputMode="numeric"
                defaultValue={settingsFailure?.values.settings.maxAttempts ?? (quiz.maxAttempts === null ? "" : String(quiz.maxAttempts))}
                errors={settingsFailure?.fields}
              />
            </div>
            {editable && (
              <p>
                <button type="submit">{t("learning.editor.saveSettings")}</button>
              </p>
            )}
          </Form>
        </section>

        <section aria-labelledby="questions-title">
          <h2 id="questions-title" tabIndex={-1}>
            {t("learning.editor.questions")}
          </h2>
          <RowActionError message={failed("remove")?.formError ?? failed("move")?.formError} />
          {quiz.questions.length === 0 && <p className="meta">{t("learning.editor.noQuestions")}</p>}
          <ol className="plain question-list">
            {quiz.questions.map((question, index) => {
              const failure = failed(`save:${question.id}`);
              const name = t("learning.quiz.question", { number: index + 1 });
              return (
                <li key={question.id} className="panel" id={`question-${question.id}`}>
                  <h3>
                    {name} <span className="tag">{t(`learning.editor.kind.${question.kind}`)}</span>
                  </h3>
                  <QuestionForm
                    values={failure?.values.question ?? fromQuestion(question)}
                    kind={question.kind}
                    idPrefix={`q${index + 1}`}
                    failure={failure}
                    lang={lang}
                    editable={editable}
                  />
                  {editable && (
                    <div className="row-actions">
                      <MoveButtons
                        kind="question"
                        id={question.id}
                        subject={name}
                        first={index === 0}
                        last={index === quiz.questions.length - 1}
                      />
                      <RowActionForm
                        intent="remove"
                        fields={{ questionId: question.id }}
                        label={t("learning.editor.removeQuestion")}
                        subject={name}
                      />
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        </section>

        {editable && (
          <section id="new-question" aria-labelledby="add-title">
            <h2 id="add-title">{t("learning.editor.addQuestion")}</h2>
            <p className="hint">{t("learning.editor.addHint")}</p>
            {questionKinds.map((kind) => {
              const failure = failed(`save:new:${kind}`);
              return (
                <details key={kind} className="panel add-question" open={!!failure} id={`add-${kind}`}>
                  <summary>{t(`learning.editor.add.${kind}`)}</summary>
                  <QuestionForm
                    values={failure?.values.question}
                    kind={kind}
                    idPrefix={`new-${kind}`}
                    failure={failure}
                    lang={lang}
                    editable={editable}
                  />
                </details>
              );
            })}
          </section>
        )}
      </fieldset>
    </main>
  );
}
