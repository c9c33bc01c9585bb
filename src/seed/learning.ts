import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { createQuizService, writeQuiz } from "../domain/catalogue/quiz.ts";
import type { QuizInput, QuizTranslationInput } from "../domain/catalogue/quiz-validation.ts";
import { courseModules, courses, lessons } from "../domain/catalogue/schema.ts";
import { createCatalogueService } from "../domain/catalogue/service.ts";
import { users } from "../domain/identity/schema.ts";
import { enrolments } from "../domain/learning/schema.ts";
import { createLearningService } from "../domain/learning/service.ts";
import type { Actor } from "../domain/shared/actor.ts";

/**
 * Demo quizzes and learners. Quizzes are written into the demo courses before they are published
 * (published content does not change); texts in other languages are translations per question, one
 * of them left a draft to show the per-question fallback. Then two demo learners get courses in
 * progress and one completed.
 */

type DemoQuiz = {
  /** Where the quiz lesson is in the syllabus: module and lesson index. */
  at: [number, number];
  quiz: QuizInput;
  /** Texts by language, question by question in order; options in order. */
  translations?: Record<string, { prompt: string; feedback?: string; acceptedAnswers?: string[]; options?: string[]; draft?: boolean }[]>;
};

const demoQuizzes: Record<string, DemoQuiz> = {
  "digital-pedagogy-for-higher-education": {
    at: [1, 2],
    quiz: {
      passingScore: 70,
      maxAttempts: null,
      questions: [
        {
          kind: "single",
          prompt: "Which learning outcome says what a student will be able to do?",
          feedback: "An outcome names something a student can do and you can observe: comparing is observable, understanding is not.",
          options: [
            { text: "Understand research methods", correct: false },
            { text: "Compare two research designs", correct: true },
            { text: "Know about statistics", correct: false },
          ],
        },
        {
          kind: "short_answer",
          prompt: "Complete the sentence: a good outcome says what a student will be able to …",
          feedback: "“Do”: outcomes are about action.",
          acceptedAnswers: ["do"],
        },
        {
          kind: "true_false",
          prompt: "Online teaching is mostly a lecture on video.",
          feedback: "Students need clear outcomes, regular activity and feedback, and ways to learn from each other.",
          answerTrue: false,
        },
      ],
    },
    translations: {
      ru: [
        {
          prompt: "Какой результат обучения говорит, что студент сможет сделать?",
          feedback: "Результат называет действие, которое можно наблюдать: сравнение наблюдаемо, понимание — нет.",
          options: ["Понимать методы исследования", "Сравнивать два плана исследования", "Знать статистику"],
        },
        { prompt: "Закончите фразу: хороший результат говорит, что студент сможет …", acceptedAnswers: ["делать"], draft: true },
        {
          prompt: "Онлайн-обучение — это в основном лекция на видео.",
          feedback: "Студентам нужны ясные цели, регулярная работа, обратная связь и общение друг с другом.",
        },
      ],
      ar: [
        {
          prompt: "أيّ ناتج تعلّم يذكر ما سيستطيع الطالب فعله؟",
          feedback: "ناتج التعلّم يسمّي فعلًا يمكن ملاحظته: المقارنة يمكن ملاحظتها، أما الفهم فلا.",
          options: ["فهم مناهج البحث", "المقارنة بين تصميمين بحثيين", "معرفة الإحصاء"],
        },
        { prompt: "أكمل الجملة: ناتج التعلّم الجيد يذكر ما سيستطيع الطالب أن …", acceptedAnswers: ["يفعل", "يفعله"], draft: true },
        {
          prompt: "التدريس عبر الإنترنت هو في الغالب محاضرة مصوّرة.",
          feedback: "يحتاج الطلاب إلى نواتج واضحة ونشاط منتظم وتغذية راجعة وفرص للتعلّم من بعضهم.",
        },
      ],
    },
  },
  "blended-learning-design-kg": {
    at: [1, 1],
    quiz: {
      passingScore: 70,
      maxAttempts: 3,
      questions: [
        {
          kind: "single",
          prompt: "Что происходит на занятии в аудитории в модели «перевёрнутый класс»?",
          feedback: "Новый материал студенты изучают дома, а время в аудитории уходит на обсуждение и практику.",
          options: [
            { text: "Преподаватель читает новую лекцию", correct: false },
            { text: "Обсуждение, решение задач и проекты", correct: true },
            { text: "Студенты смотрят видео", correct: false },
          ],
        },
        {
          kind: "multiple",
          prompt: "Что сочетает смешанное обучение?",
          feedback: "Аудиторные занятия и самостоятельную работу онлайн.",
          options: [
            { text: "Занятия в аудитории", correct: true },
            { text: "Самостоятельную работу онлайн", correct: true },
            { text: "Только видеолекции", correct: false },
          ],
        },
        {
          kind: "true_false",
          prompt: "В смешанном обучении важнее всего количество видео.",
          feedback: "Важно, как связаны онлайн-задания и встречи в аудитории.",
          answerTrue: false,
        },
        {
          kind: "short_answer",
          prompt: "Как называется модель, в которой студенты изучают новый материал дома до занятия?",
          feedback: "Это «перевёрнутый класс».",
          acceptedAnswers: ["перевёрнутый класс", "перевернутый класс"],
        },
      ],
    },
    translations: {
      en: [
        {
          prompt: "What happens in class in the flipped classroom model?",
          feedback: "Students study new material at home; class time goes to discussion and practice.",
          options: ["The teacher gives a new lecture", "Discussion, problem solving and projects", "Students watch videos"],
        },
        {
          prompt: "What does blended learning combine?",
          feedback: "Classroom sessions and independent online work.",
          options: ["Classroom sessions", "Independent online work", "Video lectures only"],
        },
        {
          prompt: "In blended learning, the number of videos matters most.",
          feedback: "What matters is how online tasks and classroom meetings connect.",
        },
        {
          prompt: "What is the model called in which students study new material at home before class?",
          feedback: "The flipped classroom.",
          acceptedAnswers: ["flipped classroom", "the flipped classroom"],
        },
      ],
    },
  },
  "ai-in-teaching-eg": {
    at: [1, 1],
    quiz: {
      passingScore: 60,
      maxAttempts: null,
      questions: [
        {
          kind: "true_false",
          prompt: "قد تكتب النماذج اللغوية إجابات مقنعة لكنها خاطئة.",
          feedback: "لذلك يجب التحقق من كل معلومة.",
          answerTrue: true,
        },
        {
          kind: "single",
          prompt: "على ماذا تعتمد النماذج اللغوية في كتابة النص؟",
          feedback: "تتنبأ النماذج بالكلمة التالية بناءً على كميات هائلة من النصوص.",
          options: [
            { text: "التنبؤ بالكلمة التالية", correct: true },
            { text: "البحث في قاعدة بيانات من الإجابات الصحيحة", correct: false },
            { text: "فهم الحقائق والتحقق منها", correct: false },
          ],
        },
        {
          kind: "multiple",
          prompt: "ماذا يجب أن تتضمن سياسة استخدام الذكاء الاصطناعي في المقرر؟",
          feedback: "متى يُسمح باستخدام الأدوات، وكيف يُشار إلى استخدامها، وما الذي يُعدّ غشًّا.",
          options: [
            { text: "متى يُسمح باستخدام الأدوات", correct: true },
            { text: "كيف يُشار إلى استخدامها", correct: true },
            { text: "أسماء الطلاب الذين يستخدمونها", correct: false },
          ],
        },
      ],
    },
    translations: {
      en: [
        { prompt: "Language models may write answers that are convincing but wrong.", feedback: "So every fact must be checked." },
        {
          prompt: "What do language models rely on to write text?",
          feedback: "They predict the next word from huge amounts of text.",
          options: ["Predicting the next word", "Searching a database of correct answers", "Understanding and checking facts"],
        },
        {
          prompt: "What should a course policy on AI use include?",
          feedback: "When the tools may be used, how their use is acknowledged, and what counts as cheating.",
          options: ["When the tools may be used", "How their use is acknowledged", "The names of students who use them"],
        },
      ],
    },
  },
};

