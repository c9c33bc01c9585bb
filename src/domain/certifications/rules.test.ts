import { describe, expect, it } from "vitest";
import type { Rule } from "./dto.ts";
import { addMonths, duplicateKeys, evaluate, impossibleGroups, isMet } from "./rules.ts";

const course = (key: string) => ({ kind: "course" as const, key, courseId: crypto.randomUUID(), version: null });
const tree = (op: "all" | "any" | "atLeast", rules: Rule[], n?: number): Rule => ({ kind: "group", op, n, rules });

describe("certification rules", () => {
  const met = (keys: string[]) => (c: { key: string }) => ({ met: keys.includes(c.key) });

  it("all needs every rule, any needs one, at least N needs N", () => {
    const rules = [course("a"), course("b"), course("c")];
    expect(isMet(evaluate(tree("all", rules), met(["a", "b"])))).toBe(false);
    expect(isMet(evaluate(tree("all", rules), met(["a", "b", "c"])))).toBe(true);
    expect(isMet(evaluate(tree("any", rules), met([])))).toBe(false);
    expect(isMet(evaluate(tree("any", rules), met(["c"])))).toBe(true);
    expect(isMet(evaluate(tree("atLeast", rules, 2), met(["c"])))).toBe(false);
    expect(isMet(evaluate(tree("atLeast", rules, 2), met(["a", "c"])))).toBe(true);
  });

  it("nests groups", () => {
    const rule = tree("all", [course("a"), tree("any", [course("b"), course("c")])]);
    expect(isMet(evaluate(rule, met(["a"])))).toBe(false);
    expect(isMet(evaluate(rule, met(["a", "c"])))).toBe(true);
    const evaluated = evaluate(rule, met(["b"]));
    expect(evaluated.kind === "group" && evaluated.rules.map(isMet)).toEqual([false, true]);
  });

  it("finds duplicate keys and impossible groups", () => {
    expect(duplicateKeys(tree("all", [course("a"), tree("any", [course("a"), course("b")])]))).toEqual(["a"]);
    expect(impossibleGroups(tree("all", [tree("atLeast", [course("a")], 2)]))).toBe(1);
    expect(impossibleGroups(tree("atLeast", [course("a"), course("b")], 2))).toBe(0);
  });

  it("adds months, keeping the day or the month's last", () => {
    expect(addMonths(new Date("2026-01-31T10:00:00Z"), 1).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(addMonths(new Date("2026-03-15T00:00:00Z"), 24).toISOString()).toBe("2028-03-15T00:00:00.000Z");
  });
});
