import type { EventDto } from "../domain/events/dto.ts";
import type { EventInput } from "../domain/events/validation.ts";
import type { Actor } from "../domain/shared/actor.ts";
import { actorOf, addDays, found, invitedLearner, type Seed, system } from "./context.ts";

/**
 * Events: the one real event of the sources (Kyrgyz National University's online workshop of
 * 26 November 2025 introducing the IIOE Russian-language platform to 400+ educators from 50+
 * universities) and upcoming events marked "(demo)". The workshop's participants, their
 * universities and its time of day are fictional; so is everything about the demo events.
 */

export const knuWorkshopSlug = "knu-russian-language-platform-workshop-2025";

const kgPlaces: [string, string][] = [
  ["Talas", "Таласский"],
  ["Jalal-Abad", "Джалал-Абадский"],
  ["Batken", "Баткенский"],
  ["Karakol", "Каракольский"],
  ["Tokmok", "Токмокский"],
  ["Kara-Balta", "Кара-Балтинский"],
  ["Uzgen", "Узгенский"],
  ["Kant", "Кантский"],
  ["Balykchy", "Балыкчинский"],
  ["Kochkor", "Кочкорский"],
  ["At-Bashy", "Ат-Башинский"],
  ["Cholpon-Ata", "Чолпон-Атинский"],
  ["Toktogul", "Токтогульский"],
  ["Kyzyl-Kiya", "Кызыл-Кийский"],
  ["Kara-Suu", "Кара-Суйский"],
  ["Nookat", "Ноокатский"],
];
const kgKinds: [string, string][] = [
  ["State University", "государственный университет"],
  ["Pedagogical Institute", "педагогический институт"],
  ["Technical College", "технический колледж"],
];

/** 48 fictional Kyrgyz institutions: with the centre's five demo members, "50+ universities". */
const demoUniversities = kgPlaces.flatMap(([place, placeRu]) =>
  kgKinds.map(([kind, kindRu]) => ({
    name: `${place} ${kind} (demo)`,
    names: { ru: `${placeRu} ${kindRu} (демо)` },
  })),
);

const firstNames = [
  "Aida",
  "Bakyt",
  "Cholpon",
  "Dinara",
  "Elmira",
  "Farkhad",
  "Gulnara",
  "Iskender",
  "Jyldyz",
  "Kanat",
  "Meerim",
  "Nurlan",
];
const lastNames = ["Abdyldaeva", "Bekov", "Chynybaeva", "Djumabaev", "Ermekova", "Isakov", "Kasymova", "Mamatov", "Orozova", "Sydykov"];

const WORKSHOP_REGISTRATIONS = 436;
const WORKSHOP_ATTENDED = 412;
/** The workshop's story: announced, then registered for a minute apart from the morning of 20 November. */
const announced = new Date("2025-11-10T09:00:00Z");
const registrationsFrom = new Date("2025-11-20T06:00:00Z");

const demoInstitution = "demo-university-of-the-savannah-fictional";
const webinarSlug = "ghana-webinar-blended-teaching-demo";

/** The wall-clock time `time` on the day `days` after `today` in `zone`, as an organiser types it ("2026-03-09T10:00"). */
function dayFromToday(today: Date, days: number, time: string, zone: string): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    addDays(today, days),
  );
  return `${day}T${time}`;
}

/** The events, their participants and attendance, once: the workshop's slug marks that they are there. */
export async function seedEvents(seed: Seed): Promise<boolean> {
  const { events } = seed.services;
  if (await found(events.getEvent(knuWorkshopSlug, "en"))) return false;
  await seedKnuWorkshop(seed);
  // Six weeks before the day the demo is loaded, the centres announce what is coming.
  seed.travelTo(addDays(seed.today, -42));
  for (const input of await upcomingEvents(seed)) await events.createEvent(system, input, "en");
  await seedInstitutionStaffAtEvents(seed);
  return true;
}

/**
 * The KNU workshop and its (fictional) participants, who register and check in with the
 * workshop's code themselves, so its places taken and attendance are what they did. Their
 * accounts are made in one batch as invited accounts, whose password nobody knows (like the
 * nominees'): hashing hundreds of passwords one by one would slow every start on an empty database.
 */
