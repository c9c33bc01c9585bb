import type { FrameworkDto } from "../domain/competencies/dto.ts";
import type { OrganisationInput } from "../domain/network/validation.ts";
import { type DemoFramework, type DemoItem, digCompEdu, exampleNational, ictCft } from "./competency-frameworks.ts";
import { found, type Seed, system } from "./context.ts";

const unesco: OrganisationInput = {
  slug: "unesco",
  kind: "international_org",
  name: "United Nations Educational, Scientific and Cultural Organization (UNESCO)",
  names: {
    fr: "Organisation des Nations Unies pour l’éducation, la science et la culture (UNESCO)",
    es: "Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura (UNESCO)",
    ru: "Организация Объединённых Наций по вопросам образования, науки и культуры (ЮНЕСКО)",
    zh: "联合国教育、科学及文化组织（教科文组织）",
    ar: "منظمة الأمم المتحدة للتربية والعلم والثقافة (اليونسكو)",
  },
  country: "FR",
  city: "Paris",
};

const jrc: OrganisationInput = {
  slug: "european-commission-jrc",
  kind: "international_org",
  name: "European Commission, Joint Research Centre (JRC)",
  names: { fr: "Commission européenne, Centre commun de recherche (JRC)" },
};

async function organisationId(seed: Seed, input: OrganisationInput): Promise<string> {
  const { network } = seed.services;
  if (await found(network.getOrganisation(input.slug!, "en"))) return (await network.getOrganisation(input.slug!, "en")).id;
  return (await network.createOrganisation(system, input, "en")).id;
}

/** Writes a framework as its owner would: the draft, its items depth first, the translations of its title and levels. */
async function writeFramework(seed: Seed, ownerId: string, demo: DemoFramework): Promise<FrameworkDto> {
  const { competencies } = seed.services;
  let framework = await competencies.createFramework(
    system,
    {
      ownerId,
      slug: demo.slug,
      defaultLocale: "en",
      title: demo.title,
      description: demo.description,
      creator: demo.creator,
      licence: demo.licence,
      licenceUri: demo.licenceUri ?? null,
      officialSourceUrl: demo.officialSourceUrl ?? null,
      levels: demo.levels.map(({ code, name }) => ({ code, name })),
    },
    "en",
  );
  const flat = demo.items.flatMap((area) => [
    {
      kind: area.children ? ("area" as const) : ("competency" as const),
      code: area.code,
      title: area.title,
      description: area.description,
      levelCode: area.level ?? null,
    },
    ...(area.children ?? []).map((c: DemoItem) => ({
      kind: "competency" as const,
      code: c.code,
      parentCode: area.code,
      title: c.title,
      description: c.description,
      levelCode: c.level ?? null,
    })),
  ]);
  framework = await competencies.addItems(system, framework.id, { items: flat }, "en");
  for (const locale of ["fr", "es", "ru", "zh", "ar"] as const) {
    const levels = demo.levels.flatMap((level) => {
      const name = level.names?.[locale];
      const id = framework.levels.find((l) => l.code === level.code)!.id;
      return name ? [{ id, name }] : [];
    });
    const title = demo.titles[locale];
    if (title || levels.length)
      framework = await competencies.addTranslation(system, framework.id, locale, { status: "ready", title, levels }, "en");
  }
  return framework;
}

/** Aligns demo courses, a programme and an event to ICT CFT competencies, as their centres' teams would. */
async function alignDemoContent(seed: Seed, cft: FrameworkDto) {
  const { competencies, catalogue, programmes } = seed.services;
  const item = (code: string) => cft.items.find((i) => i.code === code)!.id;
  const level = (code: string) => cft.levels.find((l) => l.code === code)!.id;
  const courses: [string, string, string][] = [
    ["digital-literacy-for-teachers-kg", "6.1", "KA"],
    ["digital-literacy-for-teachers-kg", "4.1", "KA"],
    ["digital-pedagogy-for-higher-education", "3.1", "KA"],
    ["digital-pedagogy-for-higher-education", "3.2", "KD"],
    ["blended-learning-design-kg", "2.2", "KD"],
    ["blended-learning-design-gh", "2.2", "KD"],
    ["ai-in-teaching-eg", "4.2", "KD"],
    ["learning-analytics-for-course-designers", "2.3", "KC"],
    ["quality-assurance-of-online-courses", "1.2", "KD"],
    ["inclusive-education-in-practice", "5.2", "KD"],
  ];
  for (const [slug, code, lvl] of courses) {
    const course = await catalogue.getCourse(slug, "en", system);
    await competencies.align(system, { itemId: item(code), levelId: level(lvl), target: "course", targetId: course.id }, "en");
  }
  const programme = await programmes.getProgramme("teacher-digital-competence-kg", "en", system);
  for (const code of ["4.1", "6.1", "2.2"]) {
    await competencies.align(
      system,
      { itemId: item(code), levelId: level(code === "2.2" ? "KD" : "KA"), target: "programme", targetId: programme.id },
      "en",
    );
  }
}

/**
 * The competency frameworks, once: ICT CFT marks that they are there. UNESCO's and the JRC's
 * frameworks belong to them (outside bodies, managed by the secretariat); the example national
 * framework belongs to the Kyrgyz centre, which crosswalks it to ICT CFT before publishing it.
 */
export async function seedCompetencies(seed: Seed): Promise<boolean> {
  const { competencies, network } = seed.services;
  if (await found(competencies.getFramework(system, ictCft.slug, "en"))) return false;
  const cft = await writeFramework(seed, await organisationId(seed, unesco), ictCft);
  await competencies.publishFramework(system, cft.id, "en");
  const dig = await writeFramework(seed, await organisationId(seed, jrc), digCompEdu);
  await competencies.publishFramework(system, dig.id, "en");
  const centre = await network.getOrganisation("iioe-kyrgyzstan", "en");
  const national = await writeFramework(seed, centre.id, exampleNational);
  for (const link of exampleNational.crosswalks) {
    const fromItemId = national.items.find((i) => i.code === link.code)!.id;
    const toItemId = cft.items.find((i) => i.code === link.to)!.id;
    await competencies.addCrosswalk(system, national.id, { fromItemId, toItemId, kind: link.kind }, "en");
  }
  await competencies.publishFramework(system, national.id, "en");
  await alignDemoContent(seed, cft);
  return true;
}
