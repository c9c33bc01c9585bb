import crypto from "node:crypto";
import type { CourseInput, TranslationInput } from "../../src/domain/catalogue/validation.ts";
import type { Actor } from "../../src/domain/identity/actor.ts";
import type { Services } from "../../src/services.ts";
import { secretariat } from "./network.ts";

/** A valid course owned by `ownerId`: English, one module of two lessons. */
export function courseInput(ownerId: string, overrides: Partial<CourseInput> = {}): CourseInput {
  const id = crypto.randomBytes(3).toString("hex");
  return {
    ownerId,
    category: "teacher_professional_development",
    level: "introductory",
    estimatedHours: 6,
    licence: "CC-BY-4.0",
    defaultLocale: "en",
    title: `Test course ${id}`,
    summary: "A course made by a test.",
    syllabus: [
      {
        title: "Getting started",
        lessons: [
          { kind: "text", title: "Welcome", body: "<p>Welcome to the course.</p>" },
          { kind: "quiz", title: "Check your understanding", required: false },
        ],
      },
    ],
    ...overrides,
  };
}

/**
 * A course created by the secretariat, with the given translations, published unless told
 * otherwise: the state the public catalogue shows.
 */
export async function createCourse(
  services: Services,
  ownerId: string,
  options: { overrides?: Partial<CourseInput>; translations?: Record<string, TranslationInput>; publish?: boolean; actor?: Actor } = {},
) {
  const actor = options.actor ?? secretariat();
  let course = await services.catalogue.createCourse(actor, courseInput(ownerId, options.overrides));
  for (const [locale, translation] of Object.entries(options.translations ?? {})) {
    course = await services.catalogue.addTranslation(actor, course.id, locale, translation);
  }
  if (options.publish ?? true) course = await services.catalogue.publish(actor, course.id);
  return course;
}
