import type { CohortInput, ProgrammeTranslationInput } from "../domain/programmes/validation.ts";
import { addDays, found, invitedLearner, type Seed, system } from "./context.ts";

/**
 * Demo capacity-building programmes at three centres, in their languages, built on the demo
 * courses; the fictional demo university nominates staff for the Ghana cohort, and some of them
 * are approved and under way. The people are fictional.
 */

type DemoProgramme = {
  slug: string;
  centre: string;
  defaultLocale: string;
  title: string;
  description: string;
  targetAudience: string;
  courses: { slug: string; required?: boolean }[];
  translations: Record<string, ProgrammeTranslationInput>;
  cohorts: CohortInput[];
  /** Who runs the cohorts: the centre's admin, or the secretariat (a demo account). */
  runBy: string;
};

export const demoProgrammes: DemoProgramme[] = [
  {
    slug: "teacher-digital-competence-kg",
    centre: "iioe-kyrgyzstan",
    defaultLocale: "ru",
    title: "Цифровые компетенции преподавателя вуза",
    description:
      "Программа повышения квалификации для преподавателей вузов Кыргызстана: цифровая грамотность, смешанное обучение и проектирование онлайн-курса.\n\nКаждая группа проходит курсы вместе, с живыми занятиями и наставниками Национального центра IIOE.",
    targetAudience: "Преподаватели и методисты вузов",
    courses: [
      { slug: "digital-literacy-for-teachers-kg" },
      { slug: "blended-learning-design-kg" },
      { slug: "digital-pedagogy-for-higher-education", required: false },
    ],
    translations: {
      en: {
        title: "Digital competence for university teachers",
        description:
          "A professional development programme for university teachers in Kyrgyzstan: digital literacy, blended learning and designing an online course.\n\nEach cohort takes the courses together, with live sessions and mentors from the IIOE National Centre.",
        targetAudience: "University teachers and instructional designers",
        status: "ready",
      },
    },
    cohorts: [
      {
        name: "Весна 2027",
        startsOn: "2027-03-01",
        endsOn: "2027-05-28",
        locale: "ru",
        capacity: 40,
        enrolmentMode: "nomination",
        institutionQuota: 10,
        status: "open",
      },
    ],
    runBy: "kg.admin@orbis.example",
  },
  {
    slug: "blended-teaching-for-lecturers-gh",
    centre: "iioe-ghana",
    defaultLocale: "en",
    title: "Blended teaching for university lecturers",
    description:
      "Twelve weeks for lecturers who teach partly online: design a blended course unit, run it with your students, and check its quality against the network’s rubric.\n\nInstitutions nominate their staff; the IIOE Ghana National Centre confirms the places.",
    targetAudience: "Lecturers and heads of department at partner universities",
    courses: [
      { slug: "blended-learning-design-gh" },
      { slug: "quality-assurance-of-online-courses" },
      { slug: "digital-pedagogy-for-higher-education", required: false },
    ],
    translations: {
      fr: {
        title: "Enseignement hybride pour les enseignants universitaires",
        description: "Douze semaines pour concevoir une unité de cours hybride, l’enseigner et en vérifier la qualité.",
        targetAudience: "Enseignants et chefs de département des universités partenaires",
        status: "ready",
      },
    },
    cohorts: [
      {
        name: "February 2027",
        startsOn: "2027-02-01",
        endsOn: "2027-04-30",
        locale: "en",
        capacity: 60,
        enrolmentMode: "nomination",
        institutionQuota: 30,
        status: "open",
        facilitatorEmails: ["gh.admin@orbis.example"],
      },
      {
        name: "Open cohort 2027",
        startsOn: "2027-05-03",
        endsOn: "2027-07-30",
        locale: "en",
        capacity: 100,
        enrolmentMode: "open",
        status: "open",
      },
    ],
    runBy: "gh.admin@orbis.example",
  },
  {
    slug: "ai-in-university-teaching-eg",
    centre: "iioe-egypt",
    defaultLocale: "ar",
    title: "الذكاء الاصطناعي في التدريس الجامعي",
    description:
      "برنامج لأعضاء هيئة التدريس لاستخدام أدوات الذكاء الاصطناعي في التخطيط والتدريس والتقييم، بمسؤولية ووعي بحدودها.\n\nيدرس المشاركون معًا في مجموعة واحدة مع جلسات مباشرة يقدّمها المركز الوطني في مصر.",
    targetAudience: "أعضاء هيئة التدريس ومعاونوهم",
    courses: [{ slug: "ai-in-teaching-eg" }],
    translations: {
      en: {
        title: "AI in university teaching",
        description: "A programme for faculty on using AI tools to plan, teach and assess, responsibly and aware of their limits.",
        targetAudience: "Faculty members and teaching assistants",
        status: "ready",
      },
    },
    cohorts: [
      {
        name: "الدفعة الأولى 2027",
        startsOn: "2027-01-17",
        endsOn: "2027-03-25",
        locale: "ar",
        capacity: 80,
        enrolmentMode: "open",
        status: "open",
      },
    ],
    runBy: "secretariat@orbis.example",
  },
];

