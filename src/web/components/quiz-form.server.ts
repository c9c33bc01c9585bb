import type { AttemptAnswers } from "../../domain/learning/dto.ts";

/**
 * A quiz form's answers by question id. Each control is named `<kind>.<questionId>` so the answers
 * are read without asking the database what kind each question is; blank ones are left out.
 */
export function answersFrom(form: FormData): AttemptAnswers {
  const answers: AttemptAnswers = {};
  for (const name of new Set(form.keys())) {
    const [kind, id] = name.split(".", 2) as [string, string | undefined];
    if (!id) continue;
    const value = String(form.get(name) ?? "");
    if (kind === "single" && value) answers[id] = value;
    else if (kind === "multiple") answers[id] = form.getAll(name).map(String);
    else if (kind === "tf" && (value === "true" || value === "false")) answers[id] = value === "true";
    else if (kind === "short" && value.trim()) answers[id] = value;
  }
  return answers;
}
