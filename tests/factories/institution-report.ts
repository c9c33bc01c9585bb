import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../src/db/client.ts";
import type { RegistrationStatus } from "../../src/domain/events/dto.ts";
import { eventRegistrations, events, eventTranslations } from "../../src/domain/events/schema.ts";
import { enrolments } from "../../src/domain/learning/schema.ts";
import type { Services } from "../../src/services.ts";
import { createCentre, createOrganisation } from "./network.ts";
import { createProgrammeWithCohort } from "./programmes.ts";
import { createSignedInUser, createUser } from "./users.ts";

type Runtime = { services: Services; database: { db: Database } };

/** An event of the centre, written directly: its times are fixed in 2030, past or future alike. */
async function fixedEvent(db: Database, centreId: string, title: string, startsAt: string) {
  const start = new Date(startsAt);
  const [row] = await db
    .insert(events)
    .values({
      slug: `event-${crypto.randomUUID().slice(0, 8)}`,
      kind: "webinar",
      centreId,
      defaultLocale: "en",
      startsAt: start,
      endsAt: new Date(start.getTime() + 2 * 60 * 60 * 1000),
      timeZone: "Africa/Accra",
      mode: "online",
      checkInCode: "ABCDEF",
    })
    .returning({ id: events.id });
  await db.insert(eventTranslations).values({ eventId: row!.id, locale: "en", title });
  return row!.id;
}

/**
 * Savannah University's staff across one programme and a few events, with a neighbour's
 * (Lakeside's) person in the same cohort and events, so a report can be checked figure by figure:
 *
 * - Abena: nominated, approved, completed the required course; registered for the April webinar
 *   in Savannah's name and attended; also went to another event on her own account.
 * - Kwame: nominated, approved, nothing completed; attended the cohort's live session (on his own
 *   account); waiting for the May webinar in Savannah's name; cancelled another registration.
 * - Efua: nominated, declined; registered for the April webinar, did not attend.
 * - Yaw: nominated, approved, then removed from the cohort (withdrawn).
 * - Zainab: no cohort; attended the April webinar in Savannah's name.
 * - Otieno (Lakeside): nominated, approved; attended the April webinar for Lakeside.
 */
export async function institutionReportScenario(runtime: Runtime) {
  const { services } = runtime;
  const db = runtime.database.db;
  const centre = await createCentre(services, { country: "GH" });
  const savannah = await createOrganisation(services, { name: `Savannah Report University ${crypto.randomUUID().slice(0, 6)}` });
  const lakeside = await createOrganisation(services, {
    name: `Lakeside Report University ${crypto.randomUUID().slice(0, 6)}`,
    country: "KE",
  });
  const savannahAdmin = await createSignedInUser(services, { roles: [{ role: "institution_admin", organisationId: savannah.id }] });
  const lakesideAdmin = await createSignedInUser(services, { roles: [{ role: "institution_admin", organisationId: lakeside.id }] });
  const staff = await createSignedInUser(services, { roles: [{ role: "centre_staff", organisationId: centre.id }] });
  const { programme, cohort, courses } = await createProgrammeWithCohort(runtime, centre.id, {}, staff);

  const nominate = (admin: typeof savannahAdmin, name: string, jobTitle = "") =>
    services.programmes.nominate(
      admin,
      cohort.id,
      {
        name,
        email: `${name.toLowerCase()}-${crypto.randomUUID().slice(0, 6)}@report.test`,
        jobTitle,
      },
      "en",
    );
  const abena = await nominate(savannahAdmin, "Abena", "Lecturer");
  const kwame = await nominate(savannahAdmin, "Kwame");
  const efua = await nominate(savannahAdmin, "Efua");
  const yaw = await nominate(savannahAdmin, "Yaw");
  const otieno = await nominate(lakesideAdmin, "Otieno");
  await services.programmes.decide(staff, { nominationIds: [abena.id, kwame.id, yaw.id, otieno.id], decision: "approved" }, "en");
  await services.programmes.decide(staff, { nominationIds: [efua.id], decision: "declined" }, "en");
  await services.programmes.removeParticipant(staff, cohort.id, yaw.user.id, "en");
  await db
    .update(enrolments)
    .set({ status: "completed", completedAt: new Date() })
    .where(and(eq(enrolments.userId, abena.user.id), eq(enrolments.courseId, courses[0]!.id)));

  const zainab = (await createUser(services, { name: "Zainab" })).user;
  const session = await fixedEvent(db, centre.id, "Kick-off session", "2030-03-02T09:00:00Z");
  await services.programmes.linkSession(staff, cohort.id, session, "en");
  const april = await fixedEvent(db, centre.id, "April webinar", "2030-04-10T09:00:00Z");
  const may = await fixedEvent(db, centre.id, "May webinar", "2030-05-10T09:00:00Z");
  const elsewhere = await fixedEvent(db, centre.id, "A webinar of her own", "2030-04-20T09:00:00Z");
  const attended = new Date("2030-04-10T09:05:00Z");
  const registration = (
    eventId: string,
    userId: string,
    organisationId: string | null,
    status: RegistrationStatus = "registered",
    attendedAt: Date | null = null,
  ) => ({
    eventId,
    userId,
    organisationId,
    // Confirmed by the institution: only those count in its report (events/affiliations.ts).
    affiliation: organisationId ? ("confirmed" as const) : null,
    status,
    attendedAt,
  });
  await db
    .insert(eventRegistrations)
    .values([
      registration(april, abena.user.id, savannah.id, "registered", attended),
      registration(elsewhere, abena.user.id, null, "registered", new Date("2030-04-20T09:05:00Z")),
      registration(session, kwame.user.id, null, "registered", new Date("2030-03-02T09:05:00Z")),
      registration(may, kwame.user.id, savannah.id, "waitlisted"),
      registration(elsewhere, kwame.user.id, savannah.id, "cancelled"),
      registration(april, efua.user.id, savannah.id),
      registration(april, zainab.id, savannah.id, "registered", attended),
      registration(april, otieno.user.id, lakeside.id, "registered", attended),
    ]);
  return {
    centre,
    savannah,
    lakeside,
    savannahAdmin,
    lakesideAdmin,
    staff,
    programme,
    cohort,
    people: { abena: abena.user, kwame: kwame.user, efua: efua.user, yaw: yaw.user, zainab, otieno: otieno.user },
  };
}
