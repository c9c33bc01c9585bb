import type { Services } from "../../src/services.ts";
import { createOrganisation, secretariat } from "./network.ts";

/**
 * A published two-level framework of an outside body: two areas, three competencies (one at
 * each level), one indicator, and a Russian translation (ready) of the framework and one area.
 */
export async function createPublishedFramework(services: Services, title = `Test framework ${crypto.randomUUID().slice(0, 6)}`) {
  const body = await createOrganisation(services, { kind: "international_org", name: `Standards body ${crypto.randomUUID().slice(0, 6)}` });
  const c = services.competencies;
  const actor = secretariat();
  let f = await c.createFramework(
    actor,
    {
      ownerId: body.id,
      defaultLocale: "en",
      title,
      description: "A framework made by a test.",
      licence: "CC BY-SA 3.0 IGO",
      licenceUri: "https://creativecommons.org/licenses/by-sa/3.0/igo/",
      levels: [
        { code: "A", name: "Acquire", description: "Knows" },
        { code: "B", name: "Deepen" },
      ],
    },
    "en",
  );
  f = await c.addItem(actor, f.id, { kind: "area", code: "1", title: "Understanding policy" }, "en");
  const area1 = f.items.at(-1)!;
  f = await c.addItem(actor, f.id, { kind: "area", code: "2", title: "Pedagogy" }, "en");
  const area2 = f.items.at(-1)!;
  f = await c.addItem(
    actor,
    f.id,
    { kind: "competency", code: "1.A", title: "Policy understanding", parentId: area1.id, levelCode: "A" },
    "en",
  );
  const comp = f.items.find((i) => i.code === "1.A")!;
  f = await c.addItem(
    actor,
    f.id,
    { kind: "competency", code: "1.B", title: "Policy application", parentId: area1.id, levelCode: "B" },
    "en",
  );
  f = await c.addItem(
    actor,
    f.id,
    {
      kind: "competency",
      code: "2.A",
      title: "Basic knowledge",
      parentId: area2.id,
      levelCode: "A",
      description: "Uses digital tools in class.",
    },
    "en",
  );
  f = await c.addItem(
    actor,
    f.id,
    { kind: "indicator", code: "1.A.1", title: "Explains the national ICT policy", parentId: comp.id },
    "en",
  );
  await c.addTranslation(
    actor,
    f.id,
    "ru",
    {
      status: "ready",
      title: `${title} (рус.)`,
      items: [{ id: area1.id, title: "Понимание политики" }],
      levels: [{ id: f.levels[0]!.id, name: "Освоение" }],
    },
    "en",
  );
  await c.publishFramework(actor, f.id, "en");
  return { owner: body, framework: await c.getFramework(null, f.id, "en") };
}
