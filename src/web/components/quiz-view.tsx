import { Form, Link } from "react-router";
import type { LearnerQuizDto } from "../../domain/learning/dto.ts";
import { useFormat, useLocale, useT } from "../i18n.tsx";
import { useCatalogueFormat } from "./catalogue-format.ts";
import { CsrfField } from "./csrf.tsx";
import { textDirection } from "./shown-language-note.tsx";

/** The latest attempt: score, pass or not, and each question's feedback. */
function QuizResult({ quiz }: { quiz: LearnerQuizDto }) {
  const t = useT();
  const format = useFormat();
  const latest = quiz.latest;
  if (!latest) return null;
  return (
    <section id="result" className={`quiz-result panel ${latest.passed ? "passed" : "failed"}`} aria-labelledby="result-title">
      <h2 id="result-title">{t("learning.quiz.latest", { number: format.number(latest.attemptNumber) })}</h2>
      <p className="score">
        <strong>{t("learning.quiz.score", { score: latest.score, max: latest.maxScore, percent: latest.percent / 100 })}</strong>{" "}
        {latest.passed ? t("learning.quiz.passed") : t("learning.quiz.failed", { mark: quiz.quiz.passingScore / 100 })}
      </p>
      <ol className="question-results">
        {latest.questions.map((q) => (
          <li key={q.questionId}>
            <p>
              <span className={`tag ${q.correct ? "correct" : "incorrect"}`}>
                {q.correct ? `✓ ${t("learning.quiz.correct")}` : `✗ ${t("learning.quiz.incorrect")}`}
              </span>{" "}
              <bdi>{q.prompt}</bdi>
            </p>
            {q.feedback && (
              <p className="meta">
                <bdi>{q.feedback}</bdi>
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The questions as native controls: radios, checkboxes, true/false radios and a text box. */
function QuizForm({ quiz, formError }: { quiz: LearnerQuizDto; formError: string | undefined }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const names = useCatalogueFormat();
  return (
    <Form method="post" className="quiz-form stack">
      <CsrfField />
      <input type="hidden" name="intent" value="attempt" />
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      {quiz.quiz.questions.map((q, index) => {
        const name = (kind: string) => `${kind}.${q.id}`;
        return (
          <fieldset key={q.id} className="question" lang={q.shownLocale}>
            <legend>
              <span className="meta" lang={locale}>
                {t("learning.quiz.question", { number: format.number(index + 1) })} · {t("learning.quiz.points", { points: q.points })}
              </span>
              {/* Its own direction: an English question stays left-to-right inside an Arabic page. */}
              <span className="prompt" dir={textDirection(q.shownLocale)}>
                {q.prompt}
              </span>
            </legend>
            {q.shownLocale !== locale && (
              <p className="language-note" lang={locale}>
                {t("learning.quiz.shownIn", { language: names.language(q.shownLocale) })}
              </p>
            )}
            {q.kind === "single" && (
              <p className="hint" lang={locale}>
                {t("learning.quiz.chooseOne")}
              </p>
            )}
            {q.kind === "multiple" && (
              <p className="hint" lang={locale}>
                {t("learning.quiz.chooseAll")}
              </p>
            )}
            {(q.kind === "single" || q.kind === "multiple") && (
              <div className="choices">
                {q.options.map((o) => (
                  <label key={o.id}>
                    <input type={q.kind === "single" ? "radio" : "checkbox"} name={name(q.kind)} value={o.id} />{" "}
                    <bdi dir={textDirection(q.shownLocale)}>{o.text}</bdi>
                  </label>
                ))}
              </div>
            )}
            {q.kind === "true_false" && (
              <div className="choices" lang={locale}>
                <label>
                  <input type="radio" name={name("tf")} value="true" /> {t("learning.quiz.true")}
                </label>
                <label>
                  <input type="radio" name={name("tf")} value="false" /> {t("learning.quiz.false")}
                </label>
              </div>
            )}
            {q.kind === "short_answer" && (
              <label className="field" lang={locale}>
                {t("learning.quiz.yourAnswer")}
                <input type="text" name={name("short")} dir="auto" autoComplete="off" maxLength={1000} />
              </label>
            )}
          </fieldset>
        );
      })}
      <p>
        <button type="submit">{quiz.latest ? t("learning.quiz.tryAgain") : t("learning.quiz.submit")}</button>
      </p>
    </Form>
  );
}

/** Where a learner goes once the quiz is passed: the course's end, or the next lesson. */
export type Onward = { href: string; label: string };

/**
 * A quiz lesson: its rules, the latest result, and the form while attempts are left. Once passed,
 * the way on (the course complete, the next lesson) is the main action and another attempt is
 * folded away behind "Try again" (a disclosure: no script needed).
 */
export function QuizSection({
  quiz,
  formError,
  onward,
}: {
  quiz: LearnerQuizDto;
  formError: string | undefined;
  onward?: Onward | undefined;
}) {
  const t = useT();
  const form = quiz.attemptsLeft !== 0 && <QuizForm quiz={quiz} formError={formError} />;
  return (
    <section className="quiz" aria-label={t("catalogue.lessonKind.quiz")}>
      <p className="meta">
        {t("learning.quiz.passMark", { mark: quiz.quiz.passingScore / 100 })} ·{" "}
        {quiz.attemptsLeft === null ? t("learning.quiz.unlimited") : t("learning.quiz.attemptsLeft", { count: quiz.attemptsLeft })}
      </p>
      <QuizResult quiz={quiz} />
      {quiz.passed && onward && (
        <p className="onward">
          <Link className="button" to={onward.href}>
            {onward.label}
          </Link>
        </p>
      )}
      {quiz.quiz.questions.length === 0 ? (
        <p className="meta">{t("learning.quiz.noQuestions")}</p>
      ) : quiz.passed && form ? (
        <details className="retry" open={!!formError}>
          <summary>{t("learning.quiz.tryAgain")}</summary>
          {form}
        </details>
      ) : (
        form
      )}
      {quiz.attemptsLeft === 0 && formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
    </section>
  );
}
