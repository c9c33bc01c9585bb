/**
 * A server's first start up to the end of the demo seed (configuration from the environment,
 * migrations, SEED_DEMO), for the fault test that kills it during seeding. Prints "seeding" when
 * the seed begins, then what it found when it ends: whether it added anything and the demo's
 * landmarks, one JSON line.
 */
import { loadConfig } from "../../src/config.ts";
import { openRuntime } from "../../src/runtime.ts";
import { seedDemoIfWanted, seedTargetOf } from "../../src/seed/seed.ts";

const config = loadConfig();
const runtime = await openRuntime(config);
console.log("seeding");
const added = await seedDemoIfWanted({ ...seedTargetOf(runtime), progress: (part) => console.log(`written: ${part}`) }, config.seedDemo);
const { services } = runtime;
const [organisations, courses, events, programmes] = await Promise.all([
  services.network.listOrganisations({ limit: 1 }, "en"),
  services.catalogue.searchCourses({ limit: 1 }, "en"),
  services.events.listEvents({ limit: 1, period: "past" }, "en"),
  services.programmes.listProgrammes({ limit: 1 }, "en"),
]);
console.log(
  JSON.stringify({
    added,
    organisations: organisations.total,
    courses: courses.total,
    pastEvents: events.total,
    programmes: programmes.total,
  }),
);
await services.notifications.stop();
await runtime.database.close();
