import type { CoCreatorRole, LessonKind } from "../domain/catalogue/dto.ts";
import type { CourseInput } from "../domain/catalogue/validation.ts";
import { found, type Seed, system } from "./context.ts";
import { demoPublisher, seedAdaptation } from "./quality.ts";

/**
 * Demo courses of the kind IIOE centres offer. The centres and partners are the real ones of the
 * network demo; the courses themselves are plausible examples written for the demo, in the
 * languages their centres work in, several of them translated.
 */

type DemoLesson = { kind: LessonKind; title: string; body?: string; required?: boolean };
type DemoModule = { title: string; lessons: DemoLesson[] };
/** Module titles and lesson texts in the order of the syllabus. */
type DemoTranslation = {
  title: string;
  summary: string;
  description?: string;
  status?: "draft" | "ready";
  modules?: string[];
  lessons?: { title: string; body?: string }[][];
};
type DemoCourse = Omit<CourseInput, "ownerId" | "coCreators" | "syllabus" | "slug"> & {
  slug: string;
  owner: string;
  coCreators?: { organisation: string; role: CoCreatorRole }[];
  syllabus: DemoModule[];
  translations?: Record<string, DemoTranslation>;
  /** Left as a draft, to show that only published courses are public. */
  draft?: boolean;
};

