import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createPublishedFramework } from "../../../tests/factories/competencies.ts";
import { centreAdminOf, createCentre, createOrganisation, secretariat } from "../../../tests/factories/network.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import type { CFPackage } from "./case-format.ts";
import { competencyFrameworks, competencyItems } from "./schema.ts";

let runtime: TestRuntime;
const competencies = () => runtime.services.competencies;

beforeAll(async () => {
  runtime = await createTestRuntime();
});
afterAll(async () => {
  await runtime.close();
});

async function counts() {
  const db = runtime.database.db;
  const [[f], [i]] = await Promise.all([
    db.select({ n: count() }).from(competencyFrameworks),
    db.select({ n: count() }).from(competencyItems),
  ]);
  return { frameworks: f!.n, items: i!.n };
}

/** What must survive a round trip: everything but the document's own identity and the times. */
function comparable(pkg: CFPackage, documentIdentifier: string) {
  const text = JSON.stringify(pkg)
    .replaceAll(documentIdentifier, "DOC")
    .replace(/"lastChangeDateTime":"[^"]+"/g, '"lastChangeDateTime":"T"');
  const out = JSON.parse(text) as CFPackage;
  out.CFDocument.adoptionStatus = "*";
  out.CFDocument.version = "*";
  return out;
}

const pkgWith = (overrides: Partial<Record<keyof CFPackage, unknown>>) => ({
  CFDocument: {
    identifier: crypto.randomUUID(),
    title: "Imported",
    creator: "Someone",
    language: "en",
    lastChangeDateTime: "2025-01-01T00:00:00Z",
  },
  CFItems: [],
  CFAssociations: [],
  ...overrides,
});

