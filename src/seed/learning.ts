import type { Seed } from "./context.ts";

/** Demo learners and how many of each course's reading, video and file lessons they have done. */
const demoLearning: { email: string; courses: { slug: string; done: number }[] }[] = [
  {
    email: "learner@orbis.example",
    courses: [
      // Every lesson: its quiz is optional, so the course is completed.
      { slug: "healthy-lifestyle-coaching-basics", done: Number.POSITIVE_INFINITY },
      { slug: "digital-pedagogy-for-higher-education", done: 2 },
    ],
  },
  { email: "learner.ar@orbis.example", courses: [{ slug: "ai-in-teaching-eg", done: 1 }] },
];

/**
 * The demo learners enrol and work through their lessons themselves, in their own language, each
 * once: a learner who has a course already is left as they are.
 */
export async function seedLearning(seed: Seed): Promise<boolean> {
  const { catalogue, learning } = seed.services;
  let added = false;
  for (const person of demoLearning) {
    const learner = await seed.account(person.email);
    const mine = await learning.myLearning(learner, learner.locale);
    if (mine.inProgress.length || mine.completed.length) continue;
    for (const { slug, done } of person.courses) {
      await learning.enrol(learner, slug);
      const course = await catalogue.getCourse(slug, learner.locale);
      const readable = course.syllabus.flatMap((m) => m.lessons).filter((l) => l.kind !== "quiz");
      for (const lesson of readable.slice(0, done)) {
        await learning.player(learner, slug, lesson.id, learner.locale);
        await learning.markDone(learner, slug, lesson.id);
      }
    }
    added = true;
  }
  return added;
}
