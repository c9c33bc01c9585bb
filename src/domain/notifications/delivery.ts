import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { MailMessage } from "../../infra/mailer.ts";
import { coalesced } from "../shared/coalesced.ts";
import type { DeliveryReport, NotificationsContext } from "./context.ts";
import { mailOutbox } from "./schema.ts";

type OutboxRow = typeof mailOutbox.$inferSelect;
/** What sending needs; the drain itself is built from it. */
type Sending = Omit<NotificationsContext, "drain">;

/** Rows claimed at once: few, so a slow mail server holds few messages back from other servers. */
const BATCH = 20;
/**
 * How long a claimed row is hidden from other drains: after a crash, what the dead process had
 * claimed waits this long before another takes it up. A drain stops sending a batch once half of
 * it has passed (see `deliverBatch`), and one send is bounded by the SMTP timeouts (two minutes at
 * most, infra/mailer.ts), so a row is never sent by two drains, even on a slow server.
 */
export const LEASE_MS = 5 * 60_000;
const ERROR_MAX = 1000;

function toMessage(row: OutboxRow): MailMessage {
  return {
    to: row.to,
    subject: row.subject,
    text: row.text,
    ...(row.html === null ? {} : { html: row.html }),
    ...(row.attachments
      ? {
          attachments: row.attachments.map((a) => ({
            filename: a.filename,
            content: Buffer.from(a.contentBase64, "base64"),
            ...(a.contentType ? { contentType: a.contentType } : {}),
          })),
        }
      : {}),
  };
}

/** Takes up to BATCH due rows for this drain: one statement, so the claim commits at once. */
async function claim(ctx: Sending): Promise<OutboxRow[]> {
  const at = ctx.now();
  const due = ctx.db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(isNull(mailOutbox.sentAt), isNull(mailOutbox.failedAt), lte(mailOutbox.nextAttemptAt, at)))
    .orderBy(asc(mailOutbox.nextAttemptAt))
    .limit(BATCH)
    .for("update", { skipLocked: true });
  return ctx.db
    .update(mailOutbox)
    .set({ attempts: sql`${mailOutbox.attempts} + 1`, nextAttemptAt: new Date(at.getTime() + LEASE_MS) })
    .where(inArray(mailOutbox.id, due))
    .returning();
}

/** The one retry rule: wait 1, 2, 4 … times the first delay, and give up after the last attempt. */
async function recordFailure(ctx: Sending, row: OutboxRow, error: unknown): Promise<"retrying" | "failed"> {
  const at = ctx.now();
  const lastError = (error instanceof Error ? error.message : String(error)).slice(0, ERROR_MAX);
  if (row.attempts >= ctx.retry.maxAttempts) {
    await ctx.db.update(mailOutbox).set({ failedAt: at, lastError }).where(eq(mailOutbox.id, row.id));
    return "failed";
  }
  const delay = ctx.retry.firstDelayMs * 2 ** (row.attempts - 1);
  await ctx.db
    .update(mailOutbox)
    .set({ nextAttemptAt: new Date(at.getTime() + delay), lastError })
    .where(eq(mailOutbox.id, row.id));
  return "retrying";
}

/** Sends claimed rows one by one, with no transaction open: a failure is recorded on its own row. */
async function deliverBatch(ctx: Sending, rows: OutboxRow[], report: DeliveryReport): Promise<void> {
  const started = performance.now();
  for (const [index, row] of rows.entries()) {
    if (performance.now() - started > LEASE_MS / 2) {
      // Hand the rest back untried rather than risk sending after the lease has run out.
      const rest = rows.slice(index).map((r) => r.id);
      await ctx.db
        .update(mailOutbox)
        .set({ attempts: sql`${mailOutbox.attempts} - 1`, nextAttemptAt: ctx.now() })
        .where(inArray(mailOutbox.id, rest));
      break;
    }
    try {
      await ctx.mailer.send(toMessage(row));
    } catch (error) {
      report[await recordFailure(ctx, row, error)]++;
      continue;
    }
    // Marked at once, not with the batch: a process that dies mid-batch must not leave
    // the messages it has already sent to go again when the next drain takes the rest up.
    await ctx.db.update(mailOutbox).set({ sentAt: ctx.now() }).where(eq(mailOutbox.id, row.id));
    report.sent++;
  }
}

/** This process's drain: one at a time, a call during a run asking for one more pass (see `coalesced`). */
export function deliveryDrain(ctx: Sending): NotificationsContext["drain"] {
  return coalesced(
    (): DeliveryReport => ({ sent: 0, retrying: 0, failed: 0 }),
    async (report) => {
      while (!ctx.state.stopped) {
        const rows = await claim(ctx);
        if (rows.length) await deliverBatch(ctx, rows, report);
        if (rows.length < BATCH) return;
      }
    },
  );
}

/**
 * Sends every due message, and resolves once everything due when it was called has been tried.
 * Rejects only when the database fails; a failed send is recorded on its row.
 */
export function deliverDue(ctx: NotificationsContext): Promise<DeliveryReport> {
  return ctx.drain.run();
}

/** Starts delivery after a commit that queued mail, without making the caller wait for it. */
export function deliverSoon(ctx: NotificationsContext): void {
  deliverDue(ctx).catch((error: unknown) => {
    try {
      ctx.reportError(error);
    } catch {
      // A broken reporter must not become an unhandled rejection that ends the process.
    }
  });
}

/** Before the database closes: no new batch is claimed, and the one being sent finishes. */
export async function stop(ctx: NotificationsContext): Promise<void> {
  ctx.state.stopped = true;
  await ctx.drain.settled();
}
