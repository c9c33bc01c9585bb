import { hash } from "@node-rs/argon2";
import { asc, eq, inArray, like } from "drizzle-orm";
import type { Transaction } from "../db/client.ts";
import { eventRegistrations, events } from "../domain/events/schema.ts";
import type { EventsService } from "../domain/events/service.ts";
import { instantToZonedTime, zonedTimeToInstant } from "../domain/events/time.ts";
import type { EventInput } from "../domain/events/validation.ts";
import { users } from "../domain/identity/schema.ts";
import { facilities, organisations } from "../domain/network/schema.ts";
import type { NetworkService } from "../domain/network/service.ts";
import type { Actor } from "../domain/shared/actor.ts";
import { demoPassword } from "./people.ts";

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

/** A day `days` from today at a wall-clock time in `zone`, as the service reads it. */
function dayFromNow(now: Date, days: number, time: string, zone: string): string {
  const date = instantToZonedTime(new Date(now.getTime() + days * 24 * 60 * 60 * 1000), zone).slice(0, 10);
  return `${date}T${time}`;
}

function plusHours(local: string, zone: string, hours: number): string {
  const start = zonedTimeToInstant(local, zone)!;
  return new Date(start.getTime() + hours * 60 * 60 * 1000).toISOString();
}

async function idsBySlug(tx: Transaction, slugs: string[]) {
  const rows = await tx
    .select({ id: organisations.id, slug: organisations.slug })
    .from(organisations)
    .where(inArray(organisations.slug, slugs));
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** The upcoming demo events, relative to the day the demo data is loaded so they stay upcoming. */
async function upcomingEvents(tx: Transaction, now: Date): Promise<EventInput[]> {
  const ids = await idsBySlug(tx, [
    "iioe-ghana",
    "iioe-kenya",
    "iioe-pakistan",
    "iioe-serbia",
    "iioe-zambia",
    "iioe-kyrgyzstan",
    "unesco-ichei",
  ]);
  const id = (slug: string) => ids.get(slug)!;
  const classroom = async (centre: string) =>
    (
      await tx
        .select({ id: facilities.id })
        .from(facilities)
        .where(eq(facilities.centreId, id(centre)))
    )[0]?.id;
  const event = (
    centre: string,
    zone: string,
    days: number,
    time: string,
    hours: number,
    fields: Omit<EventInput, "centreId" | "timeZone" | "startsAt" | "endsAt">,
  ): EventInput => {
    const startsAt = dayFromNow(now, days, time, zone);
    return { centreId: id(centre), timeZone: zone, startsAt, endsAt: plusHours(startsAt, zone, hours), ...fields };
  };
  return [
    event("iioe-ghana", "Africa/Accra", 7, "10:00", 2, {
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
    event("iioe-kenya", "Africa/Nairobi", 14, "09:30", 3, {
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
    event("iioe-pakistan", "Asia/Karachi", 21, "15:00", 2, {
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
    event("iioe-serbia", "Europe/Belgrade", 30, "11:00", 3, {
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
      organisers: [{ organisationId: id("unesco-ichei"), role: "partner" }],
    }),
    event("iioe-zambia", "Africa/Lusaka", 45, "10:00", 2, {
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
    event("iioe-kyrgyzstan", "Asia/Bishkek", 10, "14:00", 2, {
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
  ];
}

/**
 * The KNU workshop with its (fictional) participants and attendance, and the upcoming demo events.
 * Participants are written in bulk with one shared demo password hash: hashing hundreds of
 * passwords one by one would slow every start on an empty database.
 */
export async function seedDemoEvents(tx: Transaction, eventsService: EventsService, network: NetworkService, actor: Actor, now: Date) {
  const ids = await idsBySlug(tx, ["iioe-kyrgyzstan", "kyrgyz-national-university"]);
  const centreId = ids.get("iioe-kyrgyzstan")!;
  const workshop = await eventsService.createEvent(
    actor,
    {
      slug: knuWorkshopSlug,
      kind: "workshop",
      centreId,
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
      organisers: ids.get("kyrgyz-national-university")
        ? [{ organisationId: ids.get("kyrgyz-national-university")!, role: "host" }]
        : undefined,
    },
    "en",
  );

  const universities = [];
  for (const university of demoUniversities) {
    universities.push(await network.createOrganisation(actor, { kind: "university", country: "KG", ...university }, "en"));
  }
  const centre = await network.getCentre("iioe-kyrgyzstan", "en");
  const institutionIds = [...centre.members.map((m) => m.organisation.id), ...universities.map((u) => u.id)];

  const passwordHash = await hash(demoPassword);
  const participants = Array.from({ length: WORKSHOP_REGISTRATIONS }, (_, i) => {
    const n = String(i + 1).padStart(3, "0");
    return {
      email: `participant${n}@kg.demo.orbis.example`,
      name: `${firstNames[i % firstNames.length]} ${lastNames[Math.floor(i / firstNames.length) % lastNames.length]} ${n} (demo)`,
      passwordHash,
      locale: "ru",
    };
  });
  const inserted = await tx.insert(users).values(participants).returning({ id: users.id });
  const registeredAt = new Date("2025-11-20T06:00:00Z");
  const attendedAt = new Date("2025-11-26T08:05:00Z");
  await tx.insert(eventRegistrations).values(
    inserted.map((user, i) => ({
      eventId: workshop.id,
      userId: user.id,
      status: "registered",
      organisationId: institutionIds[i % institutionIds.length]!,
      country: "KG",
      createdAt: new Date(registeredAt.getTime() + i * 60_000),
      updatedAt: new Date(registeredAt.getTime() + i * 60_000),
      attendedAt: i < WORKSHOP_ATTENDED ? attendedAt : null,
      checkInMethod: i < WORKSHOP_ATTENDED ? ("code" as const) : null,
      reminderSentAt: new Date("2025-11-25T08:00:00Z"),
    })),
  );
  // Written in bulk past `register`, so the places taken are set here too.
  await tx.update(events).set({ registeredCount: inserted.length }).where(eq(events.id, workshop.id));

  for (const input of await upcomingEvents(tx, now)) await eventsService.createEvent(actor, input, "en");
  await seedInstitutionStaffAtEvents(tx, eventsService, actor, now);
}

const demoInstitution = "demo-university-of-the-savannah-fictional";

/**
 * The demo university's nominees (seeded with the programmes) at the Ghana centre's events in the
 * university's name: most attended last month's briefing, a few registered for the coming webinar,
 * so its institution report has events to show. Written in bulk like the workshop's participants.
 */
async function seedInstitutionStaffAtEvents(tx: Transaction, eventsService: EventsService, actor: Actor, now: Date) {
  const ids = await idsBySlug(tx, ["iioe-ghana", demoInstitution]);
  const institutionId = ids.get(demoInstitution);
  const staff = await tx.select({ id: users.id }).from(users).where(like(users.email, "%@savannah.example")).orderBy(asc(users.email));
  if (!institutionId || !ids.get("iioe-ghana") || !staff.length) return;
  const startsAt = dayFromNow(now, -21, "10:00", "Africa/Accra");
  const briefing = await eventsService.createEvent(
    actor,
    {
      slug: "ghana-briefing-for-nominees-demo",
      kind: "webinar",
      centreId: ids.get("iioe-ghana")!,
      defaultLocale: "en",
      title: "Briefing for the nominees of the blended teaching programme (demo)",
      description: "A fictional online briefing of the demo data for the staff partner universities nominated.",
      startsAt,
      endsAt: plusHours(startsAt, "Africa/Accra", 1),
      timeZone: "Africa/Accra",
      mode: "online",
      joinUrl: "https://meet.example.org/ghana-briefing-demo",
      languages: ["en"],
    },
    "en",
  );
  const [webinar] = await tx.select({ id: events.id }).from(events).where(eq(events.slug, "ghana-webinar-blended-teaching-demo"));
  const attendedAt = new Date(new Date(briefing.startsAt).getTime() + 5 * 60_000);
  const attending = staff.length - 2;
  const rows = [
    ...staff.map((person, i) => ({
      eventId: briefing.id,
      userId: person.id,
      status: "registered",
      organisationId: institutionId,
      country: "GH",
      attendedAt: i < attending ? attendedAt : null,
      checkInMethod: i < attending ? ("code" as const) : null,
    })),
    ...(webinar
      ? staff
          .slice(0, 3)
          .map((person) => ({ eventId: webinar.id, userId: person.id, status: "registered", organisationId: institutionId, country: "GH" }))
      : []),
  ];
  await tx.insert(eventRegistrations).values(rows);
  for (const eventId of [briefing.id, webinar?.id]) {
    if (eventId)
      await tx
        .update(events)
        .set({ registeredCount: rows.filter((r) => r.eventId === eventId).length })
        .where(eq(events.id, eventId));
  }
}

/** Whether the events demo is already there: the workshop's slug marks it. */
export async function demoEventsSeeded(tx: Transaction): Promise<boolean> {
  const [row] = await tx.select({ id: events.id }).from(events).where(eq(events.slug, knuWorkshopSlug));
  return !!row;
}
