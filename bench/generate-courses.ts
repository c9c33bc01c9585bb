/**
 * Fills a database with many published courses for the catalogue benchmark: titles and summaries
 * made of topic words in English, French, Spanish, Russian, Chinese and Arabic, each course in its
 * default language and about half of them also in English, with two modules of two lessons.
 * Rows are written in bulk (the service would take minutes for 10,000 courses); the database
 * derives the search columns itself, as it does for the service.
 *
 * As a script: `node bench/generate-courses.ts --data-dir DIR [--count 10000]` creates (or adds
 * to) the embedded database under DIR, with the demo network, and prints what it wrote.
 */
import { parseArgs } from "node:util";
import { eq, inArray, sql } from "drizzle-orm";
import { loadConfig } from "../src/config.ts";
import type { Database } from "../src/db/client.ts";
import {
  courseModules,
  courses,
  courseTranslations,
  lessons,
  lessonTranslations,
  moduleTranslations,
} from "../src/domain/catalogue/schema.ts";
import { organisations } from "../src/domain/network/schema.ts";
import { openRuntime } from "../src/runtime.ts";
import { seedDemoIfWanted, seedTargetOf } from "../src/seed/seed.ts";

type Words = { subjects: string[]; qualifiers: string[]; summary: (subject: string, qualifier: string) => string };

/** Per language: subjects × qualifiers make the titles; a search for one subject finds a share of them. */
const vocabulary: Record<string, Words> = {
  en: {
    subjects: ["pedagogy", "statistics", "welding", "nursing", "agronomy", "robotics", "accounting", "chemistry", "tourism", "plumbing"],
    qualifiers: ["Introduction to", "Advanced", "Applied", "Digital", "Practical", "Blended"],
    summary: (s, q) => `${q} ${s} for teachers and students, with weekly activities and a final project.`,
  },
  fr: {
    subjects: ["pédagogie", "statistique", "soudure", "soins infirmiers", "agronomie", "robotique", "comptabilité", "chimie"],
    qualifiers: ["Introduction à la", "Pratique de la", "Bases de la"],
    summary: (s, q) => `${q} ${s} avec des activités chaque semaine.`,
  },
  es: {
    subjects: ["pedagogía", "estadística", "soldadura", "enfermería", "agronomía", "robótica", "contabilidad", "química"],
    qualifiers: ["Introducción a la", "Práctica de la", "Fundamentos de la"],
    summary: (s, q) => `${q} ${s} con actividades semanales.`,
  },
  ru: {
    subjects: ["педагогики", "статистики", "сварки", "сестринского дела", "агрономии", "робототехники", "бухгалтерии", "химии"],
    qualifiers: ["Основы", "Практикум", "Введение в мир"],
    summary: (s, q) => `${q} ${s}: еженедельные задания и итоговый проект.`,
  },
  zh: {
    subjects: ["教学法", "统计学", "焊接技术", "护理学", "农学", "机器人技术", "会计学", "化学"],
    qualifiers: ["数字化", "实用", "高等", "混合式"],
    summary: (s, q) => `${q}${s}课程，包含每周学习活动和期末项目。`,
  },
  ar: {
    subjects: ["أصول التدريس", "الإحصاء", "اللحام", "التمريض", "الهندسة الزراعية", "الروبوتات", "المحاسبة", "الكيمياء"],
    qualifiers: ["مدخل إلى", "أساسيات", "تطبيقات"],
    summary: (s, q) => `${q} ${s} مع أنشطة أسبوعية ومشروع نهائي.`,
  },
};
const defaultLocales = Object.keys(vocabulary);
const categories = ["discipline", "tvet", "teacher_professional_development"] as const;
const levels = ["introductory", "intermediate", "advanced"] as const;
const kinds = ["text", "video", "file", "quiz"] as const;

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

/** Indices derived with different divisors, so language, subject and category vary independently. */
function textsFor(locale: string, n: number) {
  const words = vocabulary[locale]!;
  const subject = pick(words.subjects, Math.floor(n / defaultLocales.length));
  const qualifier = pick(words.qualifiers, Math.floor(n / (defaultLocales.length * words.subjects.length)));
  const joiner = locale === "zh" ? "" : " ";
  return { title: `${qualifier}${joiner}${subject} ${n}`, summary: words.summary(subject, qualifier) };
}

