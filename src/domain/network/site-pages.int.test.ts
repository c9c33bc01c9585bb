import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { centreAdminOf, createCentre, learner, secretariat } from "../../../tests/factories/network.ts";
import { refusal } from "../../../tests/support/refusal.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";

let runtime: TestRuntime;
const network = () => runtime.services.network;

beforeAll(async () => {
  runtime = await createTestRuntime();
});
afterAll(async () => {
  await runtime.close();
});

describe("site pages (privacy, terms, accessibility, contact)", () => {
  test("the secretariat writes a page per language; readers get theirs, else English, and a rewrite replaces it", async () => {
    expect((await refusal(network().getSitePage("privacy", "ru"))).status).toBe(404);
    await network().saveSitePage(secretariat(), "privacy", "en", { title: "Privacy", body: "We keep little.\n\nAsk us." });
    const fallback = await network().getSitePage("privacy", "ru");
    expect(fallback).toMatchObject({ slug: "privacy", locale: "en", title: "Privacy" });

    await network().saveSitePage(secretariat(), "privacy", "ru", { title: "Конфиденциальность", body: "Храним мало." });
    expect(await network().getSitePage("privacy", "ru")).toMatchObject({ locale: "ru", title: "Конфиденциальность" });
    await network().saveSitePage(secretariat(), "privacy", "ru", { title: "  Конфиденциальность данных ", body: "Храним очень мало." });
    expect(await network().getSitePage("privacy", "ru")).toMatchObject({ title: "Конфиденциальность данных", body: "Храним очень мало." });

    const all = await network().listSitePages(secretariat());
    expect(all.map((p) => `${p.slug}/${p.locale}`)).toEqual(["privacy/en", "privacy/ru"]);
    expect(await network().getSitePageForEditing(secretariat(), "privacy", "zh")).toBeNull();
  });

  test("only the secretariat may write, and only known pages and languages with a title and text", async () => {
    const centre = await createCentre(runtime.services);
    for (const actor of [null, learner(), centreAdminOf(centre.id)]) {
      expect((await refusal(network().saveSitePage(actor, "terms", "en", { title: "Terms", body: "Be kind." }))).status).toBe(
        actor ? 403 : 401,
      );
      expect((await refusal(network().listSitePages(actor))).status).toBe(actor ? 403 : 401);
    }
    const unknown = await refusal(network().saveSitePage(secretariat(), "cookies", "en", { title: "Cookies", body: "None." }));
    expect(unknown.code).toBe("validation_failed");
    const klingon = await refusal(network().saveSitePage(secretariat(), "terms", "tlh", { title: "Terms", body: "Be kind." }));
    expect(klingon.code).toBe("validation_failed");
    const empty = await refusal(network().saveSitePage(secretariat(), "terms", "fr", { title: " ", body: "" }), "fr");
    expect(empty.fields.map((f) => f.path)).toEqual(expect.arrayContaining(["title", "body"]));
    expect((await refusal(network().getSitePage("terms", "en"))).status).toBe(404);
  });
});
