import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { coursesAlignedAtLevel } from "../competencies/queries.ts";
import { attendance } from "../events/queries.ts";
import { bestQuizPercents, completions } from "../learning/queries.ts";
import { cohortParticipantIds, cohortWithCourses } from "../programmes/queries.ts";
import type { Condition, Rule } from "./dto.ts";
import { type ConditionState, conditionsOf, type Evaluated, evaluate, ofKind } from "./rules.ts";
import { certificationEvidence } from "./schema.ts";

export type EvidenceRow = typeof certificationEvidence.$inferSelect;
type Cohort = NonNullable<Awaited<ReturnType<typeof cohortWithCourses>>> & { participant: boolean };

/** What one learner has done that a certification's rules ask about, read from the modules that know it. */
export type LearnerFacts = {
  completions: Map<string, { version: number | null; completedAt: Date }>;
  quizBest: Map<string, number>;
  attended: Set<string>;
  cohorts: Map<string, Cohort>;
  /** The learner's latest evidence per condition key. */
  evidence: Map<string, EvidenceRow>;
  /** Per competency condition key: courses aligned to it at its level. */
  competencyCourses: Map<string, string[]>;
  /** Evidence counts for this award cycle only when decided after this instant (the previous cycle's issue). */
  since: Date | null;
};

export async function gatherFacts(
  db: Executor,
  certificationId: string,
  rule: Rule,
  userId: string,
  since: Date | null,
  reader: Locale,
): Promise<LearnerFacts> {
  const cohortIds = [...new Set(ofKind(rule, "cohort").map((c) => c.cohortId))];
  const competencies = ofKind(rule, "competency");
  const [quizBest, attendedRows, cohortRows, evidenceRows, aligned] = await Promise.all([
    bestQuizPercents(
      db,
      userId,
      ofKind(rule, "quiz").map((c) => c.lessonId),
    ),
    attendance(
      db,
      [userId],
      ofKind(rule, "events").flatMap((c) => c.eventIds),
    ),
    Promise.all(
      cohortIds.map(async (id) => {
        const cohort = await cohortWithCourses(db, id, reader);
        return cohort ? { ...cohort, participant: (await cohortParticipantIds(db, id, [userId])).has(userId) } : null;
      }),
    ),
    db
      .select()
      .from(certificationEvidence)
      .where(and(eq(certificationEvidence.certificationId, certificationId), eq(certificationEvidence.userId, userId)))
      .orderBy(desc(certificationEvidence.submittedAt)),
    Promise.all(competencies.map(async (c) => [c.key, await coursesAlignedAtLevel(db, c.itemId, c.levelId)] as const)),
  ]);
  const cohorts = new Map(cohortRows.flatMap((c) => (c ? [[c.id, c] as const] : [])));
  const competencyCourses = new Map(aligned);
  const courseIds = [
    ...ofKind(rule, "course").map((c) => c.courseId),
    ...[...cohorts.values()].flatMap((c) => c.courseIds),
    ...[...competencyCourses.values()].flat(),
  ];
  const done = await completions(db, [userId], courseIds);
  const evidence = new Map<string, EvidenceRow>();
  // Newest first: an approved file stands even when a later one waits for its decision.
  for (const row of evidenceRows) {
    const current = evidence.get(row.conditionKey);
    if (!current || (current.status !== "approved" && row.status === "approved")) evidence.set(row.conditionKey, row);
  }
  return {
    completions: new Map(done.map((c) => [c.courseId, { version: c.version, completedAt: c.completedAt }])),
    quizBest,
    attended: new Set(attendedRows.map((a) => a.eventId)),
    cohorts,
    evidence,
    competencyCourses,
    since,
  };
}

function approvedThisCycle(facts: LearnerFacts, key: string): boolean {
  const row = facts.evidence.get(key);
  return !!row && row.status === "approved" && (!facts.since || (row.decidedAt?.getTime() ?? 0) > facts.since.getTime());
}

/** Where one condition stands for the learner the facts are of. */
export function stateOf(facts: LearnerFacts, condition: Condition): ConditionState {
  switch (condition.kind) {
    case "course": {
      const done = facts.completions.get(condition.courseId);
      return { met: !!done && (condition.version === null || (done.version ?? 0) >= condition.version) };
    }
    case "quiz": {
      const best = facts.quizBest.get(condition.lessonId);
      return { met: best !== undefined && best >= condition.minPercent, done: best ?? 0, needed: condition.minPercent };
    }
    case "events": {
      const done = condition.eventIds.filter((id) => facts.attended.has(id)).length;
      return { met: done >= condition.min, done, needed: condition.min };
    }
    case "cohort": {
      const cohort = facts.cohorts.get(condition.cohortId);
      const done = cohort?.courseIds.filter((id) => facts.completions.has(id)).length ?? 0;
      const needed = cohort?.courseIds.length ?? 0;
      return { met: !!cohort?.participant && done >= needed, done, needed };
    }
    case "evidence":
      return { met: approvedThisCycle(facts, condition.key) };
    case "competency": {
      const byCourse = (facts.competencyCourses.get(condition.key) ?? []).some((id) => facts.completions.has(id));
      return { met: byCourse || approvedThisCycle(facts, condition.key) };
    }
  }
}

/** The whole tree judged for one learner. */
export async function judge(
  db: Executor,
  certificationId: string,
  rule: Rule,
  userId: string,
  since: Date | null,
  reader: Locale,
): Promise<{ facts: LearnerFacts; evaluated: Evaluated }> {
  const facts = await gatherFacts(db, certificationId, rule, userId, since, reader);
  return { facts, evaluated: evaluate(rule, (c) => stateOf(facts, c)) };
}

/** A condition learners can upload evidence for (an assessed task, or a competency shown to an assessor). */
export function assessedCondition(rule: Rule, key: string): Extract<Condition, { kind: "evidence" | "competency" }> | null {
  const found = conditionsOf(rule).find((c) => c.key === key);
  return found && (found.kind === "evidence" || found.kind === "competency") ? found : null;
}
