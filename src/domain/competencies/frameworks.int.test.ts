import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { centreAdminOf, centreStaffOf, createCentre, createOrganisation, learner, secretariat } from "../../../tests/factories/network.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import type { DomainError } from "../shared/errors.ts";

let runtime: TestRuntime;
const competencies = () => runtime.services.competencies;

beforeAll(async () => {
  runtime = await createTestRuntime();
});
afterAll(async () => {
  await runtime.close();
});

async function outsideFramework() {
  const unesco = await createOrganisation(runtime.services, {
    kind: "international_org",
    name: `Test Standards Body ${crypto.randomUUID().slice(0, 6)}`,
  });
  const framework = await competencies().createFramework(
    secretariat(),
    {
      ownerId: unesco.id,
      defaultLocale: "en",
      title: "Test Teacher Framework",
      licence: "CC-BY-SA-3.0-IGO",
      levels: [
        { code: "A", name: "Acquire" },
        { code: "B", name: "Deepen" },
      ],
    },
    "en",
  );
  return { unesco, framework };
}

describe("frameworks", () => {
  test("the secretariat builds an outside body's framework, translates it and publishes it; readers see their language once ready", async () => {
    const { unesco, framework } = await outsideFramework();
    expect(framework).toMatchObject({ status: "draft", version: 1, creator: unesco.name, owner: { id: unesco.id } });
    expect(framework.levels.map((l) => l.code)).toEqual(["A", "B"]);

    let f = await competencies().addItem(secretariat(), framework.id, { kind: "area", code: "1", title: "Policy" }, "en");
    const area = f.items[0]!;
    f = await competencies().addItem(
      secretariat(),
      framework.id,
      { kind: "competency", code: "1.1", title: "Policy understanding", parentId: area.id, levelCode: "A" },
      "en",
    );
    f = await competencies().addItem(secretariat(), framework.id, { kind: "area", code: "2", title: "Pedagogy" }, "en");
    expect(f.items.map((i) => i.code)).toEqual(["1", "1.1", "2"]);
    expect(f.items[1]).toMatchObject({ parentId: area.id, levelId: f.levels[0]!.id, kind: "competency" });

    // Anonymous readers do not see a draft.
    await expect(competencies().getFramework(null, framework.id, "en")).rejects.toMatchObject({ code: "not_found" });

    f = await competencies().addTranslation(
      secretariat(),
      framework.id,
      "ru",
      { status: "draft", title: "Тестовая рамка", items: [{ id: area.id, title: "Политика" }] },
      "en",
    );
    expect(f.translations).toEqual(expect.arrayContaining([{ locale: "ru", status: "draft" }]));
    await competencies().publishFramework(secretariat(), framework.id, "en");

    // A draft Russian text falls back to English; once ready, Russian readers get it, item by item.
    let shown = await competencies().getFramework(null, framework.slug, "ru");
    expect(shown).toMatchObject({ status: "published", title: "Test Teacher Framework", shownLocale: "en" });
    await competencies().addTranslation(
      secretariat(),
      framework.id,
      "ru",
      { status: "ready", title: "Тестовая рамка", items: [{ id: area.id, title: "Политика" }] },
      "en",
    );
    shown = await competencies().getFramework(null, framework.slug, "ru");
    expect(shown).toMatchObject({ title: "Тестовая рамка", shownLocale: "ru", languages: ["en", "ru"] });
    expect(shown.items.map((i) => [i.title, i.shownLocale])).toEqual([
      ["Политика", "ru"],
      ["Policy understanding", "en"],
      ["Pedagogy", "en"],
    ]);
  });

  test("a published version is immutable; its next version is a draft copy that supersedes it when published", async () => {
    const { framework } = await outsideFramework();
    const first = await competencies().addItem(secretariat(), framework.id, { kind: "competency", code: "C1", title: "First" }, "en");
    await competencies().publishFramework(secretariat(), framework.id, "en");
    const refused = (await competencies()
      .addItem(secretariat(), framework.id, { kind: "competency", title: "Late" }, "en")
      .catch((e) => e)) as DomainError;
    expect(refused).toMatchObject({ code: "framework_not_draft", status: 409, params: { status: "published" } });

    const next = await competencies().startNewVersion(secretariat(), framework.id, "en");
    expect(next).toMatchObject({ version: 2, status: "draft", slug: framework.slug });
    expect(next.identifier).not.toBe(framework.identifier);
    expect(next.items.map((i) => i.identifier)).toEqual(first.items.map((i) => i.identifier));
    expect(next.levels.map((l) => l.code)).toEqual(["A", "B"]);
    await expect(competencies().startNewVersion(secretariat(), framework.id, "en")).rejects.toMatchObject({ code: "conflict" });

    // Until the draft is published, the slug names version 1.
    expect((await competencies().getFramework(null, framework.slug, "en")).version).toBe(1);
    await competencies().updateItem(secretariat(), next.id, next.items[0]!.id, { title: "First, revised" }, "en");
    await competencies().publishFramework(secretariat(), next.id, "en");
    const current = await competencies().getFramework(null, framework.slug, "en");
    expect(current).toMatchObject({ version: 2, items: [{ title: "First, revised" }] });
    const old = await competencies().getFramework(null, framework.id, "en");
    expect(old).toMatchObject({ status: "superseded", supersededById: next.id, items: [{ title: "First" }] });
  });

  test("a centre's admins manage their centre's frameworks only; staff, learners and other centres may not; outside bodies are the secretariat's", async () => {
    const centre = await createCentre(runtime.services);
    const other = await createCentre(runtime.services);
    const input = { ownerId: centre.id, defaultLocale: "fr", title: "Référentiel du centre" };
    const own = await competencies().createFramework(centreAdminOf(centre.id), input, "en");
    expect(own.owner.id).toBe(centre.id);
    for (const actor of [centreStaffOf(centre.id), centreAdminOf(other.id), learner()]) {
      await expect(competencies().createFramework(actor, input, "en")).rejects.toMatchObject({ code: "forbidden" });
      await expect(competencies().addItem(actor, own.id, { kind: "area", title: "X" }, "en")).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(competencies().createFramework(null, input, "en")).rejects.toMatchObject({ code: "unauthenticated" });
    const { unesco } = await outsideFramework();
    await expect(
      competencies().createFramework(centreAdminOf(centre.id), { ownerId: unesco.id, defaultLocale: "en", title: "Not theirs" }, "en"),
    ).rejects.toMatchObject({ code: "forbidden" });
    // The centre's draft is listed for its admin, not for others.
    const mine = await competencies().listFrameworks(centreAdminOf(centre.id), { owner: centre.slug }, "en");
    expect(mine.items.map((f) => f.id)).toEqual([own.id]);
    expect((await competencies().listFrameworks(null, { owner: centre.slug }, "en")).total).toBe(0);
  });

  test("bad input is named by field: unknown owner, duplicate level codes, unknown level, publishing an empty draft", async () => {
    await expect(
      competencies().createFramework(secretariat(), { ownerId: crypto.randomUUID(), defaultLocale: "en", title: "X" }, "en"),
    ).rejects.toMatchObject({ fields: [{ path: "ownerId", messageId: "network.field.unknownOrganisation" }] });
    const { unesco, framework } = await outsideFramework();
    await expect(
      competencies().createFramework(
        secretariat(),
        {
          ownerId: unesco.id,
          defaultLocale: "en",
          title: "Y",
          levels: [
            { code: "A", name: "a" },
            { code: "A", name: "b" },
          ],
        },
        "en",
      ),
    ).rejects.toMatchObject({ fields: [{ path: "levels", messageId: "competencies.field.duplicateLevel" }] });
    await expect(
      competencies().addItem(secretariat(), framework.id, { kind: "competency", title: "Z", levelCode: "Q" }, "en"),
    ).rejects.toMatchObject({
      fields: [{ path: "levelCode" }],
    });
    await expect(competencies().publishFramework(secretariat(), framework.id, "en")).rejects.toMatchObject({
      fields: [{ path: "items", messageId: "competencies.field.noItems" }],
    });
  });

  test("many items at once: parents by code, all or nothing", async () => {
    const { framework } = await outsideFramework();
    const f = await competencies().addItems(
      secretariat(),
      framework.id,
      {
        items: [
          { kind: "area", code: "1", title: "One" },
          { kind: "competency", code: "1.1", parentCode: "1", title: "One one", levelCode: "B" },
          { kind: "competency", code: "1.2", parentCode: "1", title: "One two" },
        ],
      },
      "en",
    );
    expect(f.items.map((i) => [i.code, i.position, i.parentId === null])).toEqual([
      ["1", 0, true],
      ["1.1", 0, false],
      ["1.2", 1, false],
    ]);
    const bad = competencies().addItems(
      secretariat(),
      framework.id,
      { items: [{ kind: "competency", code: "2.1", parentCode: "2", title: "Orphan" }] },
      "en",
    );
    await expect(bad).rejects.toMatchObject({ fields: [{ path: "items.0.parentCode" }] });
    const taken = competencies().addItems(
      secretariat(),
      framework.id,
      {
        items: [
          { kind: "area", code: "3", title: "Three" },
          { kind: "area", code: "1", title: "Again" },
        ],
      },
      "en",
    );
    await expect(taken).rejects.toMatchObject({ fields: [{ path: "items.1.code", messageId: "competencies.field.codeTaken" }] });
    expect((await competencies().getFramework(secretariat(), framework.id, "en")).items).toHaveLength(3);
  });
});
