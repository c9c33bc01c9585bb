import type { CourseDto } from "../domain/catalogue/dto.ts";
import type { QuizInput, QuizTranslationInput } from "../domain/catalogue/validation.ts";
import { type Seed, system } from "./context.ts";

/**
 * Demo quizzes, written into the demo courses before they are published (published content does
 * not change); texts in other languages are translations per question, one of them left a draft
 * to show the per-question fallback.
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

/** The course's demo quiz, if it has one, and its translations: written as its authors would. */
export async function addDemoQuiz(seed: Seed, course: CourseDto): Promise<void> {
  const demo = demoQuizzes[course.slug];
  if (!demo) return;
  const { quizzes } = seed.services;
  const [m, l] = demo.at;
  const lessonId = course.syllabus[m]?.lessons[l]?.id;
  if (!lessonId) throw new Error(`demo quiz: no lesson ${m}.${l} in ${course.slug}`);
  const { questions } = await quizzes.setQuiz(system, course.id, lessonId, demo.quiz);
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
    await quizzes.writeQuizTranslation(system, course.id, lessonId, locale, input);
  }
}