export const demoCourses: DemoCourse[] = [
  {
    slug: "digital-pedagogy-for-higher-education",
    owner: "iioe",
    coCreators: [{ organisation: "unesco-ichei", role: "co_developer" }],
    category: "teacher_professional_development",
    level: "introductory",
    estimatedHours: 12,
    licence: "CC-BY-4.0",
    defaultLocale: "en",
    subjectTags: ["digital pedagogy", "higher education"],
    title: "Digital pedagogy for higher education",
    summary: "Plan, teach and assess university courses that make good use of digital tools, online and in class.",
    description:
      "A first course for lecturers who are moving part of their teaching online.\n\nYou will design one unit of your own course: its learning outcomes, activities, materials and assessment, and how students work together.",
    syllabus: [
      {
        title: "Learning in a digital age",
        lessons: [
          {
            kind: "text",
            title: "What changes when teaching goes online",
            body: "<p>Online teaching is not a lecture on video. Students need <strong>clear outcomes</strong>, regular activity and feedback, and ways to learn from each other.</p><ul><li>Plan for short sessions.</li><li>Make expectations visible.</li><li>Give feedback early.</li></ul>",
          },
          { kind: "video", title: "Three lecturers on their first online semester" },
        ],
      },
      {
        title: "Designing a course unit",
        lessons: [
          {
            kind: "text",
            title: "Writing learning outcomes",
            body: "<p>A good outcome says what a student will be able to <em>do</em>: “compare two research designs”, not “understand research”.</p>",
          },
          { kind: "file", title: "Course unit planning template" },
          { kind: "quiz", title: "Check your outcomes" },
        ],
      },
    ],
    translations: {
      fr: {
        title: "Pédagogie numérique pour l’enseignement supérieur",
        summary: "Concevoir, enseigner et évaluer des cours universitaires qui tirent parti du numérique, en ligne et en classe.",
        description:
          "Un premier cours pour les enseignants qui mettent en ligne une partie de leur enseignement.\n\nVous concevrez une unité de votre propre cours : ses acquis d’apprentissage, ses activités, ses ressources et son évaluation, et la manière dont les étudiants travaillent ensemble.",
        modules: ["Apprendre à l’ère numérique", "Concevoir une unité de cours"],
        lessons: [
          [
            {
              title: "Ce qui change quand l’enseignement passe en ligne",
              body: "<p>Enseigner en ligne, ce n’est pas filmer un cours magistral. Les étudiants ont besoin d’<strong>objectifs clairs</strong>, d’activités régulières, de retours et de moyens d’apprendre les uns des autres.</p><ul><li>Prévoyez des séances courtes.</li><li>Rendez les attentes visibles.</li><li>Donnez des retours tôt.</li></ul>",
            },
            { title: "Trois enseignants racontent leur premier semestre en ligne" },
          ],
          [
            {
              title: "Rédiger des acquis d’apprentissage",
              body: "<p>Un bon acquis d’apprentissage dit ce que l’étudiant saura <em>faire</em> : « comparer deux plans de recherche », et non « comprendre la recherche ».</p>",
            },
            { title: "Modèle de planification d’une unité" },
            { title: "Vérifiez vos acquis visés" },
          ],
        ],
      },
      es: {
        title: "Pedagogía digital para la educación superior",
        summary: "Planificar, impartir y evaluar cursos universitarios que aprovechan las herramientas digitales, en línea y en el aula.",
        description:
          "Un primer curso para docentes que trasladan parte de su enseñanza a la red.\n\nDiseñará una unidad de su propio curso: sus resultados de aprendizaje, actividades, materiales y evaluación, y cómo trabaja en grupo el alumnado.",
        modules: ["Aprender en la era digital", "Diseñar una unidad del curso"],
        lessons: [
          [
            {
              title: "Qué cambia cuando la docencia pasa a ser en línea",
              body: "<p>Enseñar en línea no es grabar una clase magistral. El alumnado necesita <strong>resultados claros</strong>, actividad regular, retroalimentación y maneras de aprender unos de otros.</p><ul><li>Planifique sesiones cortas.</li><li>Haga visibles las expectativas.</li><li>Dé retroalimentación pronto.</li></ul>",
            },
            { title: "Tres docentes cuentan su primer semestre en línea" },
          ],
          [
            {
              title: "Redactar resultados de aprendizaje",
              body: "<p>Un buen resultado dice lo que el estudiante será capaz de <em>hacer</em>: «comparar dos diseños de investigación», no «entender la investigación».</p>",
            },
            { title: "Plantilla para planificar una unidad" },
            { title: "Compruebe sus resultados" },
          ],
        ],
      },
      ru: {
        title: "Цифровая педагогика в высшем образовании",
        summary: "Как планировать, вести и оценивать вузовские курсы с цифровыми инструментами — онлайн и в аудитории.",
        description:
          "Вводный курс для преподавателей, которые переводят часть занятий в онлайн.\n\nВы спроектируете один раздел своего курса: результаты обучения, задания, материалы, оценивание и совместную работу студентов.",
        modules: ["Обучение в цифровую эпоху", "Проектирование раздела курса"],
        lessons: [
          [
            {
              title: "Что меняется, когда обучение переходит в онлайн",
              body: "<p>Онлайн-занятие — это не лекция на видео. Студентам нужны <strong>ясные цели</strong>, регулярная активность, обратная связь и возможность учиться друг у друга.</p><ul><li>Планируйте короткие занятия.</li><li>Сделайте ожидания понятными.</li><li>Давайте обратную связь как можно раньше.</li></ul>",
            },
            { title: "Три преподавателя о первом онлайн-семестре" },
          ],
          [
            {
              title: "Как формулировать результаты обучения",
              body: "<p>Хороший результат обучения описывает, что студент сможет <em>сделать</em>: «сравнить два дизайна исследования», а не «понимать исследования».</p>",
            },
            { title: "Шаблон планирования раздела курса" },
            { title: "Проверьте свои формулировки" },
          ],
        ],
      },
      zh: {
        title: "高等教育数字教学法",
        summary: "学习如何在线上与课堂中借助数字工具规划、实施和评价大学课程。",
        description:
          "为开始把部分教学搬到线上的大学教师准备的入门课程。\n\n你将设计自己课程中的一个单元：学习成果、学习活动、教学材料、评价方式，以及学生如何协作。",
        modules: ["数字时代的学习", "设计一个课程单元"],
        lessons: [
          [
            {
              title: "教学转到线上后有哪些变化",
              body: "<p>线上教学不是把讲课录成视频。学生需要<strong>明确的学习目标</strong>、持续的学习活动和及时反馈，也需要相互学习的机会。</p>",
            },
            { title: "三位教师谈第一个线上学期" },
          ],
          [
            {
              title: "如何撰写学习成果",
              body: "<p>好的学习成果说明学生将能够<em>做</em>什么：例如“比较两种研究设计”，而不是“理解研究”。</p>",
            },
            { title: "课程单元设计模板" },
            { title: "检验你的学习成果表述" },
          ],
        ],
      },
      ar: {
        title: "أصول التدريس الرقمي في التعليم العالي",
        summary: "تخطيط المقررات الجامعية وتدريسها وتقييمها باستخدام الأدوات الرقمية، عبر الإنترنت وفي قاعة الدرس.",
        description:
          "دورة أولى لأعضاء هيئة التدريس الذين ينقلون جزءًا من تدريسهم إلى الإنترنت.\n\nستصمّم وحدة من مقررك: نواتج التعلّم والأنشطة والمواد والتقييم، وطريقة تعاون الطلاب.",
        modules: ["التعلّم في العصر الرقمي", "تصميم وحدة دراسية"],
        lessons: [
          [
            {
              title: "ما الذي يتغير عندما ينتقل التدريس إلى الإنترنت",
              body: "<p>التدريس عبر الإنترنت ليس محاضرة مصوّرة. يحتاج الطلاب إلى <strong>نواتج تعلّم واضحة</strong> ونشاط منتظم وتغذية راجعة وفرص للتعلّم من بعضهم.</p>",
            },
            { title: "ثلاثة أساتذة يتحدثون عن فصلهم الدراسي الأول عبر الإنترنت" },
          ],
          [
            {
              title: "صياغة نواتج التعلّم",
              body: "<p>ناتج التعلّم الجيد يصف ما سيكون الطالب قادرًا على <em>فعله</em>: «المقارنة بين تصميمين للبحث»، لا «فهم البحث».</p>",
            },
            { title: "نموذج تخطيط الوحدة الدراسية" },
            { title: "اختبر صياغتك" },
          ],
        ],
      },
    },
  },
  {
    slug: "blended-learning-design-kg",
    owner: "iioe-kyrgyzstan",
    coCreators: [{ organisation: "kyrgyz-national-university", role: "co_developer" }],
    category: "teacher_professional_development",
    level: "intermediate",
    estimatedHours: 8,
    licence: "CC-BY-SA-4.0",
    defaultLocale: "ru",
    subjectTags: ["смешанное обучение", "blended learning"],
    title: "Основы смешанного обучения",
    summary: "Как сочетать аудиторные и онлайн-занятия в вузе: модели, планирование и оценивание.",
    description:
      "Курс для преподавателей вузов Кыргызстана, которые хотят перевести часть курса в онлайн, не теряя живого общения со студентами.\n\nРазбираем модель «перевёрнутого класса», ротацию и планирование недели курса.",
    syllabus: [
      {
        title: "Модели смешанного обучения",
        lessons: [
          {
            kind: "text",
            title: "Что такое смешанное обучение",
            body: "<p>Смешанное обучение сочетает занятия в аудитории и самостоятельную работу онлайн. Важно не количество видео, а то, <strong>как связаны</strong> онлайн-задания и встречи в аудитории.</p>",
          },
          {
            kind: "text",
            title: "Перевёрнутый класс",
            body: "<p>Студенты знакомятся с новым материалом дома, а время в аудитории уходит на обсуждение, решение задач и проекты.</p><ol><li>Короткое видео или текст до занятия.</li><li>Вопросы для самопроверки.</li><li>Практика в аудитории.</li></ol>",
          },
        ],
      },
      {
        title: "Планирование и оценивание",
        lessons: [
          { kind: "file", title: "Шаблон плана учебной недели" },
          { kind: "quiz", title: "Итоговый тест", required: true },
        ],
      },
    ],
    translations: {
      en: {
        title: "Blended learning basics",
        summary: "Combining classroom and online teaching at university: models, planning and assessment.",
        description:
          "A course for university teachers in Kyrgyzstan who want to move part of a course online without losing live contact with their students.\n\nWe look at the flipped classroom, station rotation and planning a week of the course.",
        modules: ["Models of blended learning", "Planning and assessment"],
        lessons: [
          [
            {
              title: "What blended learning is",
              body: "<p>Blended learning combines classroom sessions with independent online work. What matters is not the number of videos but <strong>how</strong> the online tasks and the classroom meetings connect.</p>",
            },
            {
              title: "The flipped classroom",
              body: "<p>Students meet new material at home, and class time goes to discussion, problem solving and projects.</p><ol><li>A short video or text before class.</li><li>Self-check questions.</li><li>Practice in class.</li></ol>",
            },
          ],
          [{ title: "Weekly plan template" }, { title: "Final quiz" }],
        ],
      },
    },
  },
  {
    slug: "digital-literacy-for-teachers-kg",
    owner: "iioe-kyrgyzstan",
    category: "teacher_professional_development",
    level: "introductory",
    estimatedHours: 6,
    licence: "CC-BY-4.0",
    defaultLocale: "ru",
    subjectTags: ["цифровая грамотность"],
    title: "Цифровая грамотность преподавателя",
    summary: "Безопасная работа в сети, облачные документы и видеосвязь для занятий со студентами.",
    syllabus: [
      {
        title: "Основы работы в сети",
        lessons: [
          {
            kind: "text",
            title: "Пароли и безопасность",
            body: "<p>Используйте длинные пароли из нескольких слов и не повторяйте их на разных сайтах. Включите двухфакторную аутентификацию там, где это возможно.</p>",
          },
          { kind: "video", title: "Совместная работа в облачных документах" },
        ],
      },
    ],
  },
  {
    slug: "ai-in-teaching-eg",
    owner: "iioe-egypt",
    coCreators: [
      { organisation: "ain-shams-university", role: "co_developer" },
      { organisation: "unesco-cairo", role: "reviewer" },
    ],
    category: "teacher_professional_development",
    level: "intermediate",
    estimatedHours: 10,
    licence: "CC-BY-4.0",
    defaultLocale: "ar",
    subjectTags: ["الذكاء الاصطناعي", "ai"],
    title: "الذكاء الاصطناعي في التدريس",
    summary: "استخدام أدوات الذكاء الاصطناعي التوليدي في إعداد الدروس والتقييم بمسؤولية وأمان.",
    description:
      "دورة لأعضاء هيئة التدريس في الجامعات المصرية والعربية.\n\nنتعرّف على ما تستطيع أدوات الذكاء الاصطناعي فعله وما لا تستطيعه، ونضع سياسة واضحة لاستخدامها في المقرر.",
    syllabus: [
      {
        title: "مدخل إلى الذكاء الاصطناعي التوليدي",
        lessons: [
          {
            kind: "text",
            title: "كيف تعمل النماذج اللغوية",
            body: "<p>تتنبأ النماذج اللغوية بالكلمة التالية بناءً على كميات هائلة من النصوص. لذلك قد تكتب إجابات <strong>مقنعة لكنها خاطئة</strong>، ويجب التحقق من كل معلومة.</p>",
          },
          { kind: "video", title: "أمثلة من قاعات الدرس" },
        ],
      },
      {
        title: "الذكاء الاصطناعي والتقييم",
        lessons: [
          {
            kind: "text",
            title: "سياسة استخدام الذكاء الاصطناعي في المقرر",
            body: "<p>اكتب للطلاب بوضوح متى يُسمح باستخدام هذه الأدوات، وكيف يُشار إلى استخدامها، وما الذي يُعدّ غشًّا.</p>",
          },
          { kind: "quiz", title: "اختبار الوحدة" },
        ],
      },
    ],
    translations: {
      en: {
        title: "AI in teaching",
        summary: "Using generative AI tools to prepare lessons and assessments, responsibly and safely.",
        description:
          "A course for university teaching staff in Egypt and the Arab region.\n\nWe look at what AI tools can and cannot do, and write a clear policy for their use in your course.",
        modules: ["Introduction to generative AI", "AI and assessment"],
        lessons: [
          [
            {
              title: "How language models work",
              body: "<p>Language models predict the next word from vast amounts of text. That is why they can write answers that are <strong>convincing but wrong</strong>, and every fact must be checked.</p>",
            },
            { title: "Examples from the classroom" },
          ],
          [
            {
              title: "An AI policy for your course",
              body: "<p>Tell students clearly when these tools may be used, how to acknowledge their use, and what counts as cheating.</p>",
            },
            { title: "Unit quiz" },
          ],
        ],
      },
      fr: {
        title: "L’IA dans l’enseignement",
        summary: "Utiliser les outils d’IA générative pour préparer cours et évaluations, de manière responsable et sûre.",
        description:
          "Un cours pour les enseignants des universités d’Égypte et du monde arabe.\n\nNous voyons ce que les outils d’IA savent faire et ne savent pas faire, et rédigeons une politique claire pour leur usage dans votre cours.",
        modules: ["Introduction à l’IA générative", "IA et évaluation"],
        lessons: [
          [
            {
              title: "Comment fonctionnent les modèles de langage",
              body: "<p>Les modèles de langage prédisent le mot suivant à partir d’immenses quantités de textes. C’est pourquoi ils peuvent écrire des réponses <strong>convaincantes mais fausses</strong> : chaque information doit être vérifiée.</p>",
            },
            { title: "Exemples tirés de la classe" },
          ],
          [
            {
              title: "Une politique d’usage de l’IA pour votre cours",
              body: "<p>Dites clairement aux étudiants quand ces outils sont permis, comment signaler leur usage et ce qui est considéré comme de la triche.</p>",
            },
            { title: "Quiz de l’unité" },
          ],
        ],
      },
    },
  },
  {
    slug: "solar-pv-maintenance-eg",
    owner: "iioe-egypt",
    category: "tvet",
    level: "intermediate",
    estimatedHours: 20,
    licence: "CC-BY-NC-4.0",
    defaultLocale: "ar",
    subjectTags: ["طاقة شمسية", "solar"],
    title: "صيانة أنظمة الطاقة الشمسية الكهروضوئية",
    summary: "الفحص الدوري للألواح الشمسية والعواكس وتشخيص الأعطال الشائعة في المنازل والمزارع.",
    syllabus: [
      {
        title: "مكوّنات النظام",
        lessons: [
          {
            kind: "text",
            title: "الألواح والعواكس والبطاريات",
            body: "<p>يتكوّن النظام من ألواح تحوّل ضوء الشمس إلى تيار مستمر، وعاكس يحوّله إلى تيار متردد، وقد يضم بطاريات للتخزين.</p>",
          },
          { kind: "video", title: "جولة في محطة صغيرة" },
        ],
      },
      {
        title: "السلامة والصيانة",
        lessons: [
          { kind: "file", title: "قائمة الفحص الشهري" },
          { kind: "quiz", title: "اختبار السلامة" },
        ],
      },
    ],
    translations: {
      en: {
        title: "Solar PV system maintenance",
        summary: "Routine checks of panels and inverters and diagnosing common faults in homes and farms.",
        status: "draft",
      },
    },
  },
  {
    slug: "healthy-lifestyle-coaching-basics",
    owner: "iioe-singapore",
    category: "discipline",
    level: "introductory",
    estimatedHours: 8,
    licence: "CC-BY-4.0",
    defaultLocale: "en",
    subjectTags: ["health", "coaching"],
    title: "Healthy lifestyle coaching basics",
    summary: "Help adults build lasting habits of movement, sleep and eating through short coaching conversations.",
    syllabus: [
      {
        title: "Habits and motivation",
        lessons: [
          {
            kind: "text",
            title: "How habits form",
            body: "<p>A habit is a behaviour repeated in a stable context until it needs little thought. Start <strong>small</strong> and tie the new habit to an existing routine.</p>",
          },
          { kind: "video", title: "A coaching conversation, step by step" },
        ],
      },
      {
        title: "Coaching in practice",
        lessons: [
          {
            kind: "text",
            title: "Setting goals with the client",
            body: "<p>Goals are specific, measurable and chosen by the client, not the coach.</p>",
          },
          { kind: "quiz", title: "Practice scenarios", required: false },
        ],
      },
    ],
    translations: {
      zh: {
        title: "健康生活方式指导基础",
        summary: "通过简短的指导对话，帮助成年人养成运动、睡眠和饮食方面的长期好习惯。",
        modules: ["习惯与动机", "指导实践"],
        lessons: [
          [
            {
              title: "习惯是如何养成的",
              body: "<p>习惯是在稳定情境中反复出现、几乎不需要思考的行为。从<strong>小事</strong>做起，并把新习惯和已有的日常安排联系起来。</p>",
            },
            { title: "一次指导对话的完整步骤" },
          ],
          [
            { title: "与学员一起设定目标", body: "<p>目标应当具体、可衡量，并由学员自己选择，而不是由指导者决定。</p>" },
            { title: "情景练习" },
          ],
        ],
      },
    },
  },
  {
    slug: "learning-analytics-for-course-designers",
    owner: "iioe-singapore",
    category: "teacher_professional_development",
    level: "advanced",
    estimatedHours: 15,
    licence: "CC-BY-4.0",
    defaultLocale: "en",
    subjectTags: ["learning analytics", "data"],
    title: "Learning analytics for course designers",
    summary: "Read the data an online course produces and use it to improve activities, pacing and support for students.",
    syllabus: [
      {
        title: "What the data can tell",
        lessons: [
          {
            kind: "text",
            title: "Activity, progress and completion",
            body: "<p>Completion rates alone hide the story. Look at <em>where</em> students stop and which activities they repeat.</p>",
          },
          { kind: "file", title: "Sample course dataset" },
        ],
      },
      { title: "Acting on the data", lessons: [{ kind: "quiz", title: "Case study questions" }] },
    ],
  },
  {
    slug: "quality-assurance-of-online-courses",
    owner: "iioe",
    coCreators: [{ organisation: "ilea", role: "reviewer" }],
    category: "teacher_professional_development",
    level: "advanced",
    estimatedHours: 10,
    licence: "CC-BY-4.0",
    defaultLocale: "en",
    subjectTags: ["quality assurance", "online learning"],
    title: "Quality assurance of online courses",
    summary: "Review online and blended courses against a shared quality rubric and give authors useful feedback.",
    syllabus: [
      {
        title: "A rubric for online courses",
        lessons: [
          {
            kind: "text",
            title: "The criteria",
            body: "<p>The rubric looks at course design, accessibility, interaction, assessment and support. Each criterion has clear levels.</p>",
          },
          { kind: "file", title: "The review rubric" },
        ],
      },
      {
        title: "Giving feedback",
        lessons: [
          { kind: "text", title: "Writing review comments", body: "<p>Name the criterion, quote the course, suggest one change.</p>" },
        ],
      },
    ],
    translations: {
      zh: {
        title: "在线课程质量保障",
        summary: "依据统一的质量标准评审在线课程和混合式课程，并为课程作者提供有用的反馈。",
        modules: ["在线课程评价标准", "提供评审反馈"],
        lessons: [
          [
            { title: "评价指标", body: "<p>评价标准涵盖课程设计、无障碍、互动、评价和学习支持。每项指标都有明确的等级。</p>" },
            { title: "评审量表" },
          ],
          [{ title: "如何撰写评审意见", body: "<p>指出对应的指标，引用课程中的原文，并提出一条修改建议。</p>" }],
        ],
      },
      fr: {
        title: "Assurance qualité des cours en ligne",
        summary: "Évaluer des cours en ligne et hybrides selon une grille commune et donner aux auteurs un retour utile.",
        modules: ["Une grille pour les cours en ligne", "Formuler un retour"],
        lessons: [
          [
            {
              title: "Les critères",
              body: "<p>La grille examine la conception du cours, l’accessibilité, l’interaction, l’évaluation et l’accompagnement. Chaque critère a des niveaux clairs.</p>",
            },
            { title: "La grille d’évaluation" },
          ],
          [
            {
              title: "Rédiger des commentaires de relecture",
              body: "<p>Nommez le critère, citez le cours, proposez une modification.</p>",
            },
          ],
        ],
      },
    },
  },
  {
    slug: "blended-learning-design-gh",
    owner: "iioe-ghana",
    coCreators: [{ organisation: "university-of-cape-coast", role: "co_developer" }],
    category: "teacher_professional_development",
    level: "intermediate",
    estimatedHours: 9,
    licence: "CC-BY-4.0",
    defaultLocale: "en",
    subjectTags: ["blended learning"],
    title: "Blended learning design",
    summary: "Design a course that combines face-to-face sessions with online work that students can follow on a phone.",
    syllabus: [
      {
        title: "Designing for low bandwidth",
        lessons: [
          {
            kind: "text",
            title: "Mobile first",
            body: "<p>Many students study on a phone with expensive data. Prefer text and audio, keep videos short and offer downloads.</p>",
          },
          { kind: "video", title: "A blended week at the University of Cape Coast" },
        ],
      },
      { title: "Your course plan", lessons: [{ kind: "file", title: "Blended course planner" }] },
    ],
    translations: {
      fr: {
        title: "Concevoir un enseignement hybride",
        summary: "Concevoir un cours qui associe séances en présentiel et travail en ligne accessible sur téléphone.",
        modules: ["Concevoir pour un faible débit", "Votre plan de cours"],
        lessons: [
          [
            {
              title: "Le mobile d’abord",
              body: "<p>Beaucoup d’étudiants étudient sur un téléphone, avec des données mobiles coûteuses. Privilégiez le texte et l’audio, faites des vidéos courtes et proposez des téléchargements.</p>",
            },
            { title: "Une semaine hybride à l’Université de Cape Coast" },
          ],
          [{ title: "Planificateur de cours hybride" }],
        ],
      },
    },
  },
  {
    slug: "cocoa-processing-technology",
    owner: "iioe-ghana",
    category: "tvet",
    level: "introductory",
    estimatedHours: 14,
    licence: "CC-BY-4.0",
    defaultLocale: "en",
    subjectTags: ["agro-processing", "cocoa"],
    title: "Cocoa processing technology",
    summary: "From fermentation and drying to quality grading: the post-harvest steps that decide the price of cocoa beans.",
    syllabus: [
      {
        title: "After the harvest",
        lessons: [
          {
            kind: "text",
            title: "Fermentation",
            body: "<p>Beans ferment for five to seven days under banana leaves or in boxes, turned every two days.</p>",
          },
          { kind: "text", title: "Drying", body: "<p>Sun-dry the beans on raised mats until their moisture is about 7 per cent.</p>" },
        ],
      },
      { title: "Quality", lessons: [{ kind: "quiz", title: "Grading practice" }] },
    ],
  },
  {
    slug: "mobile-phone-repair",
    owner: "iioe-kenya",
    coCreators: [{ organisation: "university-of-nairobi", role: "co_developer" }],
    category: "tvet",
    level: "introductory",
    estimatedHours: 16,
    licence: "CC-BY-SA-4.0",
    defaultLocale: "en",
    subjectTags: ["electronics", "repair"],
    title: "Mobile phone repair and maintenance",
    summary: "Diagnose and fix the most common phone faults: screens, charging ports, batteries and software.",
    syllabus: [
      {
        title: "Safe workbench practice",
        lessons: [
          {
            kind: "text",
            title: "Tools and static electricity",
            body: "<p>Work on an anti-static mat, wear a wrist strap and never puncture a lithium battery.</p>",
          },
          { kind: "video", title: "Opening a phone safely" },
        ],
      },
      {
        title: "Common faults",
        lessons: [
          { kind: "text", title: "Charging problems", body: "<p>Check the cable and the port for dirt before replacing any part.</p>" },
          { kind: "quiz", title: "Diagnosis quiz" },
        ],
      },
    ],
    translations: {
      sw: {
        title: "Ukarabati na matengenezo ya simu za mkononi",
        summary: "Tambua na urekebishe hitilafu za kawaida za simu: skrini, sehemu za kuchaji, betri na programu.",
        modules: ["Usalama kwenye meza ya kazi", "Hitilafu za kawaida"],
        lessons: [
          [
            {
              title: "Zana na umeme tuli",
              body: "<p>Fanya kazi juu ya mkeka unaozuia umeme tuli, vaa mkanda wa kifundo cha mkono na usitoboe kamwe betri ya lithiamu.</p>",
            },
            { title: "Kufungua simu kwa usalama" },
          ],
          [
            {
              title: "Matatizo ya kuchaji",
              body: "<p>Kagua kebo na tundu la kuchaji kama kuna uchafu kabla ya kubadilisha sehemu yoyote.</p>",
            },
            { title: "Jaribio la utambuzi" },
          ],
        ],
      },
    },
  },
  {
    slug: "climate-smart-agriculture",
    owner: "iioe-kenya",
    category: "discipline",
    level: "introductory",
    estimatedHours: 10,
    licence: "CC-BY-4.0",
    defaultLocale: "en",
    subjectTags: ["agriculture", "climate"],
    title: "Introduction to climate-smart agriculture",
    summary: "Farming practices that raise yields, help farms adapt to drought and cut emissions, with examples from East Africa.",
    syllabus: [
      {
        title: "Why climate-smart",
        lessons: [
          {
            kind: "text",
            title: "Three goals",
            body: "<p>Climate-smart agriculture aims at <strong>productivity</strong>, <strong>adaptation</strong> and <strong>mitigation</strong> at once.</p>",
          },
          { kind: "video", title: "Conservation agriculture in Machakos" },
        ],
      },
    ],
  },
  {
    slug: "inclusive-education-in-practice",
    owner: "iioe-serbia",
    coCreators: [
      { organisation: "university-of-belgrade-faculty-of-education", role: "co_developer" },
      { organisation: "rs-ministry-of-education", role: "funder" },
    ],
    category: "teacher_professional_development",
    level: "intermediate",
    estimatedHours: 12,
    licence: "CC-BY-4.0",
    defaultLocale: "sr",
    subjectTags: ["инклузија", "inclusion"],
    title: "Инклузивно образовање у пракси",
    summary: "Како да планирате наставу у којој сваки ученик може да учествује и напредује.",
    syllabus: [
      {
        title: "Основе инклузије",
        lessons: [
          {
            kind: "text",
            title: "Шта је инклузивна настава",
            body: "<p>Инклузивна настава полази од различитости ученика и уклања препреке учењу, уместо да ученика прилагођава школи.</p>",
          },
          { kind: "video", title: "Час у инклузивном одељењу" },
        ],
      },
      { title: "Индивидуални образовни план", lessons: [{ kind: "file", title: "Образац ИОП-а" }] },
    ],
    translations: {
      en: {
        title: "Inclusive education in practice",
        summary: "Planning lessons in which every pupil can take part and make progress.",
        modules: ["Foundations of inclusion", "The individual education plan"],
        lessons: [
          [
            {
              title: "What inclusive teaching is",
              body: "<p>Inclusive teaching starts from the diversity of pupils and removes barriers to learning, instead of fitting the pupil to the school.</p>",
            },
            { title: "A lesson in an inclusive class" },
          ],
          [{ title: "IEP form" }],
        ],
      },
      ru: {
        title: "Инклюзивное образование на практике",
        summary: "Как планировать уроки, в которых каждый ученик может участвовать и развиваться.",
        modules: ["Основы инклюзии", "Индивидуальный образовательный план"],
        lessons: [
          [
            {
              title: "Что такое инклюзивное обучение",
              body: "<p>Инклюзивное обучение исходит из разнообразия учеников и устраняет препятствия для учёбы, а не подгоняет ученика под школу.</p>",
            },
            { title: "Урок в инклюзивном классе" },
          ],
          [{ title: "Форма ИОП" }],
        ],
      },
    },
  },
  {
    slug: "programming-with-python",
    owner: "iioe-serbia",
    category: "discipline",
    level: "introductory",
    estimatedHours: 20,
    licence: "CC-BY-4.0",
    defaultLocale: "en",
    subjectTags: ["programming", "python"],
    title: "Introduction to programming with Python",
    summary: "Variables, loops and functions through small programs about everyday data.",
    syllabus: [
      {
        title: "First programs",
        lessons: [{ kind: "text", title: "Hello, world", body: '<p>Type <code>print("Hello")</code> and run it.</p>' }],
      },
    ],
    draft: true,
  },
  {
    slug: "video-production-for-online-courses",
    owner: "iioe",
    coCreators: [{ organisation: "netdragon", role: "co_developer" }],
    category: "teacher_professional_development",
    level: "intermediate",
    estimatedHours: 6,
    licence: "CC-BY-4.0",
    defaultLocale: "zh",
    subjectTags: ["视频", "video"],
    title: "在线课程视频制作",
    summary: "用手机和简单设备录制、剪辑清晰易懂的教学微视频。",
    description: "面向高校教师的实用课程。\n\n从脚本、拍摄、录音到剪辑，逐步完成一段五分钟的教学视频。",
    syllabus: [
      {
        title: "拍摄前的准备",
        lessons: [
          {
            kind: "text",
            title: "编写视频脚本",
            body: "<p>一段教学视频只讲<strong>一个知识点</strong>。先写下学生看完后应该会做什么，再写旁白。</p>",
          },
          { kind: "video", title: "用手机布置简易录制环境" },
        ],
      },
      {
        title: "录制与剪辑",
        lessons: [
          { kind: "text", title: "声音比画面更重要", body: "<p>使用外接麦克风，在安静、有软装的房间录音。</p>" },
          { kind: "quiz", title: "单元测验" },
        ],
      },
    ],
    translations: {
      en: {
        title: "Video production for online courses",
        summary: "Record and edit clear, short teaching videos with a phone and simple equipment.",
        description:
          "A practical course for university teachers.\n\nFrom script, filming and sound recording to editing, step by step you make a five-minute teaching video.",
        modules: ["Before you film", "Recording and editing"],
        lessons: [
          [
            {
              title: "Writing a video script",
              body: "<p>One teaching video covers <strong>one idea</strong>. First write down what students should be able to do after watching, then write the narration.</p>",
            },
            { title: "A simple recording set-up with a phone" },
          ],
          [
            {
              title: "Sound matters more than picture",
              body: "<p>Use an external microphone and record in a quiet room with soft furnishings.</p>",
            },
            { title: "Unit quiz" },
          ],
        ],
      },
      ru: {
        title: "Видеопроизводство для онлайн-курсов",
        summary: "Как снять и смонтировать короткие понятные учебные видео на телефон и простое оборудование.",
        description:
          "Практический курс для преподавателей вузов.\n\nОт сценария, съёмки и записи звука до монтажа — шаг за шагом вы сделаете пятиминутное учебное видео.",
        modules: ["Подготовка к съёмке", "Запись и монтаж"],
        lessons: [
          [
            {
              title: "Сценарий учебного видео",
              body: "<p>Одно учебное видео — это <strong>одна идея</strong>. Сначала запишите, что студент должен уметь после просмотра, затем пишите текст за кадром.</p>",
            },
            { title: "Простая студия с телефоном" },
          ],
          [
            {
              title: "Звук важнее картинки",
              body: "<p>Используйте внешний микрофон и записывайте в тихой комнате с мягкой мебелью и шторами.</p>",
            },
            { title: "Тест по разделу" },
          ],
        ],
      },
    },
  },
];

