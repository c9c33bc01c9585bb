import type { CentreInput, FacilityInput, GovernanceTermInput, MembershipInput, OrganisationInput } from "../domain/network/validation.ts";
import { found, type Seed, system } from "./context.ts";

/**
 * The real IIOE network, from ../shared/data/iioe-network.json and the 2025 ecosystem article:
 * what is not in the sources stays empty (no invented ordinals or dates). Positions are the host
 * cities' well-known coordinates. Partner universities marked "(fictional)" are demo content.
 */

export const instituteSlug = "iioe";

type OrganisationSeed = OrganisationInput & { slug: string };

const realOrganisations: OrganisationSeed[] = [
  {
    slug: instituteSlug,
    kind: "institute",
    name: "International Institute of Online Education (IIOE)",
    names: {
      en: "International Institute of Online Education (IIOE)",
      fr: "Institut international d’éducation en ligne (IIOE)",
      es: "Instituto Internacional de Educación en Línea (IIOE)",
      ru: "Международный институт онлайн-образования (IIOE)",
      zh: "国际网络教育学院（IIOE）",
      ar: "المعهد الدولي للتعليم عبر الإنترنت (IIOE)",
    },
    country: "CN",
    city: "Shenzhen",
  },
  {
    slug: "unesco-ichei",
    kind: "international_org",
    name: "International Centre for Higher Education Innovation under the auspices of UNESCO (UNESCO-ICHEI)",
    names: {
      fr: "Centre international pour l’innovation dans l’enseignement supérieur sous l’égide de l’UNESCO (UNESCO-ICHEI)",
      es: "Centro Internacional para la Innovación en la Educación Superior bajo los auspicios de la UNESCO (UNESCO-ICHEI)",
      ru: "Международный центр инноваций в высшем образовании под эгидой ЮНЕСКО (UNESCO-ICHEI)",
      zh: "联合国教科文组织高等教育创新中心（UNESCO-ICHEI）",
      ar: "المركز الدولي للابتكار في التعليم العالي تحت رعاية اليونسكو (UNESCO-ICHEI)",
    },
    country: "CN",
    city: "Shenzhen",
  },
  { slug: "unesco-priority-africa", kind: "international_org", name: "UNESCO Priority Africa and External Relations Sector" },
  { slug: "unesco-abuja", kind: "international_org", name: "UNESCO Abuja Office", country: "NG", city: "Abuja" },
  {
    slug: "unesco-eastern-africa",
    kind: "international_org",
    name: "UNESCO regional office for Eastern Africa",
    country: "KE",
    city: "Nairobi",
  },
  { slug: "unesco-cairo", kind: "international_org", name: "UNESCO Cairo Office", country: "EG", city: "Cairo" },
  { slug: "ng-federal-ministry-of-education", kind: "government", name: "Federal Ministry of Education of Nigeria", country: "NG" },
  { slug: "ng-nuc", kind: "government", name: "National Universities Commission (NUC)", country: "NG" },
  { slug: "ahmadu-bello-university", kind: "university", name: "Ahmadu Bello University (ABU)", country: "NG", city: "Zaria" },
  { slug: "university-of-nairobi", kind: "university", name: "University of Nairobi", country: "KE", city: "Nairobi" },
  { slug: "ke-ministry-of-education", kind: "government", name: "Kenya Ministry of Education", country: "KE" },
  {
    slug: "eg-ministry-of-higher-education",
    kind: "government",
    name: "Egyptian Ministry of Higher Education and Scientific Research",
    names: { ar: "وزارة التعليم العالي والبحث العلمي المصرية" },
    country: "EG",
  },
  {
    slug: "eg-supreme-council-of-universities",
    kind: "government",
    name: "Supreme Council of Universities",
    names: { ar: "المجلس الأعلى للجامعات" },
    country: "EG",
  },
  {
    slug: "ain-shams-university",
    kind: "university",
    name: "Ain Shams University (ASU)",
    names: { ar: "جامعة عين شمس" },
    country: "EG",
    city: "Cairo",
  },
  { slug: "uet-lahore", kind: "university", name: "University of Engineering and Technology (UET), Lahore", country: "PK", city: "Lahore" },
  { slug: "mulungushi-university", kind: "university", name: "Mulungushi University", country: "ZM", city: "Kabwe" },
  { slug: "university-of-cape-coast", kind: "university", name: "University of Cape Coast (UCC)", country: "GH", city: "Cape Coast" },
  {
    slug: "university-of-belgrade-faculty-of-education",
    kind: "university",
    name: "University of Belgrade, Faculty of Education",
    names: { ru: "Белградский университет, педагогический факультет" },
    country: "RS",
    city: "Belgrade",
  },
  {
    slug: "rs-ministry-of-education",
    kind: "government",
    name: "Ministry of Education, Science and Technological Development of the Republic of Serbia",
    country: "RS",
  },
  {
    slug: "netdragon",
    kind: "enterprise",
    name: "NetDragon Websoft Holdings Limited",
    names: { zh: "网龙网络控股有限公司" },
    country: "CN",
  },
  {
    slug: "craie",
    kind: "university",
    name: "Center for Robotics and Artificial Intelligence in Education (CRAIE)",
    country: "RS",
    city: "Belgrade",
  },
  { slug: "ilea", kind: "international_org", name: "International Leading Education Alliance (ILEA)" },
  {
    slug: "kyrgyz-national-university",
    kind: "university",
    name: "Kyrgyz National University (KNU)",
    names: { ru: "Кыргызский национальный университет (КНУ)" },
    country: "KG",
    city: "Bishkek",
  },
];

