import { count, eq, sql } from "drizzle-orm";
import { courses } from "../domain/catalogue/schema.ts";
import { createCatalogueService } from "../domain/catalogue/service.ts";
import type { Actor } from "../domain/identity/actor.ts";
import { organisations } from "../domain/network/schema.ts";
import { createNetworkService } from "../domain/network/service.ts";
import { isDomainError } from "../domain/shared/errors.ts";
import type { Services } from "../services.ts";
import type { Database } from "./client.ts";
import { demoCourses, seedCatalogue } from "./demo/catalogue.ts";
import { instituteSlug, seedNetworkRegistry } from "./demo/network.ts";
import { demoPassword, demoPeople } from "./demo/people.ts";

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
  const catalogue = await seedCourses(db);
  const people = await seedPeople(services);
  return registry || catalogue || people;
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

/** The demo courses, all or none, once: their first slug marks that they are there. */
async function seedCourses(db: Database): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const [seeded] = await tx.select({ id: courses.id }).from(courses).where(eq(courses.slug, demoCourses[0]!.slug));
    if (seeded) return false;
    await seedCatalogue(createCatalogueService({ db: tx }), createNetworkService({ db: tx }), seedActor);
    return true;
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