async function seedKnuWorkshop(seed: Seed) {
  const { events, identity, network } = seed.services;
  seed.travelTo(announced);
  const centre = await network.getCentre("iioe-kyrgyzstan", "en");
  const workshop = await events.createEvent(
    system,
    {
      slug: knuWorkshopSlug,
      kind: "workshop",
      centreId: centre.id,
      defaultLocale: "ru",
      title: "Знакомство с русскоязычной платформой IIOE",
      description:
        "Онлайн-семинар Кыргызского национального университета: возможности русскоязычной платформы IIOE и экосистема курсов IIOE " +
        "для преподавателей и администраторов вузов Кыргызстана. (Время начала и участники в демонстрационных данных вымышлены.)",
      translations: {
        en: {
          title: "Introducing the IIOE Russian-language platform",
          description:
            "Kyrgyz National University's online workshop on the features of the IIOE Russian-language platform and IIOE's course " +
            "ecosystem, for educators and administrators of universities across Kyrgyzstan. (The time of day and the participants in the demo data are fictional.)",
          status: "ready",
        },
      },
      startsAt: "2025-11-26T14:00",
      endsAt: "2025-11-26T16:00",
      timeZone: "Asia/Bishkek",
      mode: "online",
      joinUrl: "https://meet.example.org/knu-platform-workshop",
      languages: ["ru"],
      capacity: 500,
      registrationClosesAt: "2025-11-26T13:00",
      organisers: [{ organisationId: (await network.getOrganisation("kyrgyz-national-university", "en")).id, role: "host" }],
    },
    "en",
  );
  const universities = [];
  for (const university of demoUniversities) {
    universities.push(await network.createOrganisation(system, { kind: "university", country: "KG", ...university }, "en"));
  }
  const institutionIds = [...centre.members.map((m) => m.organisation.id), ...universities.map((u) => u.id)];

  const participants = Array.from({ length: WORKSHOP_REGISTRATIONS }, (_, i) => {
    const n = String(i + 1).padStart(3, "0");
    return {
      email: `participant${n}@kg.demo.orbis.example`,
      name: `${firstNames[i % firstNames.length]} ${lastNames[Math.floor(i / firstNames.length) % lastNames.length]} ${n} (demo)`,
    };
  });
  seed.travelTo(registrationsFrom);
  const accounts = new Map(
    (await identity.createInvitedAccounts(seed.tx, participants, { locale: "ru", now: registrationsFrom })).map((a) => [a.email, a]),
  );
  const people = participants.map(({ email }) => {
    const account = accounts.get(email)!;
    return invitedLearner({ id: account.userId, email, name: account.name }, "ru");
  });
  for (const [i, person] of people.entries()) {
    seed.travelTo(new Date(registrationsFrom.getTime() + i * 60_000));
    const registration = await events.register(person, workshop.id, {
      organisationId: institutionIds[i % institutionIds.length],
      country: "KG",
    });
    // The universities confirmed their staff, all but the last few, who still wait on the affiliations page.
    if (i < people.length - DEMO_AFFILIATIONS_PENDING) await events.decideAffiliation(system, registration.id, { decision: "confirmed" });
  }
  await attend(seed, workshop, people.slice(0, WORKSHOP_ATTENDED));
}

/** Demo registrations made in a university's name that it has not confirmed yet. */
const DEMO_AFFILIATIONS_PENDING = 5;

