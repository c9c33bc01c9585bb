import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCourse } from "../../../tests/factories/catalogue.ts";
import { completeCourse, createCertification } from "../../../tests/factories/certifications.ts";
import { createCentre } from "../../../tests/factories/network.ts";
import { createSignedInUser } from "../../../tests/factories/users.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import { mailOutbox } from "../notifications/schema.ts";
import { rowsOf } from "../shared/sql.ts";
import type { CertificationsContext } from "./context.ts";
import { awardInTransaction } from "./issuance.ts";
import { findCertification } from "./rows.ts";
import { certificationAwards } from "./schema.ts";

/**
 * Issuance is never twice, whoever finds the rules met at the same moment (the minute job on
 * every server, the learner's own claim, an assessor's approval). These races need several
 * connections, so they run on PostgreSQL only: PGlite has one connection and proves nothing.
 */
describe.runIf(process.env.ORBIS_TEST_DB === "postgres")("issuance under concurrency", () => {
  let runtime: TestRuntime;
  let centreId: string;

  beforeAll(async () => {
    runtime = await createTestRuntime();
    centreId = (await createCentre(runtime.services)).id;
  });

  afterAll(async () => {
    await runtime?.close();
  });

  async function lockWaiters(): Promise<number> {
    const [row] = rowsOf<{ n: string | number }>(
      await runtime.database.db.execute(
        sql`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      ),
    );
    return Number(row?.n ?? 0);
  }

  it("two transactions awarding the same cycle: the second waits on the unique index, then makes nothing", async () => {
    const course = await createCourse(runtime.services, centreId);
    const cert = await createCertification(runtime.services, centreId, { kind: "course", key: "c", courseId: course.id, version: null });
    const learner = await createSignedInUser(runtime.services);
    const row = await findCertification(runtime.database.db, cert.id);
    const outbox = { enqueueMail: runtime.services.notifications.enqueueMail, deliverSoon: () => undefined };
    const ctx = {
      db: runtime.database.db,
      now: () => new Date(),
      outbox,
      credentials: runtime.services.credentials,
      publicUrl: "http://orbis.test",
    } as unknown as CertificationsContext;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = runtime.database.db.transaction(async (tx) => {
      const result = await awardInTransaction(ctx, tx, row, learner.userId, { source: "rules", issuedById: null });
      await held;
      return result;
    });
    // The first has inserted and holds its row uncommitted; the second reads "no award" and inserts the same cycle.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = runtime.database.db.transaction((tx) =>
      awardInTransaction(ctx, tx, row, learner.userId, { source: "rules", issuedById: null }),
    );
    for (let i = 0; i < 100 && (await lockWaiters()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await lockWaiters()).toBeGreaterThan(0);
    release();
    const [a, b] = await Promise.all([first, second]);
    expect([a.created, b.created]).toEqual([true, false]);
    expect(b.award.id).toBe(a.award.id);
    const [rows] = await runtime.database.db
      .select({ n: count() })
      .from(certificationAwards)
      .where(eq(certificationAwards.certificationId, cert.id));
    expect(rows?.n).toBe(1);
  });

  it("jobs on several servers and the learners' own claims at once: one award and one mail per person", async () => {
    const course = await createCourse(runtime.services, centreId);
    const cert = await createCertification(runtime.services, centreId, { kind: "course", key: "c", courseId: course.id, version: null });
    const learners = await Promise.all(Array.from({ length: 6 }, () => createSignedInUser(runtime.services)));
    for (const learner of learners) await completeCourse(runtime, learner, course);
    const c = runtime.services.certifications;
    await Promise.all([
      c.issueDue(),
      c.issueDue(),
      c.issueDue(),
      ...learners.flatMap((l) => [c.claimAward(l, cert.slug, "en"), c.claimAward(l, cert.slug, "en")]),
    ]);
    const awards = await runtime.database.db.select().from(certificationAwards).where(eq(certificationAwards.certificationId, cert.id));
    expect(awards).toHaveLength(learners.length);
    expect(new Set(awards.map((a) => a.userId)).size).toBe(learners.length);
    const mails = await runtime.database.db
      .select()
      .from(mailOutbox)
      .where(sql`${mailOutbox.subject} like ${`%${cert.title}%`}`);
    expect(mails).toHaveLength(learners.length);
  });
});
