import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { courseHeadings, lessonHeadings } from "../catalogue/queries.ts";
import { itemHeadings } from "../competencies/queries.ts";
import { sessionSummaries } from "../events/queries.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { notFound } from "../shared/errors.ts";
import type { CertificationsContext } from "./context.ts";
import type { Condition, ConditionProgressDto, MyCertificationDto, ProgressNodeDto, Rule } from "./dto.ts";
import { type EvidenceRow, judge, type LearnerFacts } from "./facts.ts";
import { issueIfMet } from "./issuance.ts";
import { findCertification, latestAward, renewable, toAwardDto, toCertificationDto, visibleTo } from "./rows.ts";
import { type Evaluated, isMet, ofKind } from "./rules.ts";
import { certificationAwards } from "./schema.ts";

type Labels = {
  courses: Awaited<ReturnType<typeof courseHeadings>>;
  lessons: Awaited<ReturnType<typeof lessonHeadings>>;
  events: Map<string, { slug: string; title: string }>;
  items: Awaited<ReturnType<typeof itemHeadings>>;
};

async function labelsFor(db: Executor, publicUrl: string, rule: Rule, facts: LearnerFacts, reader: Locale): Promise<Labels> {
  const courseIds = [...ofKind(rule, "course").map((c) => c.courseId), ...[...facts.competencyCourses.values()].flat()];
  const [courses, lessons, events, items] = await Promise.all([
    courseHeadings(db, courseIds, reader),
    lessonHeadings(
      db,
      ofKind(rule, "quiz").map((c) => c.lessonId),
      reader,
    ),
    sessionSummaries(
      db,
      ofKind(rule, "events").flatMap((c) => c.eventIds),
      reader,
    ),
    itemHeadings(
      db,
      publicUrl,
      ofKind(rule, "competency").map((c) => c.itemId),
      reader,
    ),
  ]);
  return { courses, lessons, events: new Map(events.map((e) => [e.eventId, e])), items };
}

function pick(texts: Record<string, string>, reader: Locale, own: string): string {
  return texts[reader] ?? texts[own] ?? Object.values(texts)[0] ?? "";
}

function evidenceOf(row: EvidenceRow | undefined): ConditionProgressDto["evidence"] {
  if (!row) return null;
  return { id: row.id, status: row.status, fileName: row.fileName, submittedAt: row.submittedAt.toISOString(), comment: row.comment };
}

/** What to call a condition and where the learner goes to meet it. */
function describe(c: Condition, labels: Labels, facts: LearnerFacts, reader: Locale, own: string): { label: string; href: string | null } {
  const base = `/${reader}`;
  switch (c.kind) {
    case "course": {
      const course = labels.courses.get(c.courseId);
      return { label: course?.title ?? "", href: course ? `${base}/courses/${course.slug}` : null };
    }
    case "quiz": {
      const lesson = labels.lessons.get(c.lessonId);
      return { label: lesson?.title ?? "", href: lesson ? `${base}/courses/${lesson.courseSlug}/learn/${lesson.id}` : null };
    }
    case "events": {
      const titles = c.eventIds.flatMap((id) => labels.events.get(id)?.title ?? []);
      const next = c.eventIds.find((id) => !facts.attended.has(id) && labels.events.has(id));
      return { label: titles.join(" · "), href: next ? `${base}/events/${labels.events.get(next)?.slug}` : null };
    }
    case "cohort": {
      const cohort = facts.cohorts.get(c.cohortId);
      return {
        label: cohort ? `${cohort.programme.title} — ${cohort.name}` : "",
        href: cohort ? `${base}/programmes/${cohort.programme.slug}/cohorts/${cohort.id}` : null,
      };
    }
    case "evidence":
      return { label: pick(c.title, reader, own), href: `#evidence-${c.key}` };
    case "competency": {
      const item = labels.items.get(c.itemId);
      const course = (facts.competencyCourses.get(c.key) ?? []).map((id) => labels.courses.get(id)).find(Boolean);
      return {
        label: item ? `${item.code ? `${item.code} ` : ""}${item.title}` : "",
        href: course ? `${base}/courses/${course.slug}` : `#evidence-${c.key}`,
      };
    }
  }
}

function toProgress(e: Evaluated, labels: Labels, facts: LearnerFacts, reader: Locale, own: string): ProgressNodeDto {
  if (e.kind === "group")
    return { kind: "group", op: e.op, n: e.n, met: e.met, rules: e.rules.map((r) => toProgress(r, labels, facts, reader, own)) };
  const { condition: c, state } = e;
  const assessed = c.kind === "evidence" || c.kind === "competency";
  return {
    kind: c.kind,
    key: c.key,
    met: state.met,
    ...describe(c, labels, facts, reader, own),
    ...(state.done !== undefined ? { done: state.done, needed: state.needed } : {}),
    ...(assessed ? { evidence: evidenceOf(facts.evidence.get(c.key)) } : {}),
  };
}

/** One learner's standing on one certification: each condition met or not, with where to go next, and their award. */
export async function myProgress(
  ctx: CertificationsContext,
  actor: Actor | null,
  ref: string,
  reader: Locale,
): Promise<MyCertificationDto> {
  const who = requireActor(actor);
  const row = await findCertification(ctx.db, ref);
  const last = await latestAward(ctx.db, row.id, who.userId);
  if (!visibleTo(actor, row) && !last) throw notFound("certification");
  const at = ctx.now();
  const { facts, evaluated } = await judge(
    ctx.db,
    row.id,
    row.rules,
    who.userId,
    last && renewable(row, last, at) ? last.issuedAt : null,
    reader,
  );
  const labels = await labelsFor(ctx.db, ctx.publicUrl, row.rules, facts, reader);
  return {
    certification: await toCertificationDto(ctx.db, ctx.publicUrl, actor, row, reader),
    met: isMet(evaluated),
    progress: toProgress(evaluated, labels, facts, reader, row.defaultLocale),
    award: last ? toAwardDto(last, at) : null,
    renewable: row.status === "active" && renewable(row, last, at),
  };
}

/** The learner asks for their award now rather than waiting for the minute job: same rules, same idempotence. */
export async function claimAward(
  ctx: CertificationsContext,
  actor: Actor | null,
  ref: string,
  reader: Locale,
): Promise<MyCertificationDto> {
  const who = requireActor(actor);
  const row = await findCertification(ctx.db, ref);
  if (!visibleTo(actor, row)) throw notFound("certification");
  await issueIfMet(ctx, row, who.userId, reader);
  return myProgress(ctx, actor, ref, reader);
}

/** Every award cycle a learner was given, newest first. */
export async function myAwards(ctx: CertificationsContext, actor: Actor | null): Promise<ReturnType<typeof toAwardDto>[]> {
  const who = requireActor(actor);
  const rows = await ctx.db.select().from(certificationAwards).where(eq(certificationAwards.userId, who.userId));
  const at = ctx.now();
  return rows.sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime()).map((a) => toAwardDto(a, at));
}
