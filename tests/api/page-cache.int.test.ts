/**
 * The anonymous page cache's exact invalidation (decision 0017): every kind of write that changes
 * a public page changes the content version in its own transaction, so the next anonymous request
 * renders afresh, on PGlite and on PostgreSQL, also when the write was made by another server
 * (on PostgreSQL: another connection pool on the same database, as a second process has).
 */
import { sql } from "drizzle-orm";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import { rowsOf } from "../../src/domain/shared/sql.ts";
import { contentVersionReader } from "../../src/http/content-version.ts";
import { createPageCache } from "../../src/http/page-cache.ts";
import { serveShared } from "../../src/http/shared-pages.ts";
import { createServices, type Services } from "../../src/services.ts";
import { approve, createCourse } from "../factories/catalogue.ts";
import { createPublishedFramework } from "../factories/competencies.ts";
import { createEvent } from "../factories/events.ts";
import { createCentre, createOrganisation, secretariat } from "../factories/network.ts";
import { createProgrammeWithCohort } from "../factories/programmes.ts";
import { createSignedInUser } from "../factories/users.ts";
import { createMemoryMailer, createTestRuntime, type TestRuntime, testDatabaseUrl } from "../support/runtime.ts";

/** Tables no anonymous page reads, written by signed-in people's own actions: they never empty the cache. */
const untracked = [
  "api_tokens",
  "content_versions",
  "email_verifications",
  "event_calendar_feeds",
  "event_check_in_attempts",
  "lesson_progress",
  "login_failures",
  "mail_outbox",
  "password_resets",
  "quiz_attempts",
  "sessions",
];

let runtime: TestRuntime;
/** The second server's database connections: on PostgreSQL a pool of its own, on PGlite the one database. */
let other: DatabaseHandle | null = null;
let otherServices: Services;
let servers: FastifyInstance[] = [];

/** A server with the page cache in front of one "page": whatever `page` reads through its services, as HTML. */
async function pageServer(db: DatabaseHandle["db"], services: Services, page: (s: Services) => Promise<unknown>) {
  const app = Fastify();
  const caching = { cache: createPageCache(1 << 20), version: contentVersionReader(db), maxAgeMs: 60_000 };
  app.get("/page", async (request, reply) =>
    serveShared(request, reply, caching, "/page", async () => {
      const body = JSON.stringify(await page(services).catch((error: { code?: string }) => ({ error: error.code })));
      return new Response(`<!DOCTYPE html><p>${body}</p>`, { headers: { "content-type": "text/html; charset=utf-8" } });
    }),
  );
  servers.push(app);
  return app;
}

async function get(app: FastifyInstance) {
  const response = await app.inject({ url: "/page", headers: { "accept-encoding": "identity" } });
  expect(response.statusCode).toBe(200);
  return { cache: response.headers["x-orbis-cache"], body: response.body };
}

/**
 * Reads the page on this server and on the other one (both cached), makes the write on this
 * server, and checks both then render the page afresh with the write in it.
 */
async function expectFreshAfter(page: (s: Services) => Promise<unknown>, write: () => Promise<unknown>) {
  const here = await pageServer(runtime.database.db, runtime.services, page);
  const there = await pageServer((other ?? runtime.database).db, otherServices, page);
  for (const app of [here, there]) {
    await get(app);
    expect((await get(app)).cache).toBe("hit");
  }
  const before = (await get(there)).body;
  await write();
  for (const app of [here, there]) {
    const after = await get(app);
    expect(after.cache).toBe("miss");
    expect(after.body).not.toBe(before);
    expect(after.body).toBe(`<!DOCTYPE html><p>${JSON.stringify(await page(runtime.services))}</p>`);
  }
}

beforeAll(async () => {
  runtime = await createTestRuntime();
  if (runtime.database.kind === "postgres") {
    const [row] = rowsOf<{ name: string }>(await runtime.database.db.execute(sql`select current_database() as name`));
    const url = new URL(testDatabaseUrl);
    url.pathname = `/${row?.name}`;
    other = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  }
  otherServices = createServices({
    db: (other ?? runtime.database).db,
    mailer: createMemoryMailer(),
    config: { publicUrl: "http://orbis.test" },
    storage: runtime.services.media.storage,
    now: () => runtime.clock.now,
  });
});

afterAll(async () => {
  await Promise.all(servers.map((app) => app.close()));
  servers = [];
  await other?.close();
  await runtime?.close();
});

