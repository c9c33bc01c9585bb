import type { CriterionInput } from "../domain/catalogue/validation.ts";

/**
 * The demo quality rubric for online and blended courses, written for Orbis in the six interface
 * languages. Essential criteria are the ones no learner should meet a course without.
 */
export const demoRubric: CriterionInput[] = [
  {
    maxScore: 3,
    essential: true,
    translations: {
      en: {
        title: "Clear learning outcomes",
        description: "Each module says what learners will be able to do, in words they can check themselves against.",
      },
      fr: {
        title: "Des acquis d’apprentissage clairs",
        description: "Chaque module dit ce que les apprenants sauront faire, en des termes qu’ils peuvent vérifier eux-mêmes.",
      },
      es: {
        title: "Resultados de aprendizaje claros",
        description: "Cada módulo dice qué podrán hacer los estudiantes, con palabras que ellos mismos pueden comprobar.",
      },
      ru: {
        title: "Понятные результаты обучения",
        description: "В каждом модуле сказано, что слушатели научатся делать, так, чтобы они могли сами себя проверить.",
      },
      zh: { title: "清晰的学习成果", description: "每个模块都说明学习者将能够做什么，表述清楚，便于学习者自我检验。" },
      ar: { title: "نواتج تعلّم واضحة", description: "تبيّن كل وحدة ما سيتمكّن المتعلمون من فعله، بعبارات يستطيعون التحقق منها بأنفسهم." },
    },
  },
  {
    maxScore: 3,
    essential: true,
    translations: {
      en: {
        title: "Assessment aligned with the outcomes",
        description: "Quizzes and tasks test the stated outcomes and tell learners why an answer is right or wrong.",
      },
      fr: {
        title: "Une évaluation alignée sur les acquis",
        description: "Les quiz et les tâches évaluent les acquis annoncés et expliquent pourquoi une réponse est juste ou fausse.",
      },
      es: {
        title: "Evaluación alineada con los resultados",
        description: "Los cuestionarios y tareas evalúan los resultados anunciados y explican por qué una respuesta es correcta o no.",
      },
      ru: {
        title: "Оценивание соответствует результатам",
        description: "Тесты и задания проверяют заявленные результаты и объясняют, почему ответ верен или неверен.",
      },
      zh: { title: "评估与学习成果一致", description: "测验和任务检验既定的学习成果，并告诉学习者答案为什么对或错。" },
      ar: {
        title: "تقييم متّسق مع النواتج",
        description: "تقيس الاختبارات والمهام النواتج المعلنة وتوضّح للمتعلمين سبب صحة الإجابة أو خطئها.",
      },
    },
  },
  {
    maxScore: 3,
    essential: true,
    translations: {
      en: {
        title: "Accessible materials",
        description: "Videos have captions or transcripts, images have text alternatives, and documents can be read with a screen reader.",
      },
      fr: {
        title: "Des ressources accessibles",
        description:
          "Les vidéos ont des sous-titres ou une transcription, les images un texte de remplacement, et les documents se lisent avec un lecteur d’écran.",
      },
      es: {
        title: "Materiales accesibles",
        description:
          "Los vídeos tienen subtítulos o transcripción, las imágenes texto alternativo y los documentos se leen con lector de pantalla.",
      },
      ru: {
        title: "Доступные материалы",
        description: "У видео есть субтитры или расшифровка, у изображений — текстовое описание, документы читаются экранным диктором.",
      },
      zh: { title: "无障碍的学习材料", description: "视频配有字幕或文字稿，图片配有替代文字，文档可以用屏幕阅读器阅读。" },
      ar: {
        title: "مواد ميسّرة الوصول",
        description: "للفيديوهات ترجمة مرئية أو نص مكتوب، وللصور نص بديل، ويمكن قراءة المستندات بقارئ الشاشة.",
      },
    },
  },
  {
    maxScore: 3,
    essential: false,
    translations: {
      en: {
        title: "Interaction and community",
        description: "Learners talk with each other and with the facilitator: discussions, peer feedback, group tasks.",
      },
      fr: {
        title: "Interaction et communauté",
        description: "Les apprenants échangent entre eux et avec l’animateur : discussions, retours entre pairs, travaux de groupe.",
      },
      es: {
        title: "Interacción y comunidad",
        description: "Los estudiantes dialogan entre sí y con el facilitador: debates, retroalimentación entre pares, tareas en grupo.",
      },
      ru: {
        title: "Взаимодействие и сообщество",
        description: "Слушатели общаются друг с другом и с ведущим: обсуждения, взаимная обратная связь, групповые задания.",
      },
      zh: { title: "互动与学习共同体", description: "学习者之间以及与辅导者之间有交流：讨论、同伴反馈、小组任务。" },
      ar: {
        title: "التفاعل والمجتمع",
        description: "يتحاور المتعلمون فيما بينهم ومع الميسّر: نقاشات وتغذية راجعة بين الأقران ومهام جماعية.",
      },
    },
  },
  {
    maxScore: 3,
    essential: false,
    translations: {
      en: {
        title: "Learner support",
        description: "Learners know where to ask for help, how quickly they will hear back, and what to do when they fall behind.",
      },
      fr: {
        title: "Accompagnement des apprenants",
        description: "Les apprenants savent où demander de l’aide, dans quel délai on leur répond et quoi faire s’ils prennent du retard.",
      },
      es: {
        title: "Apoyo a los estudiantes",
        description: "Los estudiantes saben dónde pedir ayuda, en cuánto tiempo recibirán respuesta y qué hacer si se retrasan.",
      },
      ru: {
        title: "Поддержка слушателей",
        description: "Слушатели знают, куда обратиться за помощью, как быстро им ответят и что делать, если они отстали.",
      },
      zh: { title: "学习支持", description: "学习者知道去哪里求助、多久能得到回复，以及落后时该怎么办。" },
      ar: { title: "دعم المتعلمين", description: "يعرف المتعلمون أين يطلبون المساعدة، ومتى يتلقّون الرد، وماذا يفعلون إن تأخّروا." },
    },
  },
  {
    maxScore: 3,
    essential: false,
    translations: {
      en: {
        title: "Technology for low bandwidth and offline use",
        description: "Pages are light, videos are short and downloadable, and the course works on a phone with a weak connection.",
      },
      fr: {
        title: "Technologie pour faible débit et hors ligne",
        description: "Les pages sont légères, les vidéos courtes et téléchargeables, et le cours fonctionne sur un téléphone mal connecté.",
      },
      es: {
        title: "Tecnología para poco ancho de banda y sin conexión",
        description: "Las páginas son ligeras, los vídeos cortos y descargables, y el curso funciona en un teléfono con mala conexión.",
      },
      ru: {
        title: "Технологии для слабого интернета и работы офлайн",
        description: "Страницы лёгкие, видео короткие и скачиваемые, курс работает на телефоне при слабой связи.",
      },
      zh: { title: "适应低带宽和离线使用", description: "页面轻量，视频短小且可下载，课程在网络较差的手机上也能使用。" },
      ar: {
        title: "تقنية تناسب ضعف الاتصال والعمل دون إنترنت",
        description: "الصفحات خفيفة، والفيديوهات قصيرة وقابلة للتنزيل، وتعمل الدورة على هاتف باتصال ضعيف.",
      },
    },
  },
  {
    maxScore: 3,
    essential: false,
    translations: {
      en: {
        title: "Multilingual clarity",
        description: "Plain language, terms explained once and used consistently, texts that translate well.",
      },
      fr: {
        title: "Clarté multilingue",
        description: "Une langue simple, des termes expliqués une fois et employés de façon cohérente, des textes faciles à traduire.",
      },
      es: {
        title: "Claridad multilingüe",
        description: "Lenguaje sencillo, términos explicados una vez y usados de forma coherente, textos fáciles de traducir.",
      },
      ru: {
        title: "Ясность на разных языках",
        description: "Простой язык, термины объяснены один раз и используются единообразно, тексты легко переводить.",
      },
      zh: { title: "多语言表达清晰", description: "语言平实，术语解释一次并前后一致，文本便于翻译。" },
      ar: { title: "وضوح متعدد اللغات", description: "لغة بسيطة، ومصطلحات تُشرح مرة واحدة وتُستخدم باتساق، ونصوص تسهل ترجمتها." },
    },
  },
  {
    maxScore: 2,
    essential: true,
    translations: {
      en: {
        title: "Licensing and attribution",
        description: "The course has an open licence, and every third-party material is credited and may be reused under it.",
      },
      fr: {
        title: "Licence et attribution",
        description: "Le cours a une licence ouverte, et chaque ressource tierce est créditée et réutilisable à ces conditions.",
      },
      es: {
        title: "Licencia y atribución",
        description: "El curso tiene una licencia abierta, y cada material de terceros está acreditado y puede reutilizarse con ella.",
      },
      ru: {
        title: "Лицензия и указание авторства",
        description: "У курса открытая лицензия, все сторонние материалы подписаны и могут использоваться на её условиях.",
      },
      zh: { title: "许可与署名", description: "课程采用开放许可，每一份第三方材料都注明出处，并可在该许可下复用。" },
      ar: {
        title: "الترخيص ونسبة المصادر",
        description: "للدورة ترخيص مفتوح، وكل مادة من طرف ثالث منسوبة إلى مصدرها ويجوز إعادة استخدامها بموجبه.",
      },
    },
  },
  {
    maxScore: 3,
    essential: false,
    translations: {
      en: {
        title: "A plan for blended delivery",
        description: "The course says which parts happen online and which in class or in a smart classroom, and how they connect.",
      },
      fr: {
        title: "Un plan pour l’enseignement hybride",
        description: "Le cours précise ce qui se fait en ligne, en classe ou en salle intelligente, et comment ces parties s’articulent.",
      },
      es: {
        title: "Un plan para la modalidad mixta",
        description: "El curso indica qué partes son en línea y cuáles en el aula o en un aula inteligente, y cómo se conectan.",
      },
      ru: {
        title: "План смешанного обучения",
        description: "В курсе сказано, какие части проходят онлайн, какие — в аудитории или смарт-классе, и как они связаны.",
      },
      zh: { title: "混合式教学方案", description: "课程说明哪些部分在线进行，哪些在课堂或智慧教室进行，以及它们如何衔接。" },
      ar: {
        title: "خطة للتعليم المدمج",
        description: "توضّح الدورة ما يجري عبر الإنترنت وما يجري في القاعة أو الفصل الذكي، وكيف يترابطان.",
      },
    },
  },
];
