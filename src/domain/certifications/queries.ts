import { and, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { certificationAwards } from "./schema.ts";

/**
 * The certifications module's read API for other modules (docs/decisions/0015-module-shape.md):
 * which certifications a person holds now (for a competency profile, later for self-assessment).
 */
export async function activeAwardsOf(db: Executor, userId: string): Promise<{ certificationId: string; validUntil: Date | null }[]> {
  return db
    .select({ certificationId: certificationAwards.certificationId, validUntil: certificationAwards.validUntil })
    .from(certificationAwards)
    .where(and(eq(certificationAwards.userId, userId), eq(certificationAwards.status, "active")));
}
