import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "../../src/db/client.ts";
import { courses as courseTable } from "../../src/domain/catalogue/schema.ts";
import type { CohortInput } from "../../src/domain/programmes/validation.ts";
import type { Actor } from "../../src/domain/shared/actor.ts";
import type { Services } from "../../src/services.ts";
import { createCourse } from "./catalogue.ts";
import { secretariat } from "./network.ts";

/** A published course; publication itself (review and approval) is the catalogue's business. */
export async function publishedCourse(runtime: { services: Services; database: { db: Database } }, centreId: string) {
  const course = await createCourse(runtime.services, centreId, { publish: false });
  await runtime.database.db.update(courseTable).set({ status: "published", publishedAt: new Date() }).where(eq(courseTable.id, course.id));
  return course;
}

/**
 * A published programme of two published courses (the second optional) at `centreId`, with one
 * cohort starting a month from now; the cohort's settings can be overridden.
 */
export async function createProgrammeWithCohort(
  runtime: { services: Services; database: { db: Database } },
  centreId: string,
  cohort: Partial<CohortInput> = {},
  actor: Actor = secretariat(),
) {
  const { services } = runtime;
  const first = await publishedCourse(runtime, centreId);
  const second = await publishedCourse(runtime, centreId);
  const programme = await services.programmes.createProgramme(
    actor,
    {
      ownerCentreId: centreId,
      defaultLocale: "en",
      status: "published",
      title: `Test programme ${crypto.randomBytes(3).toString("hex")}`,
      description: "A programme made by a test.",
      targetAudience: "Lecturers",
      courses: [{ courseId: first.id }, { courseId: second.id, required: false }],
    },
    "en",
  );
  const created = await services.programmes.createCohort(
    actor,
    programme.id,
    {
      name: "First cohort",
      startsOn: "2030-03-01",
      endsOn: "2030-05-31",
      locale: "en",
      capacity: 30,
      enrolmentMode: "nomination",
      institutionQuota: null,
      ...cohort,
    },
    "en",
  );
  return { programme, cohort: created, courses: [first, second] };
}

/** A nomination list as CSV bytes, one row per [name, email, department, role]. */
export function nominationCsv(rows: string[][], header = "name,email,department,role"): Uint8Array {
  return new TextEncoder().encode([header, ...rows.map((r) => r.join(","))].join("\n"));
}