/** The upcoming demo events, placed from the day the demo is loaded so they stay upcoming. */
async function upcomingEvents(seed: Seed): Promise<EventInput[]> {
  const { network } = seed.services;
  const event = async (
    centre: string,
    zone: string,
    days: number,
    from: string,
    to: string,
    fields: Omit<EventInput, "centreId" | "timeZone" | "startsAt" | "endsAt">,
  ): Promise<EventInput> => ({
    centreId: (await network.getCentre(centre, "en")).id,
    timeZone: zone,
    startsAt: dayFromToday(seed.today, days, from, zone),
    endsAt: dayFromToday(seed.today, days, to, zone),
    ...fields,
  });
  const classroom = async (centre: string) => (await network.getCentre(centre, "en")).facilities[0]?.id;
  return Promise.all([
    event("iioe-ghana", "Africa/Accra", 7, "10:00", "12:00", {
      slug: "ghana-webinar-blended-teaching-demo",
      kind: "webinar",
      defaultLocale: "en",
      title: "Designing blended courses for large classes (demo)",
      description: "A fictional webinar of the demo data: how lecturers plan blended courses for classes of several hundred students.",
      translations: { fr: { title: "Concevoir des cours hybrides pour de grands groupes (démo)", status: "ready" } },
      mode: "online",
      joinUrl: "https://meet.example.org/ghana-blended-demo",
      languages: ["en"],
      interpretationLanguages: ["fr"],
      capacity: 300,
    }),
    event("iioe-kenya", "Africa/Nairobi", 14, "09:30", "12:30", {
      slug: "kenya-hybrid-workshop-smart-classroom-demo",
      kind: "workshop",
      defaultLocale: "en",
      title: "Teaching with the smart classroom: a hybrid workshop (demo)",
      description: "A fictional hands-on workshop of the demo data, in the smart classroom and online at the same time.",
      mode: "hybrid",
      facilityId: await classroom("iioe-kenya"),
      joinUrl: "https://meet.example.org/kenya-hybrid-demo",
      languages: ["en"],
      interpretationLanguages: ["sw"],
      capacity: 40,
    }),
    event("iioe-pakistan", "Asia/Karachi", 21, "15:00", "17:00", {
      slug: "pakistan-training-assessment-online-demo",
      kind: "training_session",
      defaultLocale: "en",
      title: "Online assessment that works on slow connections (demo)",
      description: "A fictional training session of the demo data for faculty of partner universities.",
      mode: "online",
      joinUrl: "https://meet.example.org/pakistan-assessment-demo",
      languages: ["en", "ur"],
      capacity: 250,
    }),
    event("iioe-serbia", "Europe/Belgrade", 30, "11:00", "14:00", {
      slug: "serbia-policy-dialogue-ai-higher-education-demo",
      kind: "policy_dialogue",
      defaultLocale: "en",
      title: "National dialogue on AI in higher education (demo)",
      description: "A fictional policy dialogue of the demo data between universities, the ministry and industry partners.",
      translations: { ru: { title: "Национальный диалог об ИИ в высшем образовании (демо)", status: "ready" } },
      mode: "on_site",
      venue: "Faculty of Education, University of Belgrade (demo venue)",
      languages: ["sr", "en"],
      interpretationLanguages: ["en"],
      capacity: 120,
      organisers: [{ organisationId: (await network.getOrganisation("unesco-ichei", "en")).id, role: "partner" }],
    }),
    event("iioe-zambia", "Africa/Lusaka", 45, "10:00", "12:00", {
      slug: "zambia-course-repository-launch-demo",
      kind: "launch_ceremony",
      defaultLocale: "en",
      title: "Launch of a national course repository (demo)",
      description: "A fictional launch ceremony of the demo data.",
      mode: "hybrid",
      venue: "Mulungushi University (demo venue)",
      joinUrl: "https://meet.example.org/zambia-launch-demo",
      languages: ["en"],
    }),
    event("iioe-kyrgyzstan", "Asia/Bishkek", 10, "14:00", "16:00", {
      slug: "knu-smart-classroom-course-design-demo",
      kind: "workshop",
      defaultLocale: "ru",
      title: "Проектирование онлайн-курса в смарт-классе КНУ (демо)",
      description: "Вымышленный практический семинар демонстрационных данных: небольшая группа, лист ожидания.",
      translations: { en: { title: "Designing an online course in the KNU smart classroom (demo)", status: "ready" } },
      mode: "hybrid",
      facilityId: await classroom("iioe-kyrgyzstan"),
      joinUrl: "https://meet.example.org/knu-course-design-demo",
      languages: ["ru"],
      interpretationLanguages: ["ky"],
      capacity: 25,
    }),
  ]);
}

/**
 * The demo university's nominees (seeded with the programmes) at the Ghana centre's events in the
 * university's name: four weeks before the day the demo is loaded they register for the briefing
 * a week later, which most of them attend, and a few for the coming webinar; so its institution
 * report has events to show.
 */
async function seedInstitutionStaffAtEvents(seed: Seed) {
  const { events, identity, network } = seed.services;
  const startsAt = dayFromToday(seed.today, -21, "10:00", "Africa/Accra");
  const briefing = await events.createEvent(
    system,
    {
      slug: "ghana-briefing-for-nominees-demo",
      kind: "webinar",
      centreId: (await network.getOrganisation("iioe-ghana", "en")).id,
      defaultLocale: "en",
      title: "Briefing for the nominees of the blended teaching programme (demo)",
      description: "A fictional online briefing of the demo data for the staff partner universities nominated.",
      startsAt,
      endsAt: dayFromToday(seed.today, -21, "11:00", "Africa/Accra"),
      timeZone: "Africa/Accra",
      mode: "online",
      joinUrl: "https://meet.example.org/ghana-briefing-demo",
      languages: ["en"],
    },
    "en",
  );
  const affiliation = { organisationId: (await network.getOrganisation(demoInstitution, "en")).id, country: "GH" };
  const { items } = await identity.listUsers(system, { q: "@savannah.example", limit: 100 });
  const staff = items.sort((a, b) => (a.email < b.email ? -1 : 1)).map(actorOf);

  seed.travelTo(addDays(seed.today, -28));
  // The university confirmed its staff at the briefing; their webinar places still wait on its affiliations page.
  for (const person of staff) {
    const place = await events.register(person, briefing.id, affiliation);
    await events.decideAffiliation(system, place.id, { decision: "confirmed" });
  }
  for (const person of staff.slice(0, 3)) await events.register(person, webinarSlug, affiliation);
  await attend(seed, briefing, staff.slice(0, staff.length - 2));
}

/** People check in themselves with the event's code, five minutes after it starts. */
async function attend(seed: Seed, event: EventDto, people: Actor[]) {
  const { events } = seed.services;
  seed.travelTo(new Date(new Date(event.startsAt).getTime() + 5 * 60_000));
  const { checkInCode } = await events.getEvent(event.id, "en", system);
  if (!checkInCode) throw new Error(`demo events: no check-in code for ${event.slug}`);
  for (const person of people) await events.checkIn(person, event.id, { code: checkInCode });
}