/** A centre whose references name organisations by slug; resolved to ids when seeding. */
type CentreSeed = Omit<CentreInput, "hostOrganisationId" | "operatorOrganisationId" | "foundingPartnerIds"> & {
  slug: string;
  host?: string;
  operator?: string;
  foundingPartners?: string[];
  smartClassroom?: FacilityInput;
};

const centres: CentreSeed[] = [
  {
    slug: "iioe-nigeria",
    kind: "national_centre",
    name: "IIOE Nigeria National Centre",
    names: {
      fr: "Centre national IIOE du Nigeria",
      es: "Centro Nacional IIOE de Nigeria",
      ru: "Национальный центр IIOE в Нигерии",
      zh: "IIOE尼日利亚国家中心",
      ar: "مركز IIOE الوطني في نيجيريا",
    },
    country: "NG",
    city: "Zaria",
    latitude: 11.0855,
    longitude: 7.7199,
    host: "ahmadu-bello-university",
    establishedOn: "2022-04-20",
    languages: ["en"],
    foundingPartners: [
      "unesco-ichei",
      "unesco-priority-africa",
      "unesco-abuja",
      "ng-federal-ministry-of-education",
      "ng-nuc",
      "ahmadu-bello-university",
    ],
  },
  {
    slug: "iioe-kenya",
    kind: "national_centre",
    name: "IIOE Kenya National Centre",
    names: {
      fr: "Centre national IIOE du Kenya",
      es: "Centro Nacional IIOE de Kenia",
      ru: "Национальный центр IIOE в Кении",
      zh: "IIOE肯尼亚国家中心",
      ar: "مركز IIOE الوطني في كينيا",
    },
    country: "KE",
    city: "Nairobi",
    latitude: -1.2864,
    longitude: 36.8172,
    host: "university-of-nairobi",
    establishedOn: "2022-04-25",
    languages: ["en"],
    foundingPartners: ["unesco-ichei", "university-of-nairobi", "unesco-eastern-africa", "ke-ministry-of-education"],
    smartClassroom: { name: "Smart Classroom, University of Nairobi", inauguratedOn: "2022-04-25" },
  },
  {
    slug: "iioe-egypt",
    kind: "national_centre",
    name: "IIOE Egypt National Centre",
    names: {
      fr: "Centre national IIOE d’Égypte",
      es: "Centro Nacional IIOE de Egipto",
      ru: "Национальный центр IIOE в Египте",
      zh: "IIOE埃及国家中心",
      ar: "مركز IIOE الوطني في مصر",
    },
    country: "EG",
    city: "Cairo",
    latitude: 30.0444,
    longitude: 31.2357,
    host: "ain-shams-university",
    establishedOn: "2022-05-11",
    languages: ["ar"],
    foundingPartners: [
      "unesco-ichei",
      "unesco-cairo",
      "eg-ministry-of-higher-education",
      "eg-supreme-council-of-universities",
      "ain-shams-university",
    ],
  },
  {
    slug: "iioe-pakistan",
    kind: "national_centre",
    name: "IIOE Pakistan National Centre",
    names: {
      fr: "Centre national IIOE du Pakistan",
      es: "Centro Nacional IIOE de Pakistán",
      ru: "Национальный центр IIOE в Пакистане",
      zh: "IIOE巴基斯坦国家中心",
      ar: "مركز IIOE الوطني في باكستان",
    },
    country: "PK",
    city: "Lahore",
    latitude: 31.5204,
    longitude: 74.3587,
    host: "uet-lahore",
    languages: ["en"],
  },
  {
    slug: "iioe-zambia",
    kind: "national_centre",
    name: "IIOE Zambia National Centre",
    names: {
      fr: "Centre national IIOE de Zambie",
      es: "Centro Nacional IIOE de Zambia",
      ru: "Национальный центр IIOE в Замбии",
      zh: "IIOE赞比亚国家中心",
      ar: "مركز IIOE الوطني في زامبيا",
    },
    country: "ZM",
    city: "Kabwe",
    latitude: -14.4469,
    longitude: 28.4464,
    host: "mulungushi-university",
    languages: ["en"],
  },
  {
    slug: "iioe-ghana",
    kind: "national_centre",
    name: "IIOE Ghana National Centre",
    names: {
      fr: "Centre national IIOE du Ghana",
      es: "Centro Nacional IIOE de Ghana",
      ru: "Национальный центр IIOE в Гане",
      zh: "IIOE加纳国家中心",
      ar: "مركز IIOE الوطني في غانا",
    },
    ordinal: 13,
    country: "GH",
    city: "Cape Coast",
    latitude: 5.1053,
    longitude: -1.2466,
    host: "university-of-cape-coast",
    establishedOn: "2025-07-31",
    languages: ["en"],
    focusAreas: ["university networks", "faculty capacity", "policy dialogue"],
    // The source names three of the five partners ("and two other partners").
    smartClassroom: { name: "UCC Smart Classroom", inauguratedOn: "2025-07-31", partners: ["IIOE", "SUSTech", "University of Cape Coast"] },
  },
  {
    slug: "iioe-serbia",
    kind: "national_centre",
    name: "IIOE Serbia National Centre",
    names: {
      fr: "Centre national IIOE de Serbie",
      es: "Centro Nacional IIOE de Serbia",
      ru: "Национальный центр IIOE в Сербии",
      zh: "IIOE塞尔维亚国家中心",
      ar: "مركز IIOE الوطني في صربيا",
    },
    ordinal: 14,
    country: "RS",
    city: "Belgrade",
    latitude: 44.7866,
    longitude: 20.4489,
    host: "university-of-belgrade-faculty-of-education",
    operator: "craie",
    establishedOn: "2025",
    languages: ["sr"],
    foundingPartners: ["rs-ministry-of-education", "university-of-belgrade-faculty-of-education", "netdragon"],
    focusAreas: [
      "regional university network for digital and AI in higher education",
      "AI and robotics education",
      "national dialogues and professional exchanges",
      "co-creation and sharing of IIOE online courses",
      "flexible training models",
    ],
  },
  {
    slug: "iioe-singapore",
    kind: "training_centre",
    name: "IIOE Singapore Training Centre",
    names: {
      fr: "Centre de formation IIOE de Singapour",
      es: "Centro de Formación IIOE de Singapur",
      ru: "Учебный центр IIOE в Сингапуре",
      zh: "IIOE新加坡培训中心",
      ar: "مركز IIOE للتدريب في سنغافورة",
    },
    country: "SG",
    city: "Singapore",
    latitude: 1.3521,
    longitude: 103.8198,
    establishedOn: "2025-10-23",
    languages: ["en"],
    foundingPartners: ["unesco-ichei", "ilea"],
    focusAreas: ["Healthy Lifestyle Coach Certification (HLCC), Asia-Pacific hub"],
  },
  {
    slug: "iioe-kyrgyzstan",
    kind: "national_centre",
    name: "IIOE Kyrgyzstan National Centre",
    names: {
      fr: "Centre national IIOE du Kirghizistan",
      es: "Centro Nacional IIOE de Kirguistán",
      ru: "Национальный центр IIOE в Кыргызстане",
      zh: "IIOE吉尔吉斯斯坦国家中心",
      ar: "مركز IIOE الوطني في قيرغيزستان",
    },
    ordinal: 15,
    country: "KG",
    city: "Bishkek",
    latitude: 42.8746,
    longitude: 74.5698,
    host: "kyrgyz-national-university",
    establishedOn: "2025-11",
    languages: ["ru", "ky"],
    focusAreas: [
      "regular regional training on new IIOE courses and tools",
      "gathering needs of partner institutions in Russian-speaking and Central Asian regions",
      "connecting local networks",
    ],
    smartClassroom: { name: "KNU Smart Classroom", inauguratedOn: "2025-09" },
  },
];