export const benchSlug = (n: number) => `bench-course-${n}`;

/** Inserts `count` published courses (slugs from benchSlug) owned by the network's centres and institute. */
export async function generateCourses(db: Database, count: number): Promise<void> {
  const owners = (
    await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(inArray(organisations.kind, ["institute", "national_centre", "training_centre"]))
  ).map((o) => o.id);
  if (!owners.length) throw new Error("No centres: seed the network first.");
  const batch = 500;
  const publishedAt = new Date();
  for (let start = 0; start < count; start += batch) {
    const rows = Array.from({ length: Math.min(batch, count - start) }, (_, i) => start + i);
    await db.transaction(async (tx) => {
      const courseRows = rows.map((n) => ({
        id: crypto.randomUUID(),
        slug: benchSlug(n),
        ownerOrganisationId: pick(owners, n),
        category: pick(categories, Math.floor(n / 7)),
        level: pick(levels, Math.floor(n / 11)),
        estimatedHours: 2 + (n % 30),
        licence: "CC-BY-4.0",
        defaultLocale: pick(defaultLocales, n),
        status: "published" as const,
        subjectTags: ["benchmark"],
        publishedAt: new Date(publishedAt.getTime() - n * 60_000),
      }));
      await tx.insert(courses).values(courseRows);
      await tx.insert(courseTranslations).values(
        courseRows.flatMap((course, i) => {
          const n = rows[i]!;
          const own = { courseId: course.id, locale: course.defaultLocale, status: "ready" as const, ...textsFor(course.defaultLocale, n) };
          const english = course.defaultLocale !== "en" && n % 2 === 0;
          return english ? [own, { courseId: course.id, locale: "en", status: "ready" as const, ...textsFor("en", n) }] : [own];
        }),
      );
      const moduleRows = courseRows.flatMap((course) =>
        [0, 1].map((position) => ({ id: crypto.randomUUID(), courseId: course.id, position })),
      );
      await tx.insert(courseModules).values(moduleRows);
      const localeOf = new Map(courseRows.map((c) => [c.id, c.defaultLocale]));
      await tx
        .insert(moduleTranslations)
        .values(moduleRows.map((m) => ({ moduleId: m.id, locale: localeOf.get(m.courseId)!, title: `Module ${m.position + 1}` })));
      const lessonRows = moduleRows.flatMap((module, m) =>
        [0, 1].map((position) => ({
          id: crypto.randomUUID(),
          moduleId: module.id,
          position,
          kind: pick(kinds, m + position),
          locale: localeOf.get(module.courseId)!,
        })),
      );
      await tx.insert(lessons).values(lessonRows.map(({ locale: _, ...lesson }) => lesson));
      await tx.insert(lessonTranslations).values(
        lessonRows.map((l) => ({
          lessonId: l.id,
          locale: l.locale,
          title: `Lesson ${l.position + 1}`,
          body: l.kind === "text" ? "<p>Read this lesson, then answer the questions at the end.</p>" : "",
        })),
      );
    });
  }
}

/** Opens (or creates) the embedded database under `dataDir`, with the demo data, and adds `count` courses. */
export async function generateIntoDataDir(dataDir: string, count: number): Promise<void> {
  const runtime = await openRuntime(loadConfig({ DATA_DIR: dataDir, NODE_ENV: "production", LOG_LEVEL: "silent" }));
  try {
    await seedDemoIfWanted(seedTargetOf(runtime), "auto");
    const [existing] = await runtime.database.db
      .select({ id: courses.id })
      .from(courses)
      .where(eq(courses.slug, benchSlug(0)));
    if (!existing) {
      await generateCourses(runtime.database.db, count);
      // Planner statistics after a bulk load; PGlite runs no autovacuum to gather them.
      await runtime.database.db.execute(sql`analyze`);
    }
  } finally {
    await runtime.database.close();
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { "data-dir": { type: "string" }, count: { type: "string", default: "10000" } } });
  if (!values["data-dir"]) throw new Error("Usage: node bench/generate-courses.ts --data-dir DIR [--count 10000]");
  const started = Date.now();
  await generateIntoDataDir(values["data-dir"], Number(values.count));
  console.log(`${values.count} courses in ${values["data-dir"]} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
