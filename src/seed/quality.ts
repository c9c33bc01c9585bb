import { eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import type { RubricService } from "../domain/catalogue/rubric.ts";
import { courses, rubricCriteria } from "../domain/catalogue/schema.ts";
import type { CatalogueService } from "../domain/catalogue/service.ts";
import type { SyllabusInput } from "../domain/catalogue/validation.ts";
import { publishApproved, type WorkflowService } from "../domain/catalogue/workflow.ts";
import { users } from "../domain/identity/schema.ts";
import type { NetworkService } from "../domain/network/service.ts";
import type { Actor } from "../domain/shared/actor.ts";
import { demoRubric } from "./rubric.ts";

/** The reviewer who approved every demo course (a demo account). */
export const demoReviewerEmail = "reviewer@orbis.example";

export async function seedRubric(rubric: RubricService, actor: Actor) {
  for (const criterion of demoRubric) await rubric.createCriterion(actor, criterion, "en");
}

/**
 * Publishes a demo course the way a reviewer does: a recorded review by the demo reviewer,
 * full marks on the rubric, then the same publication step as any approval.
 */
export async function demoPublisher(db: Database) {
  const [reviewer] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoReviewerEmail));
  const criteria = await db.select().from(rubricCriteria).where(eq(rubricCriteria.active, true));
  const scores = criteria.map((c) => ({ criterionId: c.id, score: c.maxScore, comment: "" }));
  return async (courseId: string) => {
    const [course] = await db.select().from(courses).where(eq(courses.id, courseId));
    await db.update(courses).set({ status: "in_review" }).where(eq(courses.id, courseId));
    await publishApproved(
      db,
      { ...course!, status: "in_review" },
      { reviewerId: reviewer?.id ?? null, comment: "Meets the quality rubric.", scores },
      new Date(),
    );
  };
}

/**
 * The Kyrgyz centre's Russian adaptation of the institute's quality-assurance course; then the
 * institute publishes version 2 of its course, so the adaptation has a notice to show.
 */
export async function seedAdaptation(
  services: { catalogue: CatalogueService; workflow: WorkflowService; network: NetworkService },
  actor: Actor,
  publish: (courseId: string) => Promise<void>,
) {
  const { catalogue, workflow, network } = services;
  const kyrgyzstan = await network.getOrganisation("iioe-kyrgyzstan", "en");
  const adaptation = await workflow.adapt(actor, "quality-assurance-of-online-courses", { ownerId: kyrgyzstan.id }, "en");
  const copy = await catalogue.getCourse(adaptation.id, "en", actor);
  const [rubricModule, feedbackModule] = copy.syllabus;
  await catalogue.addTranslation(
    actor,
    adaptation.id,
    "ru",
    {
      title: "Обеспечение качества онлайн-курсов",
      summary: "Как рецензировать онлайн- и смешанные курсы по общей рубрике качества и давать авторам полезные отзывы.",
      status: "ready",
      modules: [
        { id: rubricModule!.id, title: "Рубрика для онлайн-курсов" },
        { id: feedbackModule!.id, title: "Отзывы для авторов" },
      ],
      lessons: [
        {
          id: rubricModule!.lessons[0]!.id,
          title: "Критерии",
          body: "<p>Рубрика оценивает структуру курса, доступность, взаимодействие, оценивание и поддержку слушателей. У каждого критерия есть понятные уровни.</p>",
        },
        { id: rubricModule!.lessons[1]!.id, title: "Рубрика рецензирования" },
        {
          id: feedbackModule!.lessons[0]!.id,
          title: "Как писать комментарии рецензента",
          body: "<p>Назовите критерий, процитируйте курс и предложите одно изменение.</p>",
        },
      ],
    },
    "en",
  );
  await catalogue.updateCourse(
    actor,
    adaptation.id,
    { defaultLocale: "ru", subjectTags: ["обеспечение качества", "онлайн-обучение"] },
    "en",
  );
  await publish(adaptation.id);

  const revision = await workflow.startRevision(actor, "quality-assurance-of-online-courses");
  const draft = await catalogue.getCourse(revision.id, "en", actor);
  const syllabus: SyllabusInput = draft.syllabus.map((module) => ({
    id: module.id,
    title: module.title,
    lessons: module.lessons.map((l) => ({ id: l.id, kind: l.kind, title: l.title, required: l.required })),
  }));
  syllabus[0]!.lessons.push({
    kind: "text",
    title: "Scoring a course with the rubric",
    body: "<p>Score every criterion, quote the course for each low score, and remember that essential criteria must score above zero.</p>",
  });
  await catalogue.updateCourse(actor, revision.id, { syllabus }, "en");
  await publish(revision.id);
}
