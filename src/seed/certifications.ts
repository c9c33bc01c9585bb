import type { Rule } from "../domain/certifications/dto.ts";
import type { CertificationInput } from "../domain/certifications/validation.ts";
import { ictCft } from "./competency-frameworks.ts";
import { found, type Seed, system } from "./context.ts";
import { instituteSlug } from "./network.ts";

type Texts = { title: string; summary: string; criteria: string };
type Translated = Record<"fr" | "es" | "ru" | "zh" | "ar", Texts>;

/**
 * The institute's micro-certificate in digital teaching: the institute's digital pedagogy course,
 * then ICT CFT competencies shown by courses aligned to them (or to an assessor).
 */
const microCertificate = {
  slug: "digital-teaching-micro-certificate",
  owner: instituteSlug,
  validityMonths: 36,
  en: {
    title: "Micro-certificate in Digital Teaching",
    summary: "For lecturers who teach with digital tools: the institute’s digital pedagogy course and three ICT CFT competencies.",
    criteria:
      "Completed Digital Pedagogy for Higher Education and showed, through aligned courses or an assessor’s decision, the ICT CFT competencies in pedagogy and application of digital skills.",
  },
  translations: {
    fr: {
      title: "Micro-certificat en enseignement numérique",
      summary:
        "Pour les enseignants qui utilisent des outils numériques : le cours de pédagogie numérique de l’institut et trois compétences du référentiel TIC de l’UNESCO.",
      criteria:
        "A terminé le cours de pédagogie numérique et démontré les compétences du référentiel en pédagogie et en usage des outils numériques.",
    },
    es: {
      title: "Microcertificado en enseñanza digital",
      summary:
        "Para docentes que enseñan con herramientas digitales: el curso de pedagogía digital del instituto y tres competencias del marco TIC de la UNESCO.",
      criteria:
        "Completó el curso de pedagogía digital y demostró las competencias del marco en pedagogía y uso de herramientas digitales.",
    },
    ru: {
      title: "Микросертификат «Цифровое преподавание»",
      summary:
        "Для преподавателей, работающих с цифровыми инструментами: курс института по цифровой педагогике и три компетенции рамки ИКТ ЮНЕСКО.",
      criteria: "Прошёл курс по цифровой педагогике и подтвердил компетенции рамки в педагогике и применении цифровых навыков.",
    },
    zh: {
      title: "数字化教学微证书",
      summary: "面向使用数字工具教学的教师：研究所的数字教学法课程及联合国教科文组织教师信息通信技术能力框架中的三项能力。",
      criteria: "完成数字教学法课程，并通过相关课程或评审员决定展示了框架中教学法和数字技能应用方面的能力。",
    },
    ar: {
      title: "شهادة مصغّرة في التدريس الرقمي",
      summary:
        "للمحاضرين الذين يدرّسون بالأدوات الرقمية: مقرر المعهد في التربية الرقمية وثلاث كفاءات من إطار اليونسكو لكفاءات المعلمين في تكنولوجيا المعلومات والاتصالات.",
      criteria: "أكمل مقرر التربية الرقمية وأثبت كفاءات الإطار في أصول التدريس وتطبيق المهارات الرقمية.",
    },
  } satisfies Translated,
};

/**
 * An HLCC-style certification at the Singapore Training Centre: the coaching basics course and a
 * practicum an assessor judges against a rubric. An example: the real modules are not public.
 */
const coachCertification = {
  slug: "healthy-lifestyle-coach-certification-example",
  owner: "iioe-singapore",
  validityMonths: 24,
  en: {
    title: "Healthy Lifestyle Coach Certification (example)",
    summary:
      "An example modelled on the HLCC: the coaching basics course, then a supervised coaching practicum. Its modules here are demo data.",
    criteria:
      "Completed Healthy Lifestyle Coaching Basics and passed an assessed coaching practicum (session plan, coaching conversation, reflection).",
  },
  translations: {
    fr: {
      title: "Certification de coach en mode de vie sain (exemple)",
      summary:
        "Un exemple inspiré de la HLCC : le cours de base en coaching, puis un stage de coaching supervisé. Ses modules sont ici des données de démonstration.",
      criteria: "A terminé le cours de base et réussi un stage de coaching évalué (plan de séance, entretien de coaching, réflexion).",
    },
    es: {
      title: "Certificación de coach en estilo de vida saludable (ejemplo)",
      summary:
        "Un ejemplo basado en la HLCC: el curso básico de coaching y luego unas prácticas de coaching supervisadas. Sus módulos son datos de demostración.",
      criteria:
        "Completó el curso básico y aprobó unas prácticas de coaching evaluadas (plan de sesión, conversación de coaching, reflexión).",
    },
    ru: {
      title: "Сертификация коуча по здоровому образу жизни (пример)",
      summary:
        "Пример по образцу HLCC: базовый курс коучинга, затем практика коучинга под наблюдением. Её модули здесь — демонстрационные данные.",
      criteria: "Прошёл базовый курс и успешно выполнил оцениваемую практику коучинга (план занятия, коучинговая беседа, рефлексия).",
    },
    zh: {
      title: "健康生活方式教练认证（示例）",
      summary: "参照 HLCC 的示例：先完成教练基础课程，再进行有督导的教练实践。此处的模块为演示数据。",
      criteria: "完成健康生活方式教练基础课程，并通过评审的教练实践（课程计划、教练对话、反思）。",
    },
    ar: {
      title: "شهادة مدرّب نمط الحياة الصحي (مثال)",
      summary: "مثال على غرار HLCC: مقرر أساسيات التدريب ثم تدريب عملي مُشرَف عليه. وحداته هنا بيانات توضيحية.",
      criteria: "أكمل مقرر أساسيات تدريب نمط الحياة الصحي واجتاز تدريبًا عمليًا مُقيَّمًا (خطة الجلسة، محادثة التدريب، التأمل).",
    },
  } satisfies Translated,
};