/** The lesson at a syllabus position of a course. */
async function lessonAt(tx: Database, courseId: string, [m, l]: [number, number]): Promise<string> {
  const rows = await tx
    .select({ id: lessons.id, module: courseModules.position })
    .from(lessons)
    .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
    .where(and(eq(courseModules.courseId, courseId), eq(courseModules.position, m), eq(lessons.position, l)))
    .orderBy(asc(lessons.id));
  if (!rows[0]) throw new Error(`demo quiz: no lesson ${m}.${l} in course ${courseId}`);
  return rows[0].id;
}

/**
 * Wraps the demo publisher: a course with a demo quiz gets it (and its translations) first, so the
 * published version includes it.
 */
export function withDemoQuizzes(tx: Database, actor: Actor, publish: (courseId: string) => Promise<void>) {
  const quizzes = createQuizService({ db: tx });
  return async (courseId: string) => {
    const [course] = await tx.select().from(courses).where(eq(courses.id, courseId));
    const demo = course && demoQuizzes[course.slug];
    if (course && demo) {
      const lessonId = await lessonAt(tx, courseId, demo.at);
      await writeQuiz(tx, lessonId, course.defaultLocale, demo.quiz);
      const questions = (await quizzes.getAuthorQuiz(actor, courseId, lessonId)).questions;
      for (const [locale, texts] of Object.entries(demo.translations ?? {})) {
        const input: QuizTranslationInput = {
          questions: texts.map((text, i) => ({
            id: questions[i]!.id,
            prompt: text.prompt,
            feedback: text.feedback,
            acceptedAnswers: text.acceptedAnswers,
            status: text.draft ? "draft" : "ready",
            options: text.options?.map((option, j) => ({ id: questions[i]!.options[j]!.id, text: option, status: "ready" as const })),
          })),
        };
        await quizzes.writeQuizTranslation(actor, courseId, lessonId, locale, input);
      }
    }
    await publish(courseId);
  };
}

