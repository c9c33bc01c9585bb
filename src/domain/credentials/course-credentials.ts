import { eq, sql } from "drizzle-orm";
import type { Executor, Transaction } from "../../db/client.ts";
import { type Locale, locales } from "../../i18n/locales.ts";
import { courseForLearner, courseHeadings } from "../catalogue/queries.ts";
import { alignedItems } from "../competencies/queries.ts";
import { completedAt, completionsAfter } from "../learning/queries.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { notFound } from "../shared/errors.ts";
import { rowsOf } from "../shared/sql.ts";
import type { CredentialsContext } from "./context.ts";
import type { CredentialSummary } from "./dto.ts";
import { issueInTransaction } from "./issue.ts";
import { credentialJobCursors, credentials } from "./schema.ts";
import { myCredentials } from "./wallet.ts";

const job = "course-completions";

/** What every course credential says was required, in the six languages (signed in the course's own). */
const criteria: Record<Locale, string> = {
  en: "Completed every required lesson of the course.",
  fr: "A terminé toutes les leçons obligatoires du cours.",
  es: "Completó todas las lecciones obligatorias del curso.",
  ru: "Прошёл(-ла) все обязательные уроки курса.",
  zh: "完成了本课程的全部必修课。",
  ar: "أتمّ جميع الدروس الإلزامية في المقرر.",
};
const description: Record<Locale, string> = {
  en: "A course of the Orbis network, completed online.",
  fr: "Un cours du réseau Orbis, suivi en ligne.",
  es: "Un curso de la red Orbis, completado en línea.",
  ru: "Курс сети Orbis, пройденный онлайн.",
  zh: "Orbis 网络的一门在线课程。",
  ar: "مقرر من شبكة Orbis أُتمّ عبر الإنترنت.",
};

export const courseSourceKey = (courseId: string, userId: string) => `course:${courseId}:${userId}`;

/** The course's title in each language it is ready in. */
async function titles(db: Executor, courseId: string): Promise<Record<string, string>> {
  const shown = await Promise.all(
    locales.map(async (locale) => [locale, (await courseHeadings(db, [courseId], locale)).get(courseId)] as const),
  );
  return Object.fromEntries(shown.filter(([locale, h]) => h && h.shownLocale === locale).map(([locale, h]) => [locale, h?.title ?? ""]));
}

async function issueForCourse(ctx: CredentialsContext, tx: Transaction, userId: string, courseId: string, completed: Date) {
  const course = await courseForLearner(tx, courseId);
  if (!course) throw notFound("course");
  const language = (locales as readonly string[]).includes(course.defaultLocale) ? (course.defaultLocale as Locale) : "en";
  const name = await titles(tx, courseId);
  if (!name[language]) name[language] = (await courseHeadings(tx, [courseId], language)).get(courseId)?.title ?? course.slug;
  const items = (await alignedItems(tx, "course", [courseId])).get(courseId) ?? [];
  return issueInTransaction(ctx, tx, {
    sourceKey: courseSourceKey(courseId, userId),
    issuerOrganisationId: course.ownerOrganisationId,
    recipientUserId: userId,
    achievement: {
      key: `course-${course.id}`,
      achievementType: "Course",
      language,
      name,
      description,
      criteriaNarrative: criteria,
      alignments: items.map((item) => ({
        targetName: item.identifier,
        targetUrl: `${ctx.publicUrl}/ims/case/v1p0/CFItems/${encodeURIComponent(item.identifier)}`,
        targetCode: item.identifier,
      })),
    },
    validFrom: completed,
    validUntil: null,
    evidence: [{ name: name[language] ?? course.slug, url: `${ctx.publicUrl}/${language}/courses/${course.slug}` }],
  });
}

/**
 * The minute job: a course credential for each completion since the last run, in completion
 * order, one server at a time (an advisory lock), each in a savepoint so one bad course does not
 * hold up the rest.
 */
export async function issueCourseCredentials(ctx: CredentialsContext, limit = 200): Promise<{ issued: number; failed: number }> {
  if (!ctx.keySecret) return { issued: 0, failed: 0 };
  return ctx.db.transaction(async (tx) => {
    const [lock] = rowsOf<{ locked: boolean }>(
      await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext('orbis:credentials:course-completions')) as locked`),
    );
    if (!lock?.locked) return { issued: 0, failed: 0 };
    const [cursor] = await tx.select().from(credentialJobCursors).where(eq(credentialJobCursors.job, job));
    const batch = await completionsAfter(tx, cursor ?? null, limit);
    let issued = 0;
    let failed = 0;
    for (const completion of batch) {
      try {
        const result = await tx.transaction((savepoint) =>
          issueForCourse(ctx, savepoint, completion.userId, completion.courseId, completion.completedAt),
        );
        if (result.created) issued++;
      } catch {
        failed++;
      }
    }
    const last = batch.at(-1);
    if (last) {
      await tx
        .insert(credentialJobCursors)
        .values({ job, completedAt: last.completedAt, enrolmentId: last.enrolmentId })
        .onConflictDoUpdate({ target: credentialJobCursors.job, set: { completedAt: last.completedAt, enrolmentId: last.enrolmentId } });
    }
    return { issued, failed };
  });
}

/**
 * The learner's credential for a course they completed, issued now if the job has not got to it
 * yet (the course-complete page shows it at once); null when they have not completed the course.
 */
export async function courseCredential(
  ctx: CredentialsContext,
  actor: Actor | null,
  courseId: string,
  reader: Locale,
): Promise<CredentialSummary | null> {
  const who = requireActor(actor);
  const completed = await completedAt(ctx.db, who.userId, courseId);
  if (!completed || !ctx.keySecret) return null;
  const sourceKey = courseSourceKey(courseId, who.userId);
  const [existing] = await ctx.db.select({ id: credentials.id }).from(credentials).where(eq(credentials.sourceKey, sourceKey));
  const id = existing?.id ?? (await ctx.db.transaction((tx) => issueForCourse(ctx, tx, who.userId, courseId, completed))).credentialId;
  return (await myCredentials(ctx, actor, reader)).find((c) => c.id === id) ?? null;
}