const practicum: Rule = {
  kind: "evidence",
  key: "coaching-practicum",
  title: {
    en: "Coaching practicum report",
    fr: "Rapport de stage de coaching",
    es: "Informe de prácticas de coaching",
    ru: "Отчёт о практике коучинга",
    zh: "教练实践报告",
    ar: "تقرير التدريب العملي",
  },
  rubric: [
    {
      key: "plan",
      name: { en: "Session plan", fr: "Plan de séance", es: "Plan de sesión", ru: "План занятия", zh: "课程计划", ar: "خطة الجلسة" },
    },
    {
      key: "conversation",
      name: {
        en: "Coaching conversation",
        fr: "Entretien de coaching",
        es: "Conversación de coaching",
        ru: "Коучинговая беседа",
        zh: "教练对话",
        ar: "محادثة التدريب",
      },
    },
    { key: "reflection", name: { en: "Reflection", fr: "Réflexion", es: "Reflexión", ru: "Рефлексия", zh: "反思", ar: "التأمل" } },
  ],
  passMark: 8,
};

/** A small PDF: the demo learner's practicum report. */
const reportPdf = () =>
  new TextEncoder().encode(
    "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
  );

async function define(seed: Seed, demo: typeof microCertificate, rules: Rule, extra: Partial<CertificationInput>) {
  const { certifications, network } = seed.services;
  const owner = await network.getOrganisation(demo.owner, "en");
  const made = await certifications.createCertification(
    system,
    {
      ownerId: owner.id,
      slug: demo.slug,
      defaultLocale: "en",
      ...demo.en,
      rules,
      validityMonths: demo.validityMonths,
      status: "active",
      ...extra,
    },
    "en",
  );
  for (const [locale, texts] of Object.entries(demo.translations))
    await certifications.translateCertification(system, made.id, { locale, ...texts, status: "ready" }, "en");
  return made;
}

/**
 * The two demo certifications, once, and the demo learner's progress on the coach certification:
 * they completed the basics course (learning.ts) and send their practicum report, which waits in
 * the assessors' queue.
 */
export async function seedCertifications(seed: Seed): Promise<boolean> {
  const { certifications, competencies, catalogue } = seed.services;
  if (await found(certifications.getCertification(system, microCertificate.slug, "en"))) return false;
  const cft = await competencies.getFramework(system, ictCft.slug, "en");
  const item = (code: string) => cft.items.find((i) => i.code === code)!.id;
  const level = (code: string) => cft.levels.find((l) => l.code === code)!.id;
  const pedagogy = await catalogue.getCourse("digital-pedagogy-for-higher-education", "en", system);
  await define(
    seed,
    microCertificate,
    {
      kind: "group",
      op: "all",
      rules: [
        { kind: "course", key: "pedagogy-course", courseId: pedagogy.id, version: null },
        { kind: "competency", key: "cft-3-1", itemId: item("3.1"), levelId: level("KA") },
        {
          kind: "group",
          op: "atLeast",
          n: 1,
          rules: [
            { kind: "competency", key: "cft-4-1", itemId: item("4.1"), levelId: level("KA") },
            { kind: "competency", key: "cft-6-1", itemId: item("6.1"), levelId: level("KA") },
          ],
        },
      ],
    },
    { alignedItemIds: ["3.1", "4.1", "6.1"].map(item) },
  );
  const basics = await catalogue.getCourse("healthy-lifestyle-coaching-basics", "en", system);
  await define(
    seed,
    coachCertification,
    { kind: "group", op: "all", rules: [{ kind: "course", key: "basics-course", courseId: basics.id, version: null }, practicum] },
    { example: true },
  );
  const learner = await seed.account("learner@orbis.example");
  await certifications.submitEvidence(learner, coachCertification.slug, {
    conditionKey: "coaching-practicum",
    fileName: "coaching-practicum-report.pdf",
    bytes: reportPdf(),
    note: "Three coaching sessions with colleagues, with my session plans and reflection.",
  });
  return true;
}