/** Demo learners and how many of each course's reading, video and file lessons they have done. */
const demoLearning: { email: string; locale: Actor["locale"]; courses: { slug: string; done: number }[] }[] = [
  {
    email: "learner@orbis.example",
    locale: "en",
    courses: [
      // Every lesson: its quiz is optional, so the course is completed.
      { slug: "healthy-lifestyle-coaching-basics", done: Number.POSITIVE_INFINITY },
      { slug: "digital-pedagogy-for-higher-education", done: 2 },
    ],
  },
  { email: "learner.ar@orbis.example", locale: "ar", courses: [{ slug: "ai-in-teaching-eg", done: 1 }] },
];

/**
 * Enrols the demo learners and walks them through their lessons with the learning service, once:
 * any enrolment of the first demo learner marks that it is done.
 */
export async function seedDemoLearning(tx: Database): Promise<boolean> {
  const catalogue = createCatalogueService({ db: tx });
  const learning = createLearningService({ db: tx, catalogue });
  let added = false;
  for (const person of demoLearning) {
    const [user] = await tx.select().from(users).where(eq(users.email, person.email));
    if (!user) continue;
    const [enrolled] = await tx.select({ id: enrolments.id }).from(enrolments).where(eq(enrolments.userId, user.id)).limit(1);
    if (enrolled) continue;
    const actor: Actor = { userId: user.id, email: user.email, name: user.name, locale: person.locale, roles: [] };
    for (const { slug, done } of person.courses) {
      await learning.enrol(actor, slug);
      const course = await catalogue.getCourse(slug, person.locale);
      const readable = course.syllabus.flatMap((m) => m.lessons).filter((l) => l.kind !== "quiz");
      for (const lesson of readable.slice(0, done)) {
        await learning.player(actor, slug, lesson.id, person.locale);
        await learning.markDone(actor, slug, lesson.id);
      }
    }
    added = true;
  }
  return added;
}
