/**
 * The demo's lesson media, as data: what each video lesson's slides and captions say and what
 * each download holds. `scripts/make-demo-media.ts` renders the videos (captioned slides, no
 * voice: the machine that made them had no speech synthesis) and the PDFs once into
 * `src/seed/demo-files/`, which is committed; the seed uploads those files and writes the
 * captions and CSV files from this text, so `npm start` needs nothing else.
 */

/** Seconds each caption (and slide) is shown. */
export const cueSeconds = 4;

export type DemoVideo = {
  /** The slides' language (the course's own) first, then the captions' other languages. */
  cues: Record<string, [string, string, string]>;
};

export const demoVideos: Record<string, DemoVideo> = {
  "digital-pedagogy-for-higher-education": {
    cues: {
      en: [
        "Amina, chemistry: I cut my lectures into ten-minute parts, each followed by a question.",
        "Bakyt, history: students posted a short answer every week, so I saw early who was lost.",
        "Li, engineering: group projects in shared documents kept the class working together.",
      ],
      fr: [
        "Amina, chimie : j’ai découpé mes cours en parties de dix minutes, chacune suivie d’une question.",
        "Bakyt, histoire : chaque semaine, les étudiants publiaient une courte réponse ; je voyais tôt qui décrochait.",
        "Li, ingénierie : les projets de groupe dans des documents partagés ont gardé la classe soudée.",
      ],
      es: [
        "Amina, química: dividí mis clases en partes de diez minutos, cada una seguida de una pregunta.",
        "Bakyt, historia: cada semana el alumnado publicaba una respuesta corta, así veía pronto quién se perdía.",
        "Li, ingeniería: los proyectos en grupo con documentos compartidos mantuvieron unida a la clase.",
      ],
      ru: [
        "Амина, химия: я разбила лекции на части по десять минут, после каждой — вопрос.",
        "Бакыт, история: студенты каждую неделю писали короткий ответ, и я рано видел, кто отстаёт.",
        "Ли, инженерия: групповые проекты в общих документах помогли группе работать вместе.",
      ],
      zh: [
        "阿米娜（化学）：我把讲课分成十分钟一段，每段后面提一个问题。",
        "巴克特（历史）：学生每周提交一个简短回答，我能及早发现谁跟不上。",
        "李老师（工程）：在共享文档中完成小组项目，让全班一直保持合作。",
      ],
      ar: [
        "أمينة، الكيمياء: قسّمت محاضراتي إلى أجزاء من عشر دقائق يتبع كلًّا منها سؤال.",
        "باكيت، التاريخ: كتب الطلاب إجابة قصيرة كل أسبوع، فعرفت مبكرًا من يواجه صعوبة.",
        "لي، الهندسة: أبقت المشروعات الجماعية في مستندات مشتركة الصفَّ يعمل معًا.",
      ],
    },
  },
  "digital-literacy-for-teachers-kg": {
    cues: {
      ru: [
        "Облачный документ открыт всем участникам курса одновременно.",
        "Каждый видит правки других сразу и может оставить комментарий.",
        "История версий позволяет вернуть любой прежний вариант текста.",
      ],
      en: [
        "A cloud document is open to everyone on the course at the same time.",
        "Everyone sees the others' edits at once and can leave a comment.",
        "The version history brings back any earlier state of the text.",
      ],
      ar: [
        "المستند السحابي مفتوح لجميع المشاركين في المقرر في الوقت نفسه.",
        "يرى كل مشارك تعديلات الآخرين فورًا ويمكنه ترك تعليق.",
        "يتيح سجل الإصدارات استعادة أي نسخة سابقة من النص.",
      ],
    },
  },
  "ai-in-teaching-eg": {
    cues: {
      ar: [
        "طلبت أستاذة الأحياء من الطلاب نقد إجابة كتبها نموذج لغوي وتصحيح أخطائها.",
        "استخدم أستاذ الهندسة النموذج لاقتراح أسئلة تدريبية، ثم راجعها بنفسه.",
        "في كلتا الحالتين كان الطلاب يعرفون متى يُسمح باستخدام الأداة وكيف يذكرونه.",
      ],
      en: [
        "A biology lecturer asked students to critique an answer written by a language model and correct its errors.",
        "An engineering lecturer used the model to suggest practice questions, then checked them himself.",
        "In both classes students knew when the tool was allowed and how to acknowledge it.",
      ],
      fr: [
        "Une enseignante de biologie a demandé aux étudiants de critiquer une réponse écrite par un modèle de langage et d’en corriger les erreurs.",
        "Un enseignant d’ingénierie a utilisé le modèle pour proposer des exercices, puis les a vérifiés lui-même.",
        "Dans les deux cours, les étudiants savaient quand l’outil était permis et comment le signaler.",
      ],
    },
  },
  "solar-pv-maintenance-eg": {
    cues: {
      ar: [
        "هذه محطة صغيرة على سطح مزرعة: ستة ألواح وعاكس وبطاريتان.",
        "يحوّل العاكس التيار المستمر القادم من الألواح إلى تيار متردد للمضخة والإنارة.",
        "قبل أي فحص نفصل النظام ونتأكد من انعدام الجهد بجهاز القياس.",
      ],
      en: [
        "This is a small station on a farm roof: six panels, an inverter and two batteries.",
        "The inverter turns the panels' direct current into alternating current for the pump and the lights.",
        "Before any check we switch the system off and confirm with a meter that there is no voltage.",
      ],
    },
  },
  "healthy-lifestyle-coaching-basics": {
    cues: {
      en: [
        "Coach: What would you like to change about your evenings?",
        "Client: I want to sleep earlier. Coach: What small step could you take this week?",
        "Client: Phone off at ten, three nights a week. Coach: Let's check how it went on Friday.",
      ],
      zh: [
        "指导者：你希望晚上的生活有什么改变？",
        "学员：我想早点睡。指导者：这周你可以迈出哪一小步？",
        "学员：每周三个晚上十点关手机。指导者：我们周五一起看看效果。",
      ],
    },
  },
  "blended-learning-design-gh": {
    cues: {
      en: [
        "Monday: students read a two-page text on their phones and answer three questions.",
        "Wednesday: in class, groups solve a problem based on the reading.",
        "Friday: each group posts a photo of its solution and comments on another group's.",
      ],
      fr: [
        "Lundi : les étudiants lisent un texte de deux pages sur leur téléphone et répondent à trois questions.",
        "Mercredi : en classe, des groupes résolvent un problème tiré de la lecture.",
        "Vendredi : chaque groupe publie une photo de sa solution et commente celle d’un autre groupe.",
      ],
    },
  },
  "mobile-phone-repair": {
    cues: {
      en: [
        "Switch the phone off and remove the SIM tray before you start.",
        "Warm the edge of the back cover gently, then lift it with a plastic pick, never a metal blade.",
        "Disconnect the battery first, before touching any other connector.",
      ],
      sw: [
        "Zima simu na utoe kishikio cha SIM kabla ya kuanza.",
        "Pasha joto ukingo wa kifuniko cha nyuma taratibu, kisha ukiinue kwa kipande cha plastiki, kamwe si wembe wa chuma.",
        "Tenganisha betri kwanza, kabla ya kugusa kiunganishi kingine chochote.",
      ],
    },
  },
  "climate-smart-agriculture": {
    cues: {
      en: [
        "In Machakos, farmers leave crop residues on the field instead of burning them.",
        "Minimal tillage and mulch keep moisture in the soil through dry spells.",
        "Rotating maize with beans feeds the soil with nitrogen and spreads the risk.",
      ],
    },
  },
  "inclusive-education-in-practice": {
    cues: {
      sr: [
        "Наставница почиње час кратким упутством, записаним и на табли.",
        "Ученици раде у паровима; сваки пар бира један од три нивоа задатка.",
        "На крају сваки ученик показује шта је научио на свој начин.",
      ],
      en: [
        "The teacher opens the lesson with a short instruction, also written on the board.",
        "Pupils work in pairs; each pair chooses one of three levels of the task.",
        "At the end every pupil shows what they learned in their own way.",
      ],
      ru: [
        "Учительница начинает урок с короткой инструкции, которая записана и на доске.",
        "Ученики работают в парах; каждая пара выбирает один из трёх уровней задания.",
        "В конце каждый ученик показывает, чему научился, по-своему.",
      ],
    },
  },
  "video-production-for-online-courses": {
    cues: {
      zh: [
        "把手机横放在三脚架上，镜头与眼睛齐平。",
        "面对窗户坐，让自然光照亮脸部，背景保持简洁。",
        "领夹麦克风距离嘴巴约二十厘米，先试录十秒再正式开始。",
      ],
      en: [
        "Put the phone on a tripod in landscape, the lens level with your eyes.",
        "Sit facing a window so daylight falls on your face, and keep the background plain.",
        "Clip the microphone about twenty centimetres from your mouth, and record a ten-second test first.",
      ],
      ru: [
        "Закрепите телефон на штативе горизонтально, объектив — на уровне глаз.",
        "Сядьте лицом к окну, чтобы дневной свет падал на лицо, а фон был простым.",
        "Петличный микрофон — примерно в двадцати сантиметрах от рта; сначала запишите пробные десять секунд.",
      ],
    },
  },
};