const governance: (Omit<GovernanceTermInput, "holderOrganisationId"> & { holder: string })[] = [
  { year: 2021, role: "rotating_presidency", holder: "uet-lahore" },
  { year: 2024, role: "rotating_presidency", holder: "ahmadu-bello-university" },
];

type DemoMember = { name: string; names?: OrganisationInput["names"]; joinedOn: string; agreement?: string };

const demoAgreement = "Demo memorandum of understanding (fictional)";

/** Fictional partner universities, per centre, so directory and centre pages have content. */
const demoMembers: Record<string, DemoMember[]> = {
  "iioe-nigeria": [
    { name: "Demo University of the Savannah (fictional)", joinedOn: "2022-06", agreement: demoAgreement },
    { name: "Demo Polytechnic of the Niger Delta (fictional)", joinedOn: "2022-09" },
    { name: "Demo College of Education, Kano Plains (fictional)", joinedOn: "2023-02" },
    { name: "Demo University of the Lagoon (fictional)", joinedOn: "2023-10", agreement: demoAgreement },
    { name: "Demo Federal University of the Plateau (fictional)", joinedOn: "2024-05" },
  ],
  "iioe-kenya": [
    { name: "Demo University of the Rift Valley (fictional)", joinedOn: "2022-05", agreement: demoAgreement },
    { name: "Demo Technical University of the Coast (fictional)", joinedOn: "2022-11" },
    { name: "Demo Highlands University (fictional)", joinedOn: "2023-03" },
    { name: "Demo Lakeside University (fictional)", joinedOn: "2023-09" },
    { name: "Demo Institute of Open Learning (fictional)", joinedOn: "2024-06", agreement: demoAgreement },
  ],
  "iioe-egypt": [
    { name: "Demo Nile Delta University (fictional)", names: { ar: "جامعة دلتا النيل التجريبية (خيالية)" }, joinedOn: "2022-07" },
    { name: "Demo University of the Western Desert (fictional)", joinedOn: "2022-12", agreement: demoAgreement },
    { name: "Demo Mediterranean Institute of Technology (fictional)", joinedOn: "2023-06" },
    { name: "Demo Sinai Open University (fictional)", joinedOn: "2024-02" },
  ],
  "iioe-pakistan": [
    { name: "Demo Indus Valley University (fictional)", joinedOn: "2023-01" },
    { name: "Demo University of Applied Sciences, Five Rivers (fictional)", joinedOn: "2023-08", agreement: demoAgreement },
    { name: "Demo Karakoram Institute of Technology (fictional)", joinedOn: "2024-03" },
    { name: "Demo University of the Thar (fictional)", joinedOn: "2024-11" },
  ],
  "iioe-zambia": [
    { name: "Demo Copperbelt Institute of Technology (fictional)", joinedOn: "2023-04" },
    { name: "Demo Zambezi University (fictional)", joinedOn: "2023-11", agreement: demoAgreement },
    { name: "Demo Luangwa College of Education (fictional)", joinedOn: "2024-07" },
  ],
  "iioe-ghana": [
    { name: "Demo University of the Volta (fictional)", joinedOn: "2025-08", agreement: demoAgreement },
    { name: "Demo Forest Belt Technical University (fictional)", joinedOn: "2025-09" },
    { name: "Demo Gold Coast College of Education (fictional)", joinedOn: "2025-10" },
    { name: "Demo Northern Savannah University (fictional)", joinedOn: "2025-11" },
  ],
  "iioe-serbia": [
    { name: "Demo University of the Danube (fictional)", joinedOn: "2025-09", agreement: demoAgreement },
    { name: "Demo Sava Institute of Technology (fictional)", joinedOn: "2025-10" },
    { name: "Demo Morava Teachers’ College (fictional)", joinedOn: "2025-11" },
    { name: "Demo Balkan Open University (fictional)", joinedOn: "2025-12" },
  ],
  "iioe-singapore": [
    { name: "Demo Straits Institute of Health Sciences (fictional)", joinedOn: "2025-11", agreement: demoAgreement },
    { name: "Demo Lion City Polytechnic (fictional)", joinedOn: "2025-12" },
  ],
  "iioe-kyrgyzstan": [
    {
      name: "Demo Issyk-Kul State University (fictional)",
      names: { ru: "Демо-университет Иссык-Куля (вымышленный)" },
      joinedOn: "2025-11-26",
      agreement: demoAgreement,
    },
    {
      name: "Demo Tien Shan Technical University (fictional)",
      names: { ru: "Демо-технический университет Тянь-Шаня (вымышленный)" },
      joinedOn: "2025-11-26",
    },
    {
      name: "Demo Osh Pedagogical Institute (fictional)",
      names: { ru: "Демо-педагогический институт Оша (вымышленный)" },
      joinedOn: "2025-12",
    },
    {
      name: "Demo Chui Valley University (fictional)",
      names: { ru: "Демо-университет Чуйской долины (вымышленный)" },
      joinedOn: "2025-12",
    },
    { name: "Demo Naryn Highland College (fictional)", names: { ru: "Демо-колледж Нарына (вымышленный)" }, joinedOn: "2025-12" },
  ],
};

