import { describe, expect, test } from "vitest";
import { z } from "zod";
import { displayName, hasInvisibleControl, isSingleLine, multiLine, singleLine } from "./text.ts";
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

describe("textIssue: every field one line unless marked, names without invisible controls", () => {
  const schema = z
    .object({
      name: displayName(z.string().trim().min(1)),
      code: z.string().trim().optional(),
      description: multiLine(z.string().trim()).optional(),
      tags: z.array(z.string()).optional(),
      names: z.partialRecord(z.enum(["en", "ar"]), displayName(z.string())).optional(),
      kind: z
        .discriminatedUnion("type", [
          z.object({ type: z.literal("a"), note: multiLine(z.string()) }),
          z.object({ type: z.literal("b"), label: z.string() }),
        ])
        .optional(),
      coerced: z.preprocess((value) => value, z.string()).optional(),
    })
    .strict();
  const issueOf = (input: unknown) => {
    try {
      parseInput(schema, input);
      return null;
    } catch (error) {
      return (error as { fields: unknown[] }).fields[0];
    }
  };

  test("a plain string field refuses line breaks, tabs and C1 controls wherever it sits", () => {
    expect(issueOf({ name: "Ann", code: "a\nb" })).toMatchObject({ path: "code", messageId: "input.singleLine" });
    expect(issueOf({ name: "Ann", tags: ["ok", "x\ty"] })).toMatchObject({ path: "tags.1", messageId: "input.singleLine" });
    expect(issueOf({ name: "Ann", code: "a\u0085b" })).toMatchObject({ path: "code", messageId: "input.singleLine" });
    expect(issueOf({ name: "Ann", kind: { type: "b", label: "x\ny" } })).toMatchObject({ path: "kind.label" });
    expect(issueOf({ name: "Ann", coerced: "x\ry" })).toMatchObject({ path: "coerced", messageId: "input.singleLine" });
  });

  test("a multi-line field keeps line breaks and tabs but no other control", () => {
    expect(issueOf({ name: "Ann", description: "one\r\ntwo\tthree" })).toBeNull();
    expect(issueOf({ name: "Ann", kind: { type: "a", note: "x\ny" } })).toBeNull();
    expect(issueOf({ name: "Ann", description: "one\u0000two" })).toMatchObject({ path: "description", messageId: "http.invalidText" });
  });

  test("trailing line breaks are trimmed, not refused", () => {
    expect(issueOf({ name: " Ann\n", code: "abc\r\n" })).toBeNull();
  });

  test("names refuse bidi controls and zero-width characters, keep joiners and any script", () => {
    for (const bad of ["Ann\u202Egnp.exe", "Ann\u200B", "A\u200Enn", "A\u2066nn\u2069", "An\uFEFFn"])
      expect(issueOf({ name: bad }), JSON.stringify(bad)).toMatchObject({ path: "name", messageId: "input.invisibleCharacters" });
    expect(issueOf({ name: "Ann", names: { ar: "جامعة\u200F" } })).toMatchObject({
      path: "names.ar",
      messageId: "input.invisibleCharacters",
    });
    expect(issueOf({ name: "می\u200Cخواهم Иван 王 👩\u200D💻" })).toBeNull();
    expect(hasInvisibleControl("invoice\u202Efdp.zip")).toBe(true);
    // Other fields are not names: a description may quote right-to-left text with its marks.
    expect(issueOf({ name: "Ann", description: "\u202Bمرحبا\u202C" })).toBeNull();
  });
});
