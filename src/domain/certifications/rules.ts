import type { Condition, Rule, RuleGroup } from "./dto.ts";

/** Where one condition stands: met or not, and for counts how far along. */
export type ConditionState = { met: boolean; done?: number; needed?: number };

export type Evaluated =
  | { kind: "condition"; condition: Condition; state: ConditionState }
  | { kind: "group"; op: RuleGroup["op"]; n: number; met: boolean; rules: Evaluated[] };

/** How many of a group's rules must be met: all of them, one, or the group's N. */
export function needed(group: RuleGroup): number {
  if (group.op === "all") return group.rules.length;
  if (group.op === "any") return 1;
  return Math.min(group.n ?? 1, group.rules.length);
}

/** The rule tree judged with one learner's facts (`stateOf` answers each condition). */
export function evaluate(rule: Rule, stateOf: (condition: Condition) => ConditionState): Evaluated {
  if (rule.kind !== "group") return { kind: "condition", condition: rule, state: stateOf(rule) };
  const rules = rule.rules.map((r) => evaluate(r, stateOf));
  const metCount = rules.filter((r) => (r.kind === "group" ? r.met : r.state.met)).length;
  const n = needed(rule);
  return { kind: "group", op: rule.op, n, met: metCount >= n, rules };
}

export const isMet = (e: Evaluated): boolean => (e.kind === "group" ? e.met : e.state.met);

/** Every condition of the tree, depth first. */
export function conditionsOf(rule: Rule): Condition[] {
  return rule.kind === "group" ? rule.rules.flatMap(conditionsOf) : [rule];
}

/** The conditions of one kind, typed. */
export function ofKind<K extends Condition["kind"]>(rule: Rule, kind: K): Extract<Condition, { kind: K }>[] {
  return conditionsOf(rule).filter((c): c is Extract<Condition, { kind: K }> => c.kind === kind);
}

/** Keys used more than once in the tree (a key names a condition for evidence and progress, so it must be unique). */
export function duplicateKeys(rule: Rule): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const c of conditionsOf(rule)) (seen.has(c.key) ? twice : seen).add(c.key);
  return [...twice];
}

/** Groups asking for more than they hold ("at least 3 of 2"). */
export function impossibleGroups(rule: Rule): number {
  if (rule.kind !== "group") return 0;
  const here = rule.op === "atLeast" && (rule.n === undefined || rule.n > rule.rules.length) ? 1 : 0;
  return here + rule.rules.reduce((sum, r) => sum + impossibleGroups(r), 0);
}

/** The months after `from` (the same day of the month, or the month's last when shorter). */
export function addMonths(from: Date, months: number): Date {
  const at = new Date(from);
  const day = at.getUTCDate();
  at.setUTCDate(1);
  at.setUTCMonth(at.getUTCMonth() + months);
  const last = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
  at.setUTCDate(Math.min(day, last));
  return at;
}