/**
 * The demo courses, once: the first one's slug marks that they are there. Each not left a draft
 * is published through a recorded review; one is adapted by another centre.
 */
export async function seedCourses(seed: Seed): Promise<boolean> {
  const { catalogue, network } = seed.services;
  if (await found(catalogue.getCourse(demoCourses[0]!.slug, "en", system))) return false;
  const publish = await demoPublisher(seed);
  const ids = new Map<string, string>();
  const idOf = async (slug: string) => {
    let id = ids.get(slug);
    if (!id) {
      id = (await network.getOrganisation(slug, "en")).id;
      ids.set(slug, id);
    }
    return id;
  };

  for (const { owner, coCreators, translations, draft, ...course } of demoCourses) {
    const created = await catalogue.createCourse(
      system,
      {
        ...course,
        ownerId: await idOf(owner),
        coCreators: await Promise.all((coCreators ?? []).map(async (c) => ({ organisationId: await idOf(c.organisation), role: c.role }))),
      },
      "en",
    );
    for (const [locale, { modules, lessons, status, ...texts }] of Object.entries(translations ?? {})) {
      await catalogue.addTranslation(
        system,
        created.id,
        locale,
        {
          ...texts,
          status: status ?? "ready",
          modules: modules?.map((title, m) => ({ id: created.syllabus[m]!.id, title })),
          lessons: lessons?.flatMap((moduleLessons, m) =>
            moduleLessons.map((lesson, l) => ({ id: created.syllabus[m]!.lessons[l]!.id, ...lesson })),
          ),
        },
        "en",
      );
    }
    if (!draft) await publish(created.id);
  }
  await seedAdaptation(seed, publish);
  return true;
}
