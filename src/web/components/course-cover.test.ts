import { describe, expect, it } from "vitest";
import { courseCoverSvg } from "./course-cover.ts";

describe("generated course covers", () => {
  const input = { title: "Цифровая педагогика", category: "teacher_professional_development" as const, centre: "IIOE Kyrgyzstan" };

  it("draws the same picture for the same course and another for another title", () => {
    expect(courseCoverSvg(input)).toBe(courseCoverSvg({ ...input }));
    expect(courseCoverSvg({ ...input, title: "Blended learning" })).not.toBe(courseCoverSvg(input));
  });

  it("shows the title's first letter whole and escapes the centre's name", () => {
    const svg = courseCoverSvg({ ...input, title: "  «数字教学»", centre: 'A & B <"centre">' });
    expect(svg).toContain(">数<");
    expect(svg).toContain("A &amp; B &lt;&quot;centre&quot;&gt;");
    expect(svg).not.toContain('<"centre">');
  });

  it("sets an Arabic centre's name from the right edge", () => {
    expect(courseCoverSvg({ ...input, centre: "مركز IIOE الوطني في مصر" })).toContain('direction="rtl"');
    expect(courseCoverSvg(input)).not.toContain('direction="rtl"');
  });

  it("stays small", () => {
    expect(Buffer.byteLength(courseCoverSvg({ ...input, centre: "x".repeat(300) }))).toBeLessThan(2048);
  });
});
