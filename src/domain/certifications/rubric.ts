import type { Locale } from "../../i18n/locales.ts";
import type { Condition } from "./dto.ts";

/** The key of the one criterion a competency shown to an assessor is judged on. */
export const DEMONSTRATED = "demonstrated";

/**
 * The rubric an assessed condition is judged against: an evidence task's own, or for a
 * competency the single criterion "demonstrated at the level" (scored 0 to 4, 3 to pass).
 */
export function rubricOf(condition: Extract<Condition, { kind: "evidence" | "competency" }>, reader: Locale, own: string) {
  if (condition.kind === "competency") return { criteria: [{ key: DEMONSTRATED, name: "" }], passMark: 3 };
  return {
    criteria: condition.rubric.map((c) => ({ key: c.key, name: c.name[reader] ?? c.name[own] ?? Object.values(c.name)[0] ?? c.key })),
    passMark: condition.passMark,
  };
}