describe("content version", () => {
  test("every table public pages are made from bumps it, by a trigger, and only those named here do not", async () => {
    const rows = rowsOf<{ name: string; tracked: boolean }>(
      await runtime.database.db.execute(sql`
        select t.tablename as name, exists (
          select 1 from pg_trigger g join pg_class c on c.oid = g.tgrelid
          where c.relname = t.tablename and g.tgname = 'content_version' and not g.tgisinternal
        ) as tracked
        from pg_tables t where t.schemaname = current_schema() order by 1`),
    );
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.filter((row) => !row.tracked).map((row) => row.name)).toEqual(untracked);
  });

  test("a write in a transaction that rolls back leaves the version as it was", async () => {
    const version = contentVersionReader(runtime.database.db);
    const before = await version.current();
    await expect(
      runtime.database.db.transaction(async (tx) => {
        await tx.execute(sql`update organisations set updated_at = updated_at`);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await version.current()).toBe(before);
    await runtime.database.db.execute(sql`update organisations set updated_at = updated_at`);
    expect(BigInt(await version.current())).toBeGreaterThan(BigInt(before));
  });
});

describe("no stale page after a write, on this server and another", () => {
  const admin = secretariat();

  test("a course published, translated and archived", async () => {
    const centre = await createCentre(runtime.services);
    const course = await createCourse(runtime.services, centre.id, { publish: false });
    const page = (s: Services) => s.catalogue.getCourse(course.slug, "fr");
    await expectFreshAfter(page, async () => {
      await runtime.services.workflow.submit(admin, course.id);
      await approve(runtime.services, course.id);
    });
    await expectFreshAfter(page, () =>
      runtime.services.catalogue.addTranslation(
        admin,
        course.id,
        "fr",
        { title: "Un titre", summary: "Un résumé du cours.", description: "Une description du cours.", status: "ready" },
        "en",
      ),
    );
    await expectFreshAfter(page, () => runtime.services.workflow.archive(admin, course.id));
  });

  test("a draft course edited: its editors' pages are not cached, the catalogue's version moves all the same", async () => {
    const centre = await createCentre(runtime.services);
    const course = await createCourse(runtime.services, centre.id, { publish: false });
    const version = contentVersionReader(runtime.database.db);
    const before = BigInt(await version.current());
    await runtime.services.catalogue.updateCourse(admin, course.id, { estimatedHours: 9 }, "en");
    expect(BigInt(await contentVersionReader((other ?? runtime.database).db).current())).toBeGreaterThan(before);
  });

  test("an event created, edited, and its places taken by a registration", async () => {
    const centre = await createCentre(runtime.services);
    const list = (s: Services) => s.events.listEvents({}, "en");
    let ref = "";
    await expectFreshAfter(list, async () => {
      ref = (await createEvent(runtime.services, centre.id, runtime.clock.now, { capacity: 5 })).id;
    });
    const page = (s: Services) => s.events.getEvent(ref, "en");
    await expectFreshAfter(page, () => runtime.services.events.updateEvent(admin, ref, { capacity: 6 }, "en"));
    const person = await createSignedInUser(runtime.services);
    await expectFreshAfter(page, () => runtime.services.events.register(person, ref, {}));
    await expectFreshAfter(page, () => runtime.services.events.cancelRegistration(person, ref));
  });

  test("a programme and its cohort", async () => {
    const centre = await createCentre(runtime.services);
    const { programme, cohort } = await createProgrammeWithCohort(runtime, centre.id);
    const page = (s: Services) => s.programmes.getProgramme(programme.slug, "en");
    await expectFreshAfter(page, () => runtime.services.programmes.updateCohort(admin, cohort.id, { capacity: 12 }, "en"));
    await expectFreshAfter(page, () =>
      runtime.services.programmes.createCohort(
        admin,
        programme.id,
        {
          name: "Second cohort",
          startsOn: "2030-09-01",
          endsOn: "2030-11-30",
          locale: "en",
          capacity: 20,
          enrolmentMode: "nomination",
          institutionQuota: null,
        },
        "en",
      ),
    );
  });

  test("a centre and an organisation edited", async () => {
    const centre = await createCentre(runtime.services);
    await expectFreshAfter(
      (s) => s.network.getCentre(centre.slug, "en"),
      () => runtime.services.network.updateCentre(admin, centre.slug, { focusAreas: ["Open science"] }, "en"),
    );
    const organisation = await createOrganisation(runtime.services);
    await expectFreshAfter(
      (s) => s.network.getOrganisation(organisation.slug, "en"),
      () => runtime.services.network.updateOrganisation(admin, organisation.slug, { name: "Renamed University" }, "en"),
    );
  });

  test("a site page saved", async () => {
    await expectFreshAfter(
      (s) => s.network.getSitePage("privacy", "en"),
      () => runtime.services.network.saveSitePage(admin, "privacy", "en", { title: "Privacy", body: "We keep little." }),
    );
  });

  test("a competency framework published", async () => {
    await expectFreshAfter(
      (s) => s.competencies.listFrameworks(null, {}, "en"),
      () => createPublishedFramework(runtime.services),
    );
  });
});