/** The whole network, once: the institute marks that it is there. */
export async function seedNetwork(seed: Seed): Promise<boolean> {
  const { network } = seed.services;
  if (await found(network.getOrganisation(instituteSlug, "en"))) return false;
  const ids = new Map<string, string>();
  const idOf = (slug: string) => {
    const id = ids.get(slug);
    if (!id) throw new Error(`demo data refers to unknown organisation ${slug}`);
    return id;
  };

  for (const organisation of realOrganisations) {
    ids.set(organisation.slug, (await network.createOrganisation(system, organisation, "en")).id);
  }
  for (const { host, operator, foundingPartners, smartClassroom, ...centre } of centres) {
    const created = await network.createCentre(
      system,
      {
        ...centre,
        hostOrganisationId: host ? idOf(host) : undefined,
        operatorOrganisationId: operator ? idOf(operator) : undefined,
        foundingPartnerIds: foundingPartners?.map(idOf),
      },
      "en",
    );
    ids.set(created.slug, created.id);
    if (smartClassroom) await network.addFacility(system, created.slug, smartClassroom);
  }
  for (const { holder, ...term } of governance) {
    await network.addGovernanceTerm(system, { ...term, holderOrganisationId: idOf(holder) }, "en");
  }
  for (const [centreSlug, members] of Object.entries(demoMembers)) {
    const country = centres.find((c) => c.slug === centreSlug)?.country;
    for (const { name, names, joinedOn, agreement } of members) {
      const organisation = await network.createOrganisation(system, { kind: "university", name, names, country }, "en");
      const membership: MembershipInput = { organisationId: organisation.id, joinedOn, agreement };
      await network.addMember(system, centreSlug, membership, "en");
    }
  }
  return true;
}