/** A download: a PDF rendered from a heading, a lead and rows (a checklist or a form to fill). */
export type DemoDocument = { locale: string; heading: string; lead: string; columns?: string[]; rows: string[] };

export const demoDocuments: Record<string, DemoDocument> = {
  "digital-pedagogy-for-higher-education": {
    locale: "en",
    heading: "Course unit planning template",
    lead: "Plan one unit of your course. Fill in each row; keep each outcome to one thing a student will be able to do.",
    columns: ["Part of the plan", "Your unit"],
    rows: [
      "Unit title",
      "Learning outcome 1",
      "Learning outcome 2",
      "Learning outcome 3",
      "Activities (and the outcome each serves)",
      "Materials",
      "Assessment: how you will see each outcome",
      "How students work together",
    ],
  },
  "blended-learning-design-kg": {
    locale: "ru",
    heading: "Шаблон плана учебной недели",
    lead: "Заполните по строке на каждую часть недели. Онлайн-задания должны готовить к встрече в аудитории, а не повторять её.",
    columns: ["Часть недели", "Задание", "Время", "Как проверим"],
    rows: ["До занятия (онлайн)", "На занятии (в аудитории)", "После занятия (онлайн)", "Обратная связь студентам"],
  },
  "solar-pv-maintenance-eg": {
    locale: "ar",
    heading: "قائمة الفحص الشهري",
    lead: "افصل النظام قبل أي إصلاح، واعمل دائمًا مع زميل. ضع علامة أمام كل بند بعد إنجازه.",
    rows: [
      "نظّف سطح الألواح من الغبار بالماء وقطعة قماش ناعمة.",
      "افحص الكابلات والوصلات بحثًا عن تشققات أو سخونة.",
      "سجّل قراءة العاكس للطاقة المنتجة هذا الشهر.",
      "تحقّق من مستوى شحن البطاريات ونظافة أطرافها.",
      "دوّن أي عطل وتاريخه في سجل الصيانة.",
    ],
  },
  "quality-assurance-of-online-courses": {
    locale: "en",
    heading: "The review rubric",
    lead: "Score each criterion from 0 (missing) to 3 (exemplary). An essential criterion scored 0 means the course goes back to its authors.",
    columns: ["Criterion", "What a reviewer looks for"],
    rows: [
      "Course design (essential)|Outcomes are stated; every activity and assessment serves one.",
      "Accessibility (essential)|Captions, text alternatives, readable on a phone.",
      "Interaction|Learners work with each other and hear from the teacher.",
      "Assessment|Tasks match the outcomes; feedback says how to improve.",
      "Support|Learners know where to ask and how long an answer takes.",
    ],
  },
  "blended-learning-design-gh": {
    locale: "en",
    heading: "Blended course planner",
    lead: "One row per week. Keep the online work light on data: text and audio first, short videos to download.",
    columns: ["Week", "Face-to-face session", "Online work (on a phone)", "Data needed"],
    rows: ["Week 1", "Week 2", "Week 3", "Week 4"],
  },
  "inclusive-education-in-practice": {
    locale: "sr",
    heading: "Образац индивидуалног образовног плана (ИОП)",
    lead: "План попуњава тим школе заједно са родитељима. Циљеви су конкретни и проверавају се на крају полугодишта.",
    columns: ["Део плана", "Попуњава тим"],
    rows: [
      "Име ученика и разред",
      "Јаке стране ученика",
      "Препреке у учењу",
      "Циљеви за ово полугодиште",
      "Прилагођавања у настави",
      "Ко је одговоран",
      "Датум провере",
    ],
  },
};

/** The analytics course's sample data set, small enough to open on a phone. */
export const sampleDatasetCsv = [
  "learner,module,activity,minutes,completed",
  "L01,1,reading,12,yes",
  "L01,1,video,9,yes",
  "L01,2,quiz,15,yes",
  "L02,1,reading,4,no",
  "L02,1,video,9,yes",
  "L03,1,reading,14,yes",
  "L03,2,quiz,6,no",
  "L04,1,reading,11,yes",
  "L04,1,video,3,no",
  "L05,1,reading,13,yes",
  "L05,2,quiz,18,yes",
  "",
].join("\n");
