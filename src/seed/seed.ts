import type { Runtime } from "../runtime.ts";
import { seedCourses } from "./catalogue.ts";
import { seedCertifications } from "./certifications.ts";
import { seedCompetencies } from "./competencies.ts";
import { addDays, inTransaction, type Seed, type SeedTarget } from "./context.ts";
import { seedEvents } from "./events.ts";
import { seedLearning } from "./learning.ts";
import { seedNetwork } from "./network.ts";
import { seedPeople } from "./people.ts";
import { seedProgrammes } from "./programmes.ts";
import { seedRubric } from "./quality.ts";
import { seedSitePages } from "./site-pages.ts";

export type { SeedTarget };

/** What a server or the command line seeds: its own database and file storage. */
export function seedTargetOf({ config, database, services }: Runtime): SeedTarget {
  return { db: database.db, storage: services.media.storage, publicUrl: config.publicUrl };
}

/** When the network, its people and its courses were set up: a Monday before the KNU workshop. */
const setUp = new Date("2025-11-03T09:00:00Z");

/**
 * The demo's story, part by part, in order, with when each begins. The network, its people and
 * its courses are set up before the one real event (the KNU workshop of November 2025, in
 * events.ts); programmes, nominations, the learners' progress and the centres' announcements come
 * in the weeks before the day the demo is loaded (`today`), so what is upcoming stays upcoming.
 */
const story: { write: (seed: Seed) => Promise<boolean>; from: (today: Date) => Date }[] = [
  { write: seedNetwork, from: () => setUp },
  { write: seedSitePages, from: () => setUp },
  // People after the network: their roles are held in its organisations.
  { write: seedPeople, from: () => setUp },
  { write: seedRubric, from: () => setUp },
  { write: seedCourses, from: () => setUp },
  { write: seedLearning, from: (today) => addDays(today, -7) },
  { write: seedProgrammes, from: (today) => addDays(today, -42) },
  // Events after programmes: the demo university's nominees attend a briefing.
  { write: seedEvents, from: (today) => addDays(today, -42) },
  // Frameworks last: the centres align courses and programmes written above.
  { write: seedCompetencies, from: (today) => addDays(today, -30) },
  // Certifications after frameworks (they align to ICT CFT) and learning (the demo learner's practicum follows their course).
  { write: seedCertifications, from: (today) => addDays(today, -5) },
];

/**
 * Loads the demo data through the services, as the people in it would have written it: on an
 * empty database ("auto"), wherever it is missing ("always"), or never. Each part is written in
 * one transaction or not at all, and only if it is not there yet, so a run that stopped half way
 * is completed by "always". On an empty database ("auto", a server's first start) all parts are
 * written in one transaction: a process killed half way leaves the database empty, not half
 * seeded, and the next start seeds it again. Returns whether anything was added.
 */
export async function seedDemoIfWanted(target: SeedTarget, policy: "auto" | "always" | "never"): Promise<boolean> {
  if (policy === "never") return false;
  const today = target.now?.() ?? new Date();
  if (policy === "always") return seedParts(target, today);
  return target.db.transaction(async (tx) => {
    // Each part's savepoint takes the seed lock, held to the end of this transaction: a second
    // server starting beside this one waits here, then finds the registry filled and adds nothing.
    const within: SeedTarget = { ...target, db: tx as unknown as SeedTarget["db"] };
    const registry = await inTransaction(within, today, today, (seed) => seed.services.network.listOrganisations({ limit: 1 }, "en"));
    if (registry.total > 0) return false;
    return seedParts(within, today);
  });
}

async function seedParts(target: SeedTarget, today: Date): Promise<boolean> {
  let added = false;
  for (const { write, from } of story) {
    if (await inTransaction(target, today, from(today), write)) added = true;
    target.progress?.(write.name);
  }
  return added;
}
