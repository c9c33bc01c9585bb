import { describe, expect, test } from "vitest";
import { z } from "zod";
import { isSingleLine, singleLine } from "./text.ts";
import { parseInput } from "./validation.ts";

describe("singleLine", () => {
  const title = singleLine(z.string().trim().min(3).max(200));

  test("refuses line breaks, tabs and other controls with its own message", () => {
    for (const bad of ["a\r\nEND:VEVENT", "a\nb c", "a\tbcd", "ab\u0085cd", "ab\u2028cd", "ab\u007fcd"]) {
      expect(isSingleLine(bad), JSON.stringify(bad)).toBe(false);
      expect(() => parseInput(z.object({ title }), { title: bad })).toThrow(
        expect.objectContaining({ fields: [expect.objectContaining({ path: "title", messageId: "input.singleLine" })] }),
      );
    }
  });

  test("keeps ordinary text in any script, trimmed", () => {
    expect(title.parse("  Семинар; 研讨会, ورشة  ")).toBe("Семинар; 研讨会, ورشة");
  });
});
