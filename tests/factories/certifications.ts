import { and, eq } from "drizzle-orm";
import type { Database } from "../../src/db/client.ts";
import type { Rule } from "../../src/domain/certifications/dto.ts";
import type { CertificationInput } from "../../src/domain/certifications/validation.ts";
import { enrolments } from "../../src/domain/learning/schema.ts";
import type { Actor } from "../../src/domain/shared/actor.ts";
import type { Services } from "../../src/services.ts";
import { secretariat } from "./network.ts";

/** A practicum judged on two criteria, 0-4 each, passing at 5. */
export const practicum = (key = "practicum"): Rule => ({
  kind: "evidence",
  key,
  title: { en: "Teaching practicum report", fr: "Rapport de stage pratique" },
  rubric: [
    { key: "plan", name: { en: "Lesson plan", fr: "Plan de cours" } },
    { key: "delivery", name: { en: "Delivery", fr: "Animation" } },
  ],
  passMark: 5,
});

/** An active certification of `ownerId` whose rules are `rules`, valid a year with a 30-day reminder window. */
export function createCertification(
  services: Services,
  ownerId: string,
  rules: Rule,
  overrides: Partial<CertificationInput> = {},
  actor: Actor = secretariat(),
) {
  return services.certifications.createCertification(
    actor,
    {
      ownerId,
      defaultLocale: "en",
      title: `Test certification ${crypto.randomUUID().slice(0, 6)}`,
      summary: "A certification made by a test.",
      criteria: "Completed the course and passed the practicum.",
      rules,
      validityMonths: 12,
      reminderDays: 30,
      status: "active",
      ...overrides,
    },
    "en",
  );
}

/**
 * Marks a learner's enrolment completed at the course's version: completion itself (every
 * required lesson done) is the learning module's business and tested there.
 */
export async function completeCourse(
  runtime: { services: Services; database: { db: Database } },
  learner: Actor,
  course: { id: string; slug: string },
  version = 1,
) {
  await runtime.services.learning.enrol(learner, course.slug).catch(() => undefined);
  await runtime.database.db
    .update(enrolments)
    .set({ status: "completed", completedAt: new Date(), completedVersion: version })
    .where(and(eq(enrolments.userId, learner.userId), eq(enrolments.courseId, course.id)));
}

/** A small real PDF's bytes (its signature is what the upload check sniffs). */
export const pdfBytes = () => new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
