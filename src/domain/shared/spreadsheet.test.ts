import { describe, expect, test } from "vitest";
import { csvText } from "./spreadsheet.ts";

describe("CSV downloads", () => {
  test("cells a spreadsheet would run as formulas are made plain text, quoted where needed, CRLF, UTF-8 BOM", () => {
    const text = csvText([
      ["Name", "Count"],
      ['=cmd|"/c calc"!A1', 1],
      ["+1", 2],
      ["-2", 3],
      ["@SUM(A1)", 4],
      ["Smith, Jane", 5],
      ["Айгуль; Асанова", 6],
    ]);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines).toEqual([
      "Name,Count",
      `"'=cmd|""/c calc""!A1",1`,
      "'+1,2",
      "'-2,3",
      "'@SUM(A1),4",
      '"Smith, Jane",5',
      '"Айгуль; Асанова",6',
      "",
    ]);
  });
});
