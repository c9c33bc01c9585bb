import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { courseModules, courses, lessons } from "../domain/catalogue/schema.ts";
import { createEventsService } from "../domain/events/service.ts";
import { users } from "../domain/identity/schema.ts";
import { enrolments, lessonProgress } from "../domain/learning/schema.ts";
import { organisations } from "../domain/network/schema.ts";
import { noMail } from "../domain/notifications/service.ts";
import { programmes } from "../domain/programmes/schema.ts";
import { createProgrammesService } from "../domain/programmes/service.ts";
import type { CohortInput, ProgrammeTranslationInput } from "../domain/programmes/validation.ts";
import type { Actor, Role } from "../domain/shared/actor.ts";

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
  /** The centre admin who runs the cohorts (a demo account). */
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
const demoInstitution = "demo-university-of-the-savannah-fictional";
const demoInstitutionAdmin = "institution.admin@orbis.example";

/** A demo account as the Actor its session would resolve to, with the role it uses here. */
async function actorOf(tx: Database, email: string, role: Role, organisationId: string | null): Promise<Actor> {
  const [user] = await tx
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  if (!user) throw new Error(`demo account ${email} is missing`);
  return { userId: user.id, email: user.email, name: user.name, locale: "en", roles: [{ role, organisationId }] };
}

/** Writes the demo programmes, once: the first one's slug marks that they are there. */
export async function seedDemoProgrammes(tx: Database): Promise<boolean> {
  const [seeded] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, demoProgrammes[0]!.slug));
  if (seeded) return false;
  // The demo sends no mail: the nominees' invitations would go nowhere.
  const mailer = { send: async () => {} };
  const events = createEventsService({ db: tx, mailer, publicUrl: "http://localhost" });
  const service = createProgrammesService({ db: tx, outbox: noMail, publicUrl: "", events });
  const published = new Map(
    (await tx.select({ id: courses.id, slug: courses.slug }).from(courses).where(eq(courses.status, "published"))).map((c) => [
      c.slug,
      c.id,
    ]),
  );
  const orgIds = new Map(
    (await tx.select({ id: organisations.id, slug: organisations.slug }).from(organisations)).map((o) => [o.slug, o.id]),
  );
  const cohortIds = new Map<string, string>();
  for (const demo of demoProgrammes) {
    const centreId = orgIds.get(demo.centre);
    if (!centreId) continue;
    const runner = await actorOf(
      tx,
      demo.runBy,
      demo.runBy.startsWith("secretariat") ? "secretariat" : "centre_admin",
      demo.runBy.startsWith("secretariat") ? null : centreId,
    );
    const programme = await service.createProgramme(
      runner,
      {
        slug: demo.slug,
        ownerCentreId: centreId,
        defaultLocale: demo.defaultLocale,
        status: "published",
        title: demo.title,
        description: demo.description,
        targetAudience: demo.targetAudience,
        courses: demo.courses.flatMap((c) =>
          published.has(c.slug) ? [{ courseId: published.get(c.slug)!, required: c.required ?? true }] : [],
        ),
      },
      "en",
    );
    for (const [locale, text] of Object.entries(demo.translations))
      await service.translateProgramme(runner, programme.id, locale, text, "en");
    for (const cohort of demo.cohorts) {
      const created = await service.createCohort(runner, programme.id, cohort, "en");
      cohortIds.set(`${demo.slug}/${cohort.name}`, created.id);
    }
  }

  const ghanaCohort = cohortIds.get("blended-teaching-for-lecturers-gh/February 2027");
  const institutionId = orgIds.get(demoInstitution);
  const ghanaId = orgIds.get("iioe-ghana");
  if (!ghanaCohort || !institutionId || !ghanaId) return true;
  const nominator = await actorOf(tx, demoInstitutionAdmin, "institution_admin", institutionId);
  const ids: string[] = [];
  for (const nominee of demoNominees) ids.push((await service.nominate(nominator, ghanaCohort, nominee, "en")).id);
  const centreAdmin = await actorOf(tx, "gh.admin@orbis.example", "centre_admin", ghanaId);
  await service.decide(centreAdmin, { nominationIds: ids.slice(0, APPROVED), decision: "approved" }, "en");
  await demoProgress(
    tx,
    demoNominees.slice(0, APPROVED).map((n) => n.email),
  );
  return true;
}

/** The approved nominees are under way: the first two finished their first course, the others started it. */
async function demoProgress(tx: Database, emails: string[]) {
  const people = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  const [first] = await tx.select({ id: courses.id }).from(courses).where(eq(courses.slug, "blended-learning-design-gh"));
  if (!first) return;
  const lessonIds = (
    await tx
      .select({ id: lessons.id })
      .from(lessons)
      .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
      .where(eq(courseModules.courseId, first.id))
  ).map((l) => l.id);
  for (const [index, email] of emails.entries()) {
    const person = people.find((p) => p.email === email);
    if (!person) continue;
    const [enrolment] = await tx
      .select({ id: enrolments.id })
      .from(enrolments)
      .where(and(eq(enrolments.userId, person.id), eq(enrolments.courseId, first.id)));
    if (!enrolment) continue;
    const done = index < 2 ? lessonIds : lessonIds.slice(0, 1);
    if (done.length)
      await tx
        .insert(lessonProgress)
        .values(done.map((lessonId) => ({ enrolmentId: enrolment.id, lessonId })))
        .onConflictDoNothing();
    if (index < 2) await tx.update(enrolments).set({ status: "completed", completedAt: new Date() }).where(eq(enrolments.id, enrolment.id));
  }
}
