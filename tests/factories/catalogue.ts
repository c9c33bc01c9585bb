import crypto from "node:crypto";
import type { CourseInput, TranslationInput } from "../../src/domain/catalogue/validation.ts";
import type { Actor } from "../../src/domain/shared/actor.ts";
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
  let course = await services.catalogue.createCourse(actor, courseInput(ownerId, options.overrides), "en");
  for (const [locale, translation] of Object.entries(options.translations ?? {})) {
    course = await services.catalogue.addTranslation(actor, course.id, locale, translation, "en");
  }
  if (options.publish ?? true) {
    await services.workflow.submit(actor, course.id);
    await approve(services, course.id);
    course = await services.catalogue.getCourse(course.id, "en", actor);
  }
  return course;
}

/** A reviewer's approval with full marks on every criterion in use: what publishes a course. */
export async function approve(services: Services, courseId: string, reviewer: Actor = secretariat()) {
  const criteria = await services.rubric.listCriteria("en", { activeOnly: true });
  return services.workflow.review(reviewer, courseId, {
    decision: "approved",
    comment: "Meets the rubric.",
    scores: criteria.map((c) => ({ criterionId: c.id, score: c.maxScore })),
  });
}
