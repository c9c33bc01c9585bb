import { describe, expect, it } from "vitest";
import { freeSlug, slugify, slugSchema } from "./slugs.ts";

describe("slugify", () => {
  it("keeps Latin titles as they were spelt before (existing slugs stay what new ones would be)", () => {
    expect(slugify("Digital Pedagogy: an Introduction")).toBe("digital-pedagogy-an-introduction");
    expect(slugify("Économie numérique à l'école")).toBe("economie-numerique-a-l-ecole");
  });

  it("transliterates Cyrillic, Kazakh and Arabic titles", () => {
    expect(slugify("Цифровая педагогика")).toBe("tsifrovaya-pedagogika");
    expect(slugify("Қазақ тілі")).toBe("qazaq-tili");
    const arabic = slugify("التعليم الرقمي");
    expect(arabic).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
    expect(arabic.length).toBeGreaterThan(5);
  });

  it("spells Chinese in pinyin, one syllable each", () => {
    expect(slugify("数字教育")).toBe("shu-zi-jiao-yu");
    expect(slugify("AI 数字教育 2026")).toBe("ai-shu-zi-jiao-yu-2026");
  });

  it("gives valid slugs, at most 80 characters, never ending in a hyphen", () => {
    const slug = slugify("Педагогика ".repeat(20));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slugSchema.safeParse(slug).success).toBe(true);
  });
});

describe("freeSlug", () => {
  it("uses the transliterated title when free, with a suffix when taken, the fallback for signs only", async () => {
    expect(await freeSlug("Цифровая педагогика", "course", async () => false)).toBe("tsifrovaya-pedagogika");
    expect(await freeSlug("Цифровая педагогика", "course", async () => true)).toMatch(/^tsifrovaya-pedagogika-[0-9a-f]{8}$/);
    expect(await freeSlug("★ ✓", "course", async () => false)).toMatch(/^course-[0-9a-f]{8}$/);
  });
});
