import { count, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { createRubricService } from "../domain/catalogue/rubric.ts";
import { courses, rubricCriteria } from "../domain/catalogue/schema.ts";
import { createCatalogueService } from "../domain/catalogue/service.ts";
import { createWorkflowService } from "../domain/catalogue/workflow.ts";
import { createEventsService } from "../domain/events/service.ts";
import { organisations } from "../domain/network/schema.ts";
import { createNetworkService } from "../domain/network/service.ts";
import { noMail } from "../domain/notifications/service.ts";
import type { Actor } from "../domain/shared/actor.ts";
import { isDomainError } from "../domain/shared/errors.ts";
import type { FileStorage } from "../infra/storage.ts";
import type { Services } from "../services.ts";
import { demoCourses, seedCatalogue } from "./catalogue.ts";
import { demoEventsSeeded, seedDemoEvents } from "./events.ts";
import { seedDemoLearning, withDemoQuizzes } from "./learning.ts";
import { withDemoMedia } from "./media.ts";
import { instituteSlug, seedNetworkRegistry } from "./network.ts";
import { demoPassword, demoPeople } from "./people.ts";
import { seedDemoProgrammes } from "./programmes.ts";
import { demoPublisher, seedAdaptation, seedRubric } from "./quality.ts";

/** The seed acts as a platform administrator that is nobody in particular. */
const seedActor: Actor = {
  userId: "00000000-0000-0000-0000-000000000000",
  email: "seed@orbis.invalid",
  name: "Demo data",
  locale: "en",
  roles: [{ role: "platform_admin", organisationId: null }],
};

/** Serialises seeding between app servers starting at once on the same PostgreSQL. */
const SEED_LOCK = 7264002;

/**
 * Loads demo data on an empty database ("auto"), whenever it is missing ("always"), or never.
 * Safe to run again: the registry and the courses are each written in one transaction or not at
 * all, and each demo account is created only if it does not exist, so a run that stopped half way
 * is completed.
 * Returns whether anything was added.
 */
export async function seedDemoIfWanted(db: Database, services: Services, policy: "auto" | "always" | "never"): Promise<boolean> {
  if (policy === "never") return false;
  if (policy === "auto") {
    const [row] = await db.select({ n: count() }).from(organisations);
    if (row && row.n > 0) return false;
  }
  const registry = await seedRegistry(db);
  // People first: the demo reviewer's account signs the demo courses' reviews.
  const people = await seedPeople(services);
  const rubric = await seedQualityRubric(db);
  const catalogue = await seedCourses(db, services.media.storage);
  const learning = await seedLearning(db);
  const programmes = await seedProgrammes(db);
  const events = await seedEvents(db);
  return registry || catalogue || people || rubric || learning || programmes || events;
}

async function seedRegistry(db: Database): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const [institute] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, instituteSlug));
    if (institute) return false;
    await seedNetworkRegistry(createNetworkService({ db: tx }), seedActor);
    return true;
  });
}

/** The quality rubric, once: any criterion marks that it is there. */
async function seedQualityRubric(db: Database): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const [seeded] = await tx.select({ id: rubricCriteria.id }).from(rubricCriteria).limit(1);
    if (seeded) return false;
    await seedRubric(createRubricService({ db: tx }), seedActor);
    return true;
  });
}

/**
 * The demo courses, all or none, once: their first slug marks that they are there. Each is
 * published through a recorded review; one is adapted by another centre.
 */
async function seedCourses(db: Database, storage: FileStorage): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const [seeded] = await tx.select({ id: courses.id }).from(courses).where(eq(courses.slug, demoCourses[0]!.slug));
    if (seeded) return false;
    const catalogue = createCatalogueService({ db: tx });
    const network = createNetworkService({ db: tx });
    const rubric = createRubricService({ db: tx });
    const workflow = createWorkflowService({ db: tx, outbox: noMail, publicUrl: "", rubric });
    const publish = withDemoMedia(tx, storage, seedActor, withDemoQuizzes(tx, seedActor, await demoPublisher(tx)));
    await seedCatalogue(catalogue, network, seedActor, publish);
    await seedAdaptation({ catalogue, workflow, network }, seedActor, publish);
    return true;
  });
}

/** The demo learners' enrolments and progress, once. */
async function seedLearning(db: Database): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    return seedDemoLearning(tx);
  });
}

/** The demo programmes, their cohorts and the demo university's nominations, once. */
/** The events and their participants, all or none, once. */
async function seedEvents(db: Database): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (await demoEventsSeeded(tx)) return false;
    // Demo registrations send no mail.
    const events = createEventsService({ db: tx, mailer: { send: async () => {} }, publicUrl: "http://localhost" });
    await seedDemoEvents(tx, events, createNetworkService({ db: tx }), seedActor, new Date());
    return true;
  });
}

async function seedProgrammes(db: Database): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    return seedDemoProgrammes(tx);
  });
}

async function seedPeople(services: Services): Promise<boolean> {
  let added = false;
  for (const person of demoPeople) {
    const roles = [];
    for (const { role, organisation } of person.roles) {
      roles.push({ role, organisationId: organisation ? (await services.network.getOrganisation(organisation, "en")).id : null });
    }
    try {
      await services.identity.createUser({ email: person.email, name: person.name, password: demoPassword, locale: person.locale, roles });
      added = true;
    } catch (error) {
      if (!(isDomainError(error) && error.code === "duplicate_email")) throw error;
    }
  }
  return added;
}
