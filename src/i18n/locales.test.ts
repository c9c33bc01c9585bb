import { describe, expect, it } from "vitest";
import { direction, isLocale, locales, negotiateLocale, pickLocalised } from "./locales.ts";

describe("negotiateLocale", () => {
  it.each([
    [undefined, "en"],
    ["", "en"],
    ["fr-FR,fr;q=0.9,en;q=0.8", "fr"],
    ["de-DE,de;q=0.9", "en"],
    ["de,ru;q=0.5", "ru"],
    ["en;q=0.2,ar-EG;q=0.9", "ar"],
    ["zh-Hans-CN", "zh"],
    ["ES", "es"],
    ["fr;q=0,es;q=0.1", "es"],
    ["*", "en"],
  ])("%s -> %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe("direction", () => {
  it("is right-to-left for Arabic only", () => {
    expect(locales.filter((locale) => direction(locale) === "rtl")).toEqual(["ar"]);
  });
});

describe("isLocale", () => {
  it("accepts the six UI languages only", () => {
    expect(locales.every(isLocale)).toBe(true);
    expect(isLocale("de")).toBe(false);
    expect(isLocale("EN")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});

describe("pickLocalised", () => {
  it("prefers the reader's language, then English, then any", () => {
    expect(pickLocalised({ en: "Centre", fr: "Centre FR" }, "fr")).toBe("Centre FR");
    expect(pickLocalised({ en: "Centre", fr: "Centre FR" }, "ar")).toBe("Centre");
    expect(pickLocalised({ ru: "Центр" }, "zh")).toBe("Центр");
    expect(pickLocalised(null, "en", "—")).toBe("—");
  });
});
