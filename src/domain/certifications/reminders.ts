import { and, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import type { CertificationsContext } from "./context.ts";
import { issueDue } from "./issuance.ts";
import { awardMails } from "./mail.ts";
import { certificationAwards, certifications } from "./schema.ts";

const BATCH = 50;

/**
 * Reminds holders whose award expires within its certification's reminder window, once per
 * award: claimed FOR UPDATE SKIP LOCKED and marked in the transaction that queues the mail, so
 * servers running this together never remind twice (the events reminders' pattern).
 */
export async function sendExpiryReminders(ctx: CertificationsContext): Promise<number> {
  let queued = 0;
  for (;;) {
    const at = ctx.now();
    const batch = await ctx.db.transaction(async (tx) => {
      const rows = await tx
        .select({ award: certificationAwards, certification: certifications })
        .from(certificationAwards)
        .innerJoin(certifications, eq(certifications.id, certificationAwards.certificationId))
        .where(
          and(
            eq(certificationAwards.status, "active"),
            isNull(certificationAwards.reminderSentAt),
            gt(certificationAwards.validUntil, at),
            lte(certificationAwards.validUntil, sql`${at}::timestamptz + make_interval(days => ${certifications.reminderDays})`),
          ),
        )
        .limit(BATCH)
        .for("update", { of: certificationAwards, skipLocked: true });
      if (!rows.length) return 0;
      await ctx.outbox.enqueueMail(tx, await awardMails(tx, ctx.publicUrl, "expiring", rows));
      await tx
        .update(certificationAwards)
        .set({ reminderSentAt: at })
        .where(
          inArray(
            certificationAwards.id,
            rows.map((r) => r.award.id),
          ),
        );
      return rows.length;
    });
    if (batch) ctx.outbox.deliverSoon();
    queued += batch;
    if (batch < BATCH) return queued;
  }
}

/** What every server runs each minute: awards for rules newly met, then expiry reminders. */
export async function runCertificationJobs(ctx: CertificationsContext): Promise<{ issued: number; reminders: number }> {
  const issued = await issueDue(ctx);
  const reminders = await sendExpiryReminders(ctx);
  return { issued, reminders };
}