/** Staff of the fictional demo university, nominated for the Ghana cohort; the first five approved. */
const demoNominees = [
  { name: "Abena Owusu (demo)", email: "abena.owusu@savannah.example", department: "Education", jobTitle: "Lecturer" },
  { name: "Kwame Boateng (demo)", email: "kwame.boateng@savannah.example", department: "Computer Science", jobTitle: "Senior lecturer" },
  { name: "Efua Asante (demo)", email: "efua.asante@savannah.example", department: "Nursing", jobTitle: "Lecturer" },
  { name: "Yaw Darko (demo)", email: "yaw.darko@savannah.example", department: "Agriculture", jobTitle: "Head of department" },
  { name: "Akosua Mensah (demo)", email: "akosua.mensah@savannah.example", department: "Languages", jobTitle: "Tutor" },
  { name: "Kofi Adjei (demo)", email: "kofi.adjei@savannah.example", department: "Engineering", jobTitle: "Lecturer" },
  { name: "Ama Serwaa (demo)", email: "ama.serwaa@savannah.example", department: "Business", jobTitle: "Lecturer" },
  { name: "Nana Agyeman (demo)", email: "nana.agyeman@savannah.example", department: "Library", jobTitle: "Librarian" },
];
const APPROVED = 5;
const demoInstitutionAdmin = "institution.admin@orbis.example";

/**
 * The demo programmes and their cohorts, made by the staff who run them, once: the first one's
 * slug marks that they are there. Five weeks before the day the demo is loaded, the demo
 * university nominates its staff for the Ghana cohort; the centre approves five, who are under
 * way by a fortnight ago.
 */
export async function seedProgrammes(seed: Seed): Promise<boolean> {
  const { catalogue, network, programmes } = seed.services;
  if (await found(programmes.getProgramme(demoProgrammes[0]!.slug, "en", system))) return false;
  const cohortIds = new Map<string, string>();
  for (const demo of demoProgrammes) {
    const runner = await seed.account(demo.runBy);
    const courses = [];
    for (const { slug, required } of demo.courses) {
      courses.push({ courseId: (await catalogue.getCourse(slug, "en")).id, required: required ?? true });
    }
    const programme = await programmes.createProgramme(
      runner,
      {
        slug: demo.slug,
        ownerCentreId: (await network.getOrganisation(demo.centre, "en")).id,
        defaultLocale: demo.defaultLocale,
        status: "published",
        title: demo.title,
        description: demo.description,
        targetAudience: demo.targetAudience,
        courses,
      },
      "en",
    );
    for (const [locale, text] of Object.entries(demo.translations))
      await programmes.translateProgramme(runner, programme.id, locale, text, "en");
    for (const cohort of demo.cohorts) {
      const created = await programmes.createCohort(runner, programme.id, cohort, "en");
      cohortIds.set(`${demo.slug}/${cohort.name}`, created.id);
    }
  }

  const ghanaCohort = cohortIds.get("blended-teaching-for-lecturers-gh/February 2027")!;
  seed.travelTo(addDays(seed.today, -35));
  const nominator = await seed.account(demoInstitutionAdmin);
  const nominated = [];
  for (const nominee of demoNominees) nominated.push(await programmes.nominate(nominator, ghanaCohort, nominee, "en"));
  const approved = nominated.slice(0, APPROVED);
  const centreAdmin = await seed.account("gh.admin@orbis.example");
  await programmes.decide(centreAdmin, { nominationIds: approved.map((n) => n.id), decision: "approved" }, "en");

  seed.travelTo(addDays(seed.today, -14));
  await firstCourseUnderWay(
    seed,
    approved.map((n) => n.user),
  );
  return true;
}

/** The approved nominees work on their first course themselves: the first two finished it, the others started it. */
async function firstCourseUnderWay(seed: Seed, people: { id: string; email: string; name: string }[]) {
  const { catalogue, learning } = seed.services;
  const slug = "blended-learning-design-gh";
  const lessons = (await catalogue.getCourse(slug, "en")).syllabus.flatMap((m) => m.lessons);
  for (const [index, person] of people.entries()) {
    const learner = invitedLearner(person, "en");
    for (const lesson of index < 2 ? lessons : lessons.slice(0, 1)) {
      await learning.player(learner, slug, lesson.id, learner.locale);
      await learning.markDone(learner, slug, lesson.id);
    }
  }
}
