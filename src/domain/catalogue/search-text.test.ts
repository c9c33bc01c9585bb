import { describe, expect, test } from "vitest";
import { bigrams, isUnspacedScript, normaliseSearchText, searchNormalisationSql, searchTerms } from "./search-text.ts";

describe("search text", () => {
  test("folds case, Arabic letter variants and diacritics, and ё", () => {
    expect(normaliseSearchText("ЁЛКА Pédagogie")).toBe("елка pédagogie");
    expect(normaliseSearchText("التعلّم عبر الإنترنت")).toBe("التعلم عبر الانترنت");
    expect(normaliseSearchText("مدرسةٌ كُبرى")).toBe("مدرسه كبري");
    expect(normaliseSearchText("الـتـعـلـيـم")).toBe("التعليم");
  });

  test("the SQL mapping has one target for each folded letter, the rest are dropped", () => {
    const [, from, to] = searchNormalisationSql("x").match(/'(.*)', '(.*)'/u) ?? [];
    expect([...from!].length).toBeGreaterThan([...to!].length);
    expect([...to!]).toEqual(["ا", "ا", "ا", "ا", "ي", "ه", "е"]);
  });

  test("splits queries into at most eight terms on spaces and punctuation", () => {
    expect(searchTerms("  Blended-learning, design!  ")).toEqual(["blended", "learning", "design"]);
    expect(searchTerms("数字教学，高等教育")).toEqual(["数字教学", "高等教育"]);
    expect(searchTerms("%_'\\")).toEqual([]);
    expect(searchTerms("a b c d e f g h i j")).toHaveLength(8);
  });

  test("character pairs stand in for words in unspaced scripts", () => {
    expect(isUnspacedScript("数字化")).toBe(true);
    expect(isUnspacedScript("педагогика")).toBe(false);
    expect(bigrams("数字化教学")).toEqual(["数字", "字化", "化教", "教学"]);
    expect(bigrams("学")).toEqual(["学"]);
  });
});