describe("CASE export and import", () => {
  test("export, re-import and export again give the same package, translations and levels included (CASE 1.1)", async () => {
    const { owner, framework } = await createPublishedFramework(runtime.services);
    const exported = await competencies().exportCase(null, framework.id, "1.1");
    expect(exported.CFDocument).toMatchObject({
      identifier: framework.identifier,
      title: framework.title,
      language: "en",
      adoptionStatus: "Adopted",
    });
    expect(exported.CFItems).toHaveLength(6);
    expect(exported.CFAssociations.filter((a) => a.associationType === "isChildOf")).toHaveLength(6);
    expect(exported.CFRubrics[0]!.CFRubricCriteria![0]!.CFRubricCriterionLevels!.map((l) => l.quality)).toEqual(["A", "B"]);

    const report = await competencies().importCase(secretariat(), {
      ownerId: owner.id,
      package: JSON.stringify(exported),
      newIdentifier: true,
    });
    expect(report).toMatchObject({ imported: true, problems: [], warnings: [], counts: { items: 6, levels: 2 } });
    const copy = await competencies().getFramework(secretariat(), report.frameworkId!, "ru");
    expect(copy).toMatchObject({ status: "draft", title: `${framework.title} (рус.)`, shownLocale: "ru" });
    expect(copy.levels[0]).toMatchObject({ code: "A", name: "Освоение" });
    await competencies().publishFramework(secretariat(), copy.id, "en");
    const again = await competencies().exportCase(null, copy.id, "1.1");
    expect(comparable(again, copy.identifier)).toEqual(comparable(exported, framework.identifier));

    // A second import that keeps the identifier is refused, by item, and writes nothing.
    const before = await counts();
    const refused = await competencies().importCase(secretariat(), { ownerId: owner.id, package: exported });
    expect(refused).toMatchObject({ imported: false, problems: [{ messageId: "competencies.import.alreadyImported" }] });
    expect(await counts()).toEqual(before);
  });

  test("CASE 1.0 export has no extensions; it still imports, in the framework's own language", async () => {
    const { owner, framework } = await createPublishedFramework(runtime.services);
    const exported = await competencies().exportCase(null, framework.id, "1.0");
    expect(JSON.stringify(exported)).not.toContain("extensions");
    const report = await competencies().importCase(secretariat(), { ownerId: owner.id, package: exported, newIdentifier: true });
    expect(report.imported).toBe(true);
    const copy = await competencies().getFramework(secretariat(), report.frameworkId!, "en");
    expect(copy.items.map((i) => [i.code, i.kind, i.levelId !== null])).toEqual([
      ["1", "area", false],
      ["1.A", "competency", false],
      ["1.A.1", "indicator", false],
      ["1.B", "competency", false],
      ["2", "area", false],
      ["2.A", "competency", false],
    ]);
  });

  test("real-world files: loose UUIDs, plain-string URIs, missing optional fields and unknown types are read, with warnings", async () => {
    const owner = await createOrganisation(runtime.services, { kind: "government", name: `Ministry ${crypto.randomUUID().slice(0, 6)}` });
    const doc = "{6B8A5C3E-0D4F-4E7A-9B1C-2D3E4F5A6B7C}";
    const parent = "A1B2C3D4E5F60718293A4B5C6D7E8F90";
    const child = "https://case.example.org/uri/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    const pkg = {
      CFDocument: { identifier: doc, title: "Loose national standards", language: "fr-FR", creator: "Ministère" },
      CFItems: [
        { identifier: parent, fullStatement: "Domaine 1", CFItemType: "Domain" },
        { uri: child, fullStatement: "Compétence 1.1", humanCodingScheme: "D1.1" },
      ],
      CFAssociations: [
        {
          identifier: "assoc-1",
          associationType: "isChildOf",
          originNodeURI: child,
          destinationNodeURI: `https://case.example.org/uri/${parent.toLowerCase()}`,
        },
        {
          identifier: "assoc-2",
          associationType: "isChildOf",
          originNodeURI: { identifier: parent.toLowerCase() },
          destinationNodeURI: { identifier: "6b8a5c3e0d4f4e7a9b1c2d3e4f5a6b7c", uri: "" },
        },
        { identifier: "assoc-3", associationType: "isMadeOf", originNodeURI: child, destinationNodeURI: parent },
        {
          identifier: "assoc-4",
          associationType: "exactMatchOf",
          originNodeURI: child,
          destinationNodeURI: { identifier: "elsewhere-1", uri: "https://other.example/items/elsewhere-1", title: "Elsewhere" },
        },
      ],
      CFRubrics: [{ identifier: "r1", title: "Scoring", CFRubricCriteria: [] }],
    };
    const report = await competencies().importCase(secretariat(), { ownerId: owner.id, package: pkg });
    expect(report.problems).toEqual([]);
    expect(report.imported).toBe(true);
    expect(report.warnings.map((w) => w.messageId).sort()).toEqual([
      "competencies.import.rubricLeftOut",
      "competencies.import.unknownType",
    ]);
    const f = await competencies().getFramework(secretariat(), report.frameworkId!, "en");
    expect(f).toMatchObject({ identifier: "6b8a5c3e-0d4f-4e7a-9b1c-2d3e4f5a6b7c", defaultLocale: "fr", creator: "Ministère" });
    expect(f.items.map((i) => [i.identifier, i.kind, i.parentId === null])).toEqual([
      ["a1b2c3d4-e5f6-0718-293a-4b5c6d7e8f90", "area", true],
      ["0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "competency", false],
    ]);
    const exported = await competencies().exportCase(secretariat(), f.id, "1.0");
    expect(exported.CFAssociations.find((a) => a.associationType === "exactMatchOf")?.destinationNodeURI).toEqual({
      identifier: "elsewhere-1",
      uri: "https://other.example/items/elsewhere-1",
      title: "Elsewhere",
    });
  });

  test("malformed, cyclic and huge packages: every problem by item, nothing written", async () => {
    const centre = await createCentre(runtime.services);
    const admin = centreAdminOf(centre.id);
    const before = await counts();
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    const cyclic = pkgWith({
      CFItems: [
        { identifier: a, fullStatement: "A" },
        { identifier: b, fullStatement: "B" },
        { identifier: a, fullStatement: "A again" },
        { fullStatement: "no identifier" },
        { identifier: crypto.randomUUID() },
      ],
      CFAssociations: [
        { identifier: "x1", associationType: "isChildOf", originNodeURI: { identifier: a }, destinationNodeURI: { identifier: b } },
        { identifier: "x2", associationType: "isChildOf", originNodeURI: { identifier: b }, destinationNodeURI: { identifier: a } },
        { identifier: "x3", associationType: "isChildOf", originNodeURI: { identifier: b } },
        "not an object",
      ],
    });
    const report = await competencies().importCase(admin, { ownerId: centre.id, package: cyclic });
    expect(report.imported).toBe(false);
    expect(report.problems.map((p) => [p.where.replace(/\(.*\)/, "()"), p.messageId, p.params?.field])).toEqual([
      ["CFItems[2] ()", "competencies.import.duplicateIdentifier", undefined],
      ["CFItems[3] ()", "competencies.import.missingField", "identifier"],
      ["CFItems[4] ()", "competencies.import.missingField", "fullStatement"],
      ["CFAssociations[2] ()", "competencies.import.missingField", "destinationNodeURI"],
      ["CFAssociations[3] ()", "competencies.import.notObject", undefined],
    ]);
    // Once the items are right, the cycle is named on each item in it.
    const onlyCycle = pkgWith({
      CFItems: (cyclic.CFItems as unknown[]).slice(0, 2),
      CFAssociations: (cyclic.CFAssociations as unknown[]).slice(0, 2),
    });
    const cycle = await competencies().importCase(admin, { ownerId: centre.id, package: onlyCycle });
    expect(cycle.problems).toEqual([
      { where: `CFItems (${a})`, messageId: "competencies.import.cycle" },
      { where: `CFItems (${b})`, messageId: "competencies.import.cycle" },
    ]);
    const huge = pkgWith({ CFItems: Array.from({ length: 10_001 }, (_, i) => ({ identifier: `i${i}`, fullStatement: "x" })) });
    expect((await competencies().importCase(admin, { ownerId: centre.id, package: huge })).problems).toEqual([
      { where: "CFItems", messageId: "competencies.import.tooMany", params: { max: 10_000 } },
    ]);
    expect((await competencies().importCase(admin, { ownerId: centre.id, package: "{ not json" })).problems).toEqual([
      { where: "CFPackage", messageId: "competencies.import.notJson" },
    ]);
    expect(
      (await competencies().importCase(admin, { ownerId: centre.id, package: `"${"x".repeat(9_000_000)}"` })).problems[0],
    ).toMatchObject({
      messageId: "competencies.import.tooLarge",
    });
    expect((await competencies().importCase(admin, { ownerId: centre.id, package: { CFItems: [] } })).problems).toEqual([
      { where: "CFDocument", messageId: "competencies.import.noDocument" },
    ]);
    expect(await counts()).toEqual(before);
    // A centre's admin may import for their centre only.
    const other = await createCentre(runtime.services);
    await expect(competencies().importCase(admin, { ownerId: other.id, package: pkgWith({}) })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  test("the public CASE reads answer published frameworks only, by loosely written identifiers", async () => {
    const { framework } = await createPublishedFramework(runtime.services);
    const docs = await competencies().caseDocuments();
    expect(docs.CFDocuments.map((d) => d.identifier)).toContain(framework.identifier);
    const item = framework.items.find((i) => i.code === "1.A")!;
    expect(await competencies().caseItem(item.identifier.toUpperCase())).toMatchObject({
      identifier: item.identifier,
      humanCodingScheme: "1.A",
    });
    const links = await competencies().caseItemAssociations(item.identifier);
    expect(links.CFAssociations.map((a) => a.associationType)).toEqual(["isChildOf", "isChildOf"]);
    const draft = await competencies().startNewVersion(secretariat(), framework.id, "en");
    await expect(competencies().casePackage(draft.identifier)).rejects.toMatchObject({ code: "not_found" });
    expect((await competencies().casePackage(framework.identifier)).CFItems).toHaveLength(6);
  });
});
