import type { SitePageSlug } from "../domain/network/dto.ts";
import type { Locale } from "../i18n/locales.ts";
import { found, type Seed, system } from "./context.ts";

type Text = { title: string; body: string };

/**
 * The footer's pages as a network's secretariat would first write them: short, plain, in the six
 * interface languages. A real deployment rewrites them on /manage/pages.
 */
const pages: Record<SitePageSlug, Record<Locale, Text>> = {
  privacy: {
    en: {
      title: "Privacy",
      body: "Orbis keeps what it needs to run your learning: your name, email address, language, time zone, the courses you take, your progress and quiz results, and the events and programmes you join.\n\nYour centre and the network's secretariat see this information to run courses, events and programmes. It is not sold or shared for advertising. Passwords are stored only as one-way hashes.\n\nYou may ask your centre for a copy of your data or for your account to be deleted. Write to the secretariat (see Contact) with any question about your data.",
    },
    fr: {
      title: "Confidentialité",
      body: "Orbis conserve ce qu’il faut pour faire fonctionner votre apprentissage : votre nom, votre adresse électronique, votre langue, votre fuseau horaire, les cours que vous suivez, votre progression et vos résultats aux quiz, ainsi que les événements et programmes auxquels vous participez.\n\nVotre centre et le secrétariat du réseau voient ces informations pour organiser les cours, les événements et les programmes. Elles ne sont ni vendues ni partagées à des fins publicitaires. Les mots de passe ne sont conservés que sous forme d’empreintes irréversibles.\n\nVous pouvez demander à votre centre une copie de vos données ou la suppression de votre compte. Écrivez au secrétariat (voir Contact) pour toute question sur vos données.",
    },
    es: {
      title: "Privacidad",
      body: "Orbis guarda lo necesario para su aprendizaje: su nombre, su correo electrónico, su idioma, su zona horaria, los cursos que sigue, su progreso y sus resultados en los cuestionarios, y los eventos y programas en los que participa.\n\nSu centro y la secretaría de la red ven esta información para organizar cursos, eventos y programas. No se vende ni se comparte con fines publicitarios. Las contraseñas se guardan solo como huellas irreversibles.\n\nPuede pedir a su centro una copia de sus datos o la eliminación de su cuenta. Escriba a la secretaría (véase Contacto) con cualquier pregunta sobre sus datos.",
    },
    ru: {
      title: "Конфиденциальность",
      body: "Orbis хранит то, что нужно для вашего обучения: имя, адрес электронной почты, язык, часовой пояс, курсы, которые вы проходите, ваш прогресс и результаты тестов, а также мероприятия и программы, в которых вы участвуете.\n\nЭти сведения видят ваш центр и секретариат сети, чтобы проводить курсы, мероприятия и программы. Они не продаются и не передаются для рекламы. Пароли хранятся только в виде необратимых хешей.\n\nВы можете попросить свой центр выдать копию ваших данных или удалить учётную запись. С вопросами о данных пишите в секретариат (см. «Контакты»).",
    },
    zh: {
      title: "隐私",
      body: "Orbis 只保存支持您学习所需的信息：您的姓名、电子邮箱、语言、时区、所学课程、学习进度和测验成绩，以及您参加的活动和培训项目。\n\n您所在的中心和网络秘书处会查看这些信息，以便组织课程、活动和培训项目。这些信息不会出售，也不会用于广告。密码仅以不可逆的哈希形式保存。\n\n您可以请所在中心提供您的数据副本或删除您的账户。如对您的数据有任何疑问，请联系秘书处（见“联系我们”）。",
    },
    ar: {
      title: "الخصوصية",
      body: "يحتفظ Orbis بما يلزم لتعلّمك فقط: اسمك وبريدك الإلكتروني ولغتك ومنطقتك الزمنية والدورات التي تتابعها وتقدّمك ونتائج اختباراتك، والفعاليات والبرامج التي تشارك فيها.\n\nيطّلع مركزك وأمانة الشبكة على هذه المعلومات لتنظيم الدورات والفعاليات والبرامج. لا تُباع ولا تُشارك لأغراض إعلانية. تُحفظ كلمات المرور في صورة بصمات لا يمكن عكسها فقط.\n\nيمكنك أن تطلب من مركزك نسخة من بياناتك أو حذف حسابك. راسل الأمانة (انظر صفحة التواصل) بأي سؤال عن بياناتك.",
    },
  },
  terms: {
    en: {
      title: "Terms of use",
      body: "Orbis is offered by the centres of the network for learning and for professional development. Use it in good faith: give your real name, keep your password to yourself and respect the other people in courses, events and programmes.\n\nCourses carry the licence their authors chose, shown on each course page; most are open (Creative Commons). Follow the licence when you reuse a course's material.\n\nThe software is open source (AGPL-3.0-or-later). The network may change these terms; the date of the last change is shown on this page.",
    },
    fr: {
      title: "Conditions d’utilisation",
      body: "Orbis est proposé par les centres du réseau pour l’apprentissage et le développement professionnel. Utilisez-le de bonne foi : indiquez votre vrai nom, gardez votre mot de passe pour vous et respectez les autres participants des cours, événements et programmes.\n\nLes cours portent la licence choisie par leurs auteurs, indiquée sur chaque page de cours ; la plupart sont ouverts (Creative Commons). Respectez la licence quand vous réutilisez le matériel d’un cours.\n\nLe logiciel est libre (AGPL-3.0 ou ultérieure). Le réseau peut modifier ces conditions ; la date de la dernière modification figure sur cette page.",
    },
    es: {
      title: "Condiciones de uso",
      body: "Orbis lo ofrecen los centros de la red para el aprendizaje y el desarrollo profesional. Úselo de buena fe: indique su nombre real, no comparta su contraseña y respete a las demás personas en cursos, eventos y programas.\n\nLos cursos llevan la licencia que eligieron sus autores, indicada en cada página de curso; la mayoría son abiertos (Creative Commons). Respete la licencia cuando reutilice el material de un curso.\n\nEl software es de código abierto (AGPL-3.0 o posterior). La red puede cambiar estas condiciones; la fecha del último cambio figura en esta página.",
    },
    ru: {
      title: "Условия использования",
      body: "Orbis предоставляют центры сети для обучения и профессионального развития. Пользуйтесь им добросовестно: указывайте настоящее имя, никому не сообщайте пароль и уважайте других участников курсов, мероприятий и программ.\n\nКурсы распространяются по лицензии, которую выбрали их авторы; она указана на странице каждого курса, большинство курсов открыты (Creative Commons). Соблюдайте лицензию, когда используете материалы курса.\n\nПрограмма открыта (AGPL-3.0 или более поздняя). Сеть может изменять эти условия; дата последнего изменения указана на этой странице.",
    },
    zh: {
      title: "使用条款",
      body: "Orbis 由网络各中心提供，用于学习和专业发展。请诚信使用：填写真实姓名，妥善保管密码，尊重课程、活动和培训项目中的其他参与者。\n\n每门课程采用其作者选择的许可协议，显示在课程页面上；大多数课程是开放的（知识共享）。重复使用课程材料时请遵守其许可协议。\n\n本软件为开源软件（AGPL-3.0 或更高版本）。网络可能修改本条款；最近一次修改的日期显示在本页。",
    },
    ar: {
      title: "شروط الاستخدام",
      body: "تقدّم مراكز الشبكة Orbis للتعلّم والتطوير المهني. استخدمه بحسن نية: اكتب اسمك الحقيقي، واحتفظ بكلمة مرورك لنفسك، واحترم الآخرين في الدورات والفعاليات والبرامج.\n\nتحمل كل دورة الترخيص الذي اختاره مؤلفوها، وهو مذكور في صفحتها؛ ومعظم الدورات مفتوحة (المشاع الإبداعي). التزم بالترخيص عند إعادة استخدام مواد أي دورة.\n\nالبرنامج مفتوح المصدر (AGPL-3.0 أو أحدث). قد تغيّر الشبكة هذه الشروط؛ ويظهر تاريخ آخر تغيير في هذه الصفحة.",
    },
  },
  accessibility: {
    en: {
      title: "Accessibility",
      body: "Orbis aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. Pages work without JavaScript, on a 360-pixel phone screen and with a keyboard alone; they are tested automatically in six languages, including Arabic from right to left.\n\nVideo lessons may have captions in several languages; some older course material may not yet be fully accessible.\n\nIf something stops you from using Orbis, tell the secretariat (see Contact): say which page and what happened, and we will answer within ten working days.",
    },
    fr: {
      title: "Accessibilité",
      body: "Orbis vise la conformité aux Règles pour l’accessibilité des contenus Web (WCAG) 2.2, niveau AA. Les pages fonctionnent sans JavaScript, sur un écran de téléphone de 360 pixels et au clavier seul ; elles sont testées automatiquement en six langues, dont l’arabe de droite à gauche.\n\nLes leçons vidéo peuvent avoir des sous-titres en plusieurs langues ; certains anciens contenus de cours ne sont peut-être pas encore entièrement accessibles.\n\nSi quelque chose vous empêche d’utiliser Orbis, signalez-le au secrétariat (voir Contact) : indiquez la page et ce qui s’est passé ; nous répondrons sous dix jours ouvrés.",
    },
    es: {
      title: "Accesibilidad",
      body: "Orbis aspira a cumplir las Pautas de Accesibilidad para el Contenido Web (WCAG) 2.2, nivel AA. Las páginas funcionan sin JavaScript, en una pantalla de teléfono de 360 píxeles y solo con el teclado; se prueban automáticamente en seis idiomas, incluido el árabe de derecha a izquierda.\n\nLas lecciones en vídeo pueden tener subtítulos en varios idiomas; algunos materiales de cursos antiguos quizá aún no sean totalmente accesibles.\n\nSi algo le impide usar Orbis, dígaselo a la secretaría (véase Contacto): indique la página y lo que ocurrió, y responderemos en un plazo de diez días hábiles.",
    },
    ru: {
      title: "Доступность",
      body: "Orbis стремится соответствовать Руководству по доступности веб-контента (WCAG) 2.2 на уровне AA. Страницы работают без JavaScript, на экране телефона шириной 360 пикселей и с одной клавиатурой; они автоматически проверяются на шести языках, включая арабский с письмом справа налево.\n\nУ видеоуроков могут быть субтитры на нескольких языках; некоторые старые материалы курсов пока могут быть доступны не полностью.\n\nЕсли что-то мешает вам пользоваться Orbis, сообщите в секретариат (см. «Контакты»): укажите страницу и что произошло — мы ответим в течение десяти рабочих дней.",
    },
    zh: {
      title: "无障碍",
      body: "Orbis 力求符合《Web 内容无障碍指南》（WCAG）2.2 AA 级。页面无需 JavaScript 即可使用，可在 360 像素宽的手机屏幕上使用，也可仅用键盘操作；页面以六种语言自动测试，包括从右向左书写的阿拉伯文。\n\n视频课可能提供多种语言的字幕；部分较早的课程材料可能尚未完全无障碍。\n\n如果有任何问题妨碍您使用 Orbis，请告知秘书处（见“联系我们”）：说明是哪个页面以及发生了什么，我们将在十个工作日内答复。",
    },
    ar: {
      title: "إمكانية الوصول",
      body: "يسعى Orbis إلى استيفاء إرشادات إتاحة محتوى الويب (WCAG) 2.2 بالمستوى AA. تعمل الصفحات دون JavaScript، وعلى شاشة هاتف بعرض 360 بكسل، وبلوحة المفاتيح وحدها؛ وتُختبر آليًا بست لغات، منها العربية من اليمين إلى اليسار.\n\nقد تتوفر لدروس الفيديو ترجمات مكتوبة بعدة لغات؛ وقد لا تكون بعض مواد الدورات القديمة متاحة بالكامل بعد.\n\nإذا منعك شيء من استخدام Orbis فأخبر الأمانة (انظر صفحة التواصل): اذكر الصفحة وما حدث، وسنجيب خلال عشرة أيام عمل.",
    },
  },
  contact: {
    en: {
      title: "Contact",
      body: "For a course, an event or a programme, write first to the centre that offers it: each centre's page gives its address and contacts.\n\nFor your account, your data, accessibility or anything about the network as a whole, write to the secretariat: secretariat@orbis.example.\n\nOrbis is open-source software: to report a fault in it, see the project's issue tracker.",
    },
    fr: {
      title: "Contact",
      body: "Pour un cours, un événement ou un programme, écrivez d’abord au centre qui le propose : la page de chaque centre donne son adresse et ses contacts.\n\nPour votre compte, vos données, l’accessibilité ou toute question sur le réseau dans son ensemble, écrivez au secrétariat : secretariat@orbis.example.\n\nOrbis est un logiciel libre : pour signaler un défaut, consultez le suivi des tickets du projet.",
    },
    es: {
      title: "Contacto",
      body: "Para un curso, un evento o un programa, escriba primero al centro que lo ofrece: la página de cada centro indica su dirección y sus contactos.\n\nPara su cuenta, sus datos, la accesibilidad o cualquier asunto de la red en su conjunto, escriba a la secretaría: secretariat@orbis.example.\n\nOrbis es software de código abierto: para informar de un fallo, consulte el gestor de incidencias del proyecto.",
    },
    ru: {
      title: "Контакты",
      body: "По вопросам курса, мероприятия или программы сначала пишите в центр, который их проводит: адрес и контакты есть на странице каждого центра.\n\nПо вопросам учётной записи, ваших данных, доступности или сети в целом пишите в секретариат: secretariat@orbis.example.\n\nOrbis — программа с открытым кодом: чтобы сообщить о неисправности, воспользуйтесь трекером задач проекта.",
    },
    zh: {
      title: "联系我们",
      body: "关于课程、活动或培训项目，请先联系提供它的中心：每个中心的页面上都有其地址和联系方式。\n\n关于您的账户、您的数据、无障碍或整个网络的任何事宜，请写信给秘书处：secretariat@orbis.example。\n\nOrbis 是开源软件：如需报告软件故障，请使用项目的问题跟踪系统。",
    },
    ar: {
      title: "تواصل معنا",
      body: "بخصوص دورة أو فعالية أو برنامج، راسل أولًا المركز الذي يقدّمه: تجد عنوانه ووسائل التواصل معه في صفحة كل مركز.\n\nبخصوص حسابك أو بياناتك أو إمكانية الوصول أو أي شأن يخص الشبكة كلها، راسل الأمانة: secretariat@orbis.example.\n\nOrbis برنامج مفتوح المصدر: للإبلاغ عن خلل فيه، استخدم متتبّع المشكلات الخاص بالمشروع.",
    },
  },
};

export async function seedSitePages(seed: Seed): Promise<boolean> {
  const { network } = seed.services;
  if (await found(network.getSitePage("privacy", "en"))) return false;
  for (const [slug, texts] of Object.entries(pages)) {
    for (const [locale, text] of Object.entries(texts)) await network.saveSitePage(system, slug, locale, text);
  }
  return true;
}
