import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";

let demo: TestRuntime;
const competencies = () => demo.services.competencies;

beforeAll(async () => {
  demo = await createTestRuntime({ demo: true });
});
afterAll(async () => {
  await demo?.close();
});

describe("the demo competency frameworks", () => {
  test("ICT CFT v3: six aspects at three levels, eighteen competencies, owned by UNESCO; English where a language is missing", async () => {
    const cft = await competencies().getFramework(null, "unesco-ict-cft-v3", "zh");
    expect(cft).toMatchObject({ status: "published", owner: { slug: "unesco" }, licence: "CC BY-SA 3.0 IGO", shownLocale: "en" });
    expect(cft.levels.map((l) => [l.code, l.name])).toEqual([
      ["KA", "知识获取"],
      ["KD", "知识深化"],
      ["KC", "知识创造"],
    ]);
    const areas = cft.items.filter((i) => i.kind === "area");
    const competences = cft.items.filter((i) => i.kind === "competency");
    expect(areas).toHaveLength(6);
    expect(competences).toHaveLength(18);
    for (const level of cft.levels) expect(competences.filter((c) => c.levelId === level.id)).toHaveLength(6);
    expect((await competencies().getFramework(null, "unesco-ict-cft-v3", "fr")).title).toBe(
      "Référentiel UNESCO de compétences TIC pour les enseignants (version 3)",
    );
  });

  test("DigCompEdu: six areas, twenty-two competences, A1 to C2", async () => {
    const dig = await competencies().getFramework(null, "digcompedu", "en");
    expect(dig.items.filter((i) => i.kind === "area")).toHaveLength(6);
    expect(dig.items.filter((i) => i.kind === "competency")).toHaveLength(22);
    expect(dig.levels.map((l) => l.code)).toEqual(["A1", "A2", "B1", "B2", "C1", "C2"]);
  });

  test("the example national framework is labelled as such and crosswalked to ICT CFT; courses and a programme are aligned", async () => {
    const national = await competencies().getFramework(null, "example-national-digital-competence", "en");
    expect(national.title).toContain("not an official framework");
    const view = await competencies().crosswalkView(null, national.slug, "unesco-ict-cft-v3", "en");
    expect(view.rows.flatMap((r) => r.matches.map((m) => `${r.item.code} ${m.kind} ${m.item.code}`))).toEqual([
      "N1 exact 1.1",
      "N2 related 2.2",
      "N2 narrower 3",
      "N3 exact 3.2",
      "N4 broader 6.2",
    ]);
    const cft = await competencies().getFramework(null, "unesco-ict-cft-v3", "en");
    const taught = await competencies().whereTaught(null, cft.slug, "en");
    const literacy = cft.items.find((i) => i.code === "6.1")!;
    expect(taught[literacy.id]!.map((t) => `${t.target}:${t.slug}`).sort()).toEqual([
      "course:digital-literacy-for-teachers-kg",
      "programme:teacher-digital-competence-kg",
    ]);
    const pkg = await competencies().casePackage(national.identifier);
    expect(pkg.CFAssociations.filter((a) => a.associationType !== "isChildOf")).toHaveLength(5);
  });
});
