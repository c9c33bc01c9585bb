import type { SyllabusInput } from "../domain/catalogue/validation.ts";
import { type Seed, system } from "./context.ts";
import { addDemoMedia } from "./media.ts";
import { addDemoQuiz } from "./quizzes.ts";
import { demoRubric } from "./rubric.ts";

/** The reviewer who approved every demo course (a demo account). */
export const demoReviewerEmail = "reviewer@orbis.example";

/** The quality rubric, once: any criterion marks that it is there. */
export async function seedRubric(seed: Seed): Promise<boolean> {
  const { rubric } = seed.services;
  if ((await rubric.listCriteria("en")).length) return false;
  for (const criterion of demoRubric) await rubric.createCriterion(system, criterion, "en");
  return true;
}

/**
 * Publishes a demo course the way its authors and a reviewer would: while it is a draft it gets
 * its demo media and quiz, then it is sent to review and the demo reviewer approves it with full
 * marks on the rubric.
 */
export async function demoPublisher(seed: Seed): Promise<(courseId: string) => Promise<void>> {
  const { catalogue, rubric, workflow } = seed.services;
  const reviewer = await seed.account(demoReviewerEmail);
  const criteria = await rubric.listCriteria("en", { activeOnly: true });
  const scores = criteria.map((c) => ({ criterionId: c.id, score: c.maxScore, comment: "" }));
  return async (courseId) => {
    const course = await catalogue.getCourse(courseId, "en", system);
    await addDemoMedia(seed, course);
    await addDemoQuiz(seed, course);
    await workflow.submit(system, courseId);
    await workflow.review(reviewer, courseId, { decision: "approved", comment: "Meets the quality rubric.", scores });
  };
}

/**
 * The Kyrgyz centre's Russian adaptation of the institute's quality-assurance course; then the
 * institute publishes version 2 of its course, so the adaptation has a notice to show.
 */
export async function seedAdaptation(seed: Seed, publish: (courseId: string) => Promise<void>) {
  const { catalogue, workflow, network } = seed.services;
  const kyrgyzstan = await network.getOrganisation("iioe-kyrgyzstan", "en");
  const adaptation = await workflow.adapt(system, "quality-assurance-of-online-courses", { ownerId: kyrgyzstan.id }, "en");
  const copy = await catalogue.getCourse(adaptation.id, "en", system);
  const [rubricModule, feedbackModule] = copy.syllabus;
  await catalogue.addTranslation(
    system,
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
    system,
    adaptation.id,
    { defaultLocale: "ru", subjectTags: ["обеспечение качества", "онлайн-обучение"] },
    "en",
  );
  await publish(adaptation.id);

  const revision = await workflow.startRevision(system, "quality-assurance-of-online-courses");
  const draft = await catalogue.getCourse(revision.id, "en", system);
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
  await catalogue.updateCourse(system, revision.id, { syllabus }, "en");
  await publish(revision.id);
}
