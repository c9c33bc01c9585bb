import { and, count, eq, notInArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCentre, createOrganisation } from "../../../tests/factories/network.ts";
import { createProgrammeWithCohort } from "../../../tests/factories/programmes.ts";
import { createSignedInUser } from "../../../tests/factories/users.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import type { Transaction } from "../../db/client.ts";
import type { Actor } from "../shared/actor.ts";
import { isDomainError } from "../shared/errors.ts";
import { rowsOf } from "../shared/sql.ts";
import { cohortParticipants, cohorts, nominations } from "./schema.ts";

/**
 * Every decision about a cohort's seats, quota and status is taken on the cohort row read under its
 * lock. These races need several connections at once, so they run on PostgreSQL only (PGlite has
 * one connection: a race there proves nothing). Each test holds the cohort's row lock in a
 * transaction of its own while the calls start, so they all wait on it; it changes the row as
 * another writer would, and commits: the calls must then decide on what it wrote.
 */
describe.runIf(process.env.ORBIS_TEST_DB === "postgres")("decisions under the cohort's lock", () => {
  let runtime: TestRuntime;
  let centreId: string;
  let savannah: { id: string };
  let savannahAdmin: Actor;
  let staff: Actor;
  let otherStaff: Actor;

  beforeAll(async () => {
    runtime = await createTestRuntime();
    const services = runtime.services;
    centreId = (await createCentre(services, { country: "GH" })).id;
    savannah = await createOrganisation(services, { name: "Savannah Lock University", country: "GH" });
    savannahAdmin = await createSignedInUser(services, { roles: [{ role: "institution_admin", organisationId: savannah.id }] });
    staff = await createSignedInUser(services, { roles: [{ role: "centre_staff", organisationId: centreId }] });
    otherStaff = await createSignedInUser(services, { roles: [{ role: "centre_admin", organisationId: centreId }] });
  });

  afterAll(async () => {
    await runtime?.close();
  });

  /** Connections of this test database waiting for a lock. */
  async function lockWaiters(): Promise<number> {
    const [row] = rowsOf<{ n: string | number }>(
      await runtime.database.db.execute(
        sql`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      ),
    );
    return Number(row?.n ?? 0);
  }

  /**
   * Starts the calls while the cohort's row is locked, waits until `waiting` of them queue on a lock
   * (or all have ended, as a call refused early does), applies `change` in the holding transaction
   * and commits it; answers how each call ended.
   */
  async function whileLocked(
    cohortId: string,
    calls: (() => Promise<unknown>)[],
    options: { waiting?: number; change?: (tx: Transaction) => Promise<unknown> } = {},
  ): Promise<PromiseSettledResult<unknown>[]> {
    let outcomes!: Promise<PromiseSettledResult<unknown>[]>;
    await runtime.database.db.transaction(async (tx) => {
      await tx.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.id, cohortId)).for("update");
      let settled = false;
      outcomes = Promise.allSettled(calls.map((call) => call())).finally(() => {
        settled = true;
      });
      const deadline = Date.now() + 15_000;
      while (!settled && (await lockWaiters()) < (options.waiting ?? calls.length)) {
        if (Date.now() > deadline) throw new Error("the calls never queued on the cohort's lock");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await options.change?.(tx);
    });
    return outcomes;
  }

  const fulfilled = (outcomes: PromiseSettledResult<unknown>[]) => outcomes.filter((o) => o.status === "fulfilled").length;
  /** The refusals, as status and the first field's message id; anything else (a crash) fails the test. */
  const refusals = (outcomes: PromiseSettledResult<unknown>[]) =>
    outcomes.flatMap((o) => {
      if (o.status === "fulfilled") return [];
      if (!isDomainError(o.reason)) throw o.reason;
      return [[o.reason.status, o.reason.fields[0]?.messageId ?? o.reason.code]];
    });
  const participants = async (cohortId: string) =>
    (await runtime.database.db.select({ n: count() }).from(cohortParticipants).where(eq(cohortParticipants.cohortId, cohortId)))[0]!.n;
  const cohortRow = async (cohortId: string) => (await runtime.database.db.select().from(cohorts).where(eq(cohorts.id, cohortId)))[0]!;
  const setCohort = (cohortId: string, values: Partial<typeof cohorts.$inferInsert>) => (tx: Transaction) =>
    tx.update(cohorts).set(values).where(eq(cohorts.id, cohortId));

  async function nominees(cohortId: string, names: string[]) {
    const made = [];
    for (const name of names) {
      const email = `${name.toLowerCase()}.${cohortId.slice(0, 8)}@lock.test`;
      made.push(await runtime.services.programmes.nominate(savannahAdmin, cohortId, { name, email }, "en"));
    }
    return made;
  }

  it("joins that waited while the capacity was lowered fill only the new capacity", async () => {
    const services = runtime.services;
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { enrolmentMode: "open", capacity: 5 });
    const people = await Promise.all([1, 2, 3].map(() => createSignedInUser(services)));
    const outcomes = await whileLocked(
      cohort.id,
      people.map((person) => () => services.programmes.enrol(person, cohort.id, "en")),
      { change: setCohort(cohort.id, { capacity: 1 }) },
    );
    expect(fulfilled(outcomes)).toBe(1);
    expect(refusals(outcomes)).toEqual([
      [409, "programmes.error.full"],
      [409, "programmes.error.full"],
    ]);
    expect(await participants(cohort.id)).toBe(1);
  });

  it("joins that waited while the cohort was cancelled are refused", async () => {
    const services = runtime.services;
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { enrolmentMode: "open", capacity: 5 });
    const people = await Promise.all([1, 2].map(() => createSignedInUser(services)));
    const outcomes = await whileLocked(
      cohort.id,
      people.map((person) => () => services.programmes.enrol(person, cohort.id, "en")),
      { change: setCohort(cohort.id, { status: "cancelled" }) },
    );
    expect(refusals(outcomes)).toEqual([
      [409, "programmes.error.notOpen"],
      [409, "programmes.error.notOpen"],
    ]);
    expect(await participants(cohort.id)).toBe(0);
  });

  it("one person joining twice at once takes one seat, and both calls answer the cohort", async () => {
    const services = runtime.services;
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { enrolmentMode: "open", capacity: 5 });
    const person = await createSignedInUser(services);
    const outcomes = await whileLocked(cohort.id, [
      () => services.programmes.enrol(person, cohort.id, "en"),
      () => services.programmes.enrol(person, cohort.id, "en"),
    ]);
    expect(refusals(outcomes)).toEqual([]);
    expect(await participants(cohort.id)).toBe(1);
  });

  it("the capacity is never lowered below the people a concurrent join has just admitted", async () => {
    const services = runtime.services;
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { enrolmentMode: "open", capacity: 2 });
    await services.programmes.enrol(await createSignedInUser(services), cohort.id, "en");
    const joining = await createSignedInUser(services);
    const outcomes = await whileLocked(cohort.id, [
      () => services.programmes.enrol(joining, cohort.id, "en"),
      () => services.programmes.updateCohort(staff, cohort.id, { capacity: 1 }, "en"),
    ]);
    // Whichever went first, the other is refused: either the cohort is full or the capacity too low.
    expect(fulfilled(outcomes)).toBe(1);
    expect([[[409, "programmes.error.full"]], [[400, "programmes.field.capacityBelowParticipants"]]]).toContainEqual(refusals(outcomes));
    const row = await cohortRow(cohort.id);
    expect(await participants(cohort.id)).toBeLessThanOrEqual(row.capacity);
  });

  it("nominations that waited while the quota was lowered fill only the new quota", async () => {
    const services = runtime.services;
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { institutionQuota: 5 });
    await nominees(cohort.id, ["First"]);
    const outcomes = await whileLocked(
      cohort.id,
      ["Second", "Third"].map(
        (name) => () =>
          services.programmes.nominate(
            savannahAdmin,
            cohort.id,
            { name, email: `${name.toLowerCase()}.${cohort.id.slice(0, 8)}@q.test` },
            "en",
          ),
      ),
      { change: setCohort(cohort.id, { institutionQuota: 2 }) },
    );
    expect(fulfilled(outcomes)).toBe(1);
    expect(refusals(outcomes)).toEqual([[409, "programmes.problem.over_quota"]]);
    const [{ n } = { n: 0 }] = await runtime.database.db
      .select({ n: count() })
      .from(nominations)
      .where(and(eq(nominations.cohortId, cohort.id), notInArray(nominations.status, ["declined", "withdrawn"])));
    expect(n).toBe(2);
  });

  it("an approval that waited while the cohort was cancelled is refused, and the nominations stay pending", async () => {
    const services = runtime.services;
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { capacity: 5 });
    const [one, two] = await nominees(cohort.id, ["Ama", "Kofi"]);
    const outcomes = await whileLocked(
      cohort.id,
      [() => services.programmes.decide(staff, { nominationIds: [one!.id, two!.id], decision: "approved" }, "en")],
      { change: setCohort(cohort.id, { status: "cancelled" }) },
    );
    expect(refusals(outcomes)).toEqual([[409, "programmes.error.notOpen"]]);
    expect(await participants(cohort.id)).toBe(0);
    expect((await services.programmes.listNominations(staff, cohort.id, {}, "en")).map((n) => n.status)).toEqual(["pending", "pending"]);
  });

  it("two staff deciding the same nominations at once: one decision holds, the other hears they were decided", async () => {
    const services = runtime.services;
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { capacity: 5 });
    const ids = (await nominees(cohort.id, ["Abena", "Yaw"])).map((n) => n.id);
    await runtime.deliverMail();
    const sentBefore = runtime.mailer.sent.length;
    const outcomes = await whileLocked(cohort.id, [
      () => services.programmes.decide(staff, { nominationIds: ids, decision: "approved" }, "en"),
      () => services.programmes.decide(otherStaff, { nominationIds: ids, decision: "approved" }, "en"),
    ]);
    expect(fulfilled(outcomes)).toBe(1);
    expect(refusals(outcomes)).toEqual([[409, "programmes.error.alreadyDecided"]]);
    expect(await participants(cohort.id)).toBe(2);
    await runtime.deliverMail();
    expect(runtime.mailer.sent.length - sentBefore).toBe(2);
  });

  it("two staff approving different nominations at once never pass the capacity", async () => {
    const services = runtime.services;
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { capacity: 3 });
    const ids = (await nominees(cohort.id, ["Esi", "Kwame", "Efua", "Kojo"])).map((n) => n.id);
    const outcomes = await whileLocked(cohort.id, [
      () => services.programmes.decide(staff, { nominationIds: ids.slice(0, 2), decision: "approved" }, "en"),
      () => services.programmes.decide(otherStaff, { nominationIds: ids.slice(2), decision: "approved" }, "en"),
    ]);
    expect(fulfilled(outcomes)).toBe(1);
    expect(refusals(outcomes)).toEqual([[409, "programmes.error.full"]]);
    expect(await participants(cohort.id)).toBe(2);
  });

  it("leaving that waited while the cohort was completed is refused", async () => {
    const services = runtime.services;
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { enrolmentMode: "open" });
    const person = await createSignedInUser(services);
    await services.programmes.enrol(person, cohort.id, "en");
    const outcomes = await whileLocked(cohort.id, [() => services.programmes.withdraw(person, cohort.id, "en")], {
      change: setCohort(cohort.id, { status: "completed" }),
    });
    expect(refusals(outcomes)).toEqual([[409, "programmes.error.cohortOver"]]);
    expect(await participants(cohort.id)).toBe(1);
  });
});
