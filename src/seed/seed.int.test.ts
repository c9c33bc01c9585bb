import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestRuntime, seedTargetOf, type TestRuntime, testClockStart } from "../../tests/support/runtime.ts";
import { rowsOf } from "../domain/shared/sql.ts";
import { seedDemoIfWanted } from "./seed.ts";

let demo: TestRuntime;

beforeAll(async () => {
  demo = await createTestRuntime({ demo: true });
});

afterAll(async () => {
  await demo?.close();
});

/** Columns that hold a time set for the future by design: when something is scheduled or runs out. */
const scheduled = new Set(["starts_at", "ends_at", "registration_opens_at", "registration_closes_at", "expires_at", "next_attempt_at"]);

describe("the demo data", () => {
  test("takes every time it records from the services' clock: nothing happened after the moment it was loaded", async () => {
    const columns = rowsOf<{ table_name: string; column_name: string }>(
      await demo.database.db.execute(sql`
        select table_name, column_name from information_schema.columns
        where table_schema = 'public' and data_type = 'timestamp with time zone'
        order by table_name, column_name`),
    ).filter((c) => !scheduled.has(c.column_name));
    expect(columns.length).toBeGreaterThan(20);
    const later: string[] = [];
    for (const { table_name, column_name } of columns) {
      const [row] = rowsOf<{ n: number | string }>(
        await demo.database.db.execute(
          sql`select count(*) as n from ${sql.identifier(table_name)} where ${sql.identifier(column_name)} > ${testClockStart.toISOString()}::timestamptz`,
        ),
      );
      if (Number(row?.n)) later.push(`${table_name}.${column_name}`);
    }
    expect(later).toEqual([]);
  });

  test("holds at each event as many places taken as registrations that hold one", async () => {
    const events = rowsOf<{ slug: string; registered_count: number; registered: number | string }>(
      await demo.database.db.execute(sql`
        select e.slug, e.registered_count, count(r.id) filter (where r.status = 'registered') as registered
        from events e left join event_registrations r on r.event_id = e.id
        group by e.id order by e.slug`),
    );
    expect(events.length).toBeGreaterThan(5);
    expect(events.map((e) => [e.slug, Number(e.registered_count)])).toEqual(events.map((e) => [e.slug, Number(e.registered)]));
  });

  test("is loaded once: seeding again, whatever the policy, adds nothing", async () => {
    const counts = async () =>
      rowsOf(
        await demo.database.db.execute(sql`
          select (select count(*) from users) as users, (select count(*) from organisations) as organisations,
            (select count(*) from courses) as courses, (select count(*) from events) as events,
            (select count(*) from event_registrations) as registrations, (select count(*) from enrolments) as enrolments,
            (select count(*) from nominations) as nominations, (select count(*) from rubric_criteria) as criteria`),
      );
    const before = await counts();
    expect(await seedDemoIfWanted(seedTargetOf(demo), "always")).toBe(false);
    expect(await seedDemoIfWanted(seedTargetOf(demo), "auto")).toBe(false);
    expect(await seedDemoIfWanted(seedTargetOf(demo), "never")).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
