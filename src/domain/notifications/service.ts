import { and, asc, eq, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Mailer, MailMessage } from "../../infra/mailer.ts";
import { coalesced } from "../shared/coalesced.ts";
import { mailOutbox, type StoredAttachment } from "./schema.ts";

/** The database or a transaction: mail is written through whichever the caller is using. */
type Executor = Pick<Database, "execute">;
type OutboxRow = typeof mailOutbox.$inferSelect;

export type RetryPolicy = {
  /** Tries before a message is left failed. */
  maxAttempts: number;
  /** The wait after the first failure; it doubles after each further one. */
  firstDelayMs: number;
};

export type DeliveryReport = { sent: number; retrying: number; failed: number };

export type NotificationsServiceDeps = {
  db: Database;
  mailer: Mailer;
  now?: () => Date;
  retry?: Partial<RetryPolicy>;
  /** Where a drain that could not run (database gone, say) is reported; it must never throw. */
  reportError?: (error: unknown) => void;
};

/** About eight and a half hours of retries: long enough to ride out a mail server's bad night. */
const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 10, firstDelayMs: 60_000 };
/** Rows claimed at once: few, so a slow mail server holds few messages back from other servers. */
const BATCH = 20;
/**
 * How long a claimed row is hidden from other drains. A drain stops sending a batch once half of
 * it has passed (see `deliverBatch`), so a row is never sent by two drains, even on a slow server.
 */
const LEASE_MS = 15 * 60_000;
/** Sent mail is kept a week, to answer "did it go?", then deleted: it may hold sign-in links. */
const KEEP_SENT_MS = 7 * 24 * 60 * 60_000;
/** Messages per insert statement, to bound the size of one statement's parameters. */
const INSERT_CHUNK = 5000;
const ERROR_MAX = 1000;

/** Attachments as the jsonb column's text, or null. */
function attachmentsJson(message: MailMessage): string | null {
  if (!message.attachments?.length) return null;
  const stored: StoredAttachment[] = message.attachments.map((a) => ({
    filename: a.filename,
    contentBase64: Buffer.from(a.content).toString("base64"),
    contentType: a.contentType,
  }));
  return JSON.stringify(stored);
}

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

/**
 * The mail outbox: services write messages in their own transaction (`enqueueMail`), then call
 * `deliverSoon()` after it commits. Delivery claims due rows with FOR UPDATE SKIP LOCKED, so any
 * number of servers drain the same table without sending a message twice, and every server's
 * minute job (`src/serve.ts`) picks up what a dead process left behind.
 */
export function createNotificationsService(deps: NotificationsServiceDeps) {
  const { db, mailer } = deps;
  const now = deps.now ?? (() => new Date());
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...deps.retry };
  const reportError = deps.reportError ?? ((error: unknown) => console.error("mail outbox: delivery failed", error));

  /** Writes messages in the caller's transaction; nothing goes until it commits. */
  async function enqueueMail(tx: Executor, messages: MailMessage | MailMessage[]): Promise<void> {
    const list = Array.isArray(messages) ? messages : [messages];
    const at = now();
    for (let start = 0; start < list.length; start += INSERT_CHUNK) {
      const chunk = list.slice(start, start + INSERT_CHUNK);
      const column = (value: (m: MailMessage) => string | null) => sql.param(chunk.map(value));
      // One array parameter per column (unnest), not one parameter per value: thousands of
      // messages in one statement, about three times faster than a multi-row VALUES list.
      await tx.execute(sql`
        insert into ${mailOutbox} ("to", subject, text, html, attachments, created_at, next_attempt_at)
        select m.to, m.subject, m.text, m.html, m.attachments::jsonb, ${at}::timestamptz, ${at}::timestamptz
        from unnest(
          ${column((m) => m.to)}::text[], ${column((m) => m.subject)}::text[], ${column((m) => m.text)}::text[],
          ${column((m) => m.html ?? null)}::text[], ${column(attachmentsJson)}::text[]
        ) as m("to", subject, text, html, attachments)`);
    }
  }

  /** Takes up to BATCH due rows for this drain: one statement, so the claim commits at once. */
  async function claim(): Promise<OutboxRow[]> {
    const at = now();
    const due = db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(isNull(mailOutbox.sentAt), isNull(mailOutbox.failedAt), lte(mailOutbox.nextAttemptAt, at)))
      .orderBy(asc(mailOutbox.nextAttemptAt))
      .limit(BATCH)
      .for("update", { skipLocked: true });
    return db
      .update(mailOutbox)
      .set({ attempts: sql`${mailOutbox.attempts} + 1`, nextAttemptAt: new Date(at.getTime() + LEASE_MS) })
      .where(inArray(mailOutbox.id, due))
      .returning();
  }

  async function recordFailure(row: OutboxRow, error: unknown): Promise<"retrying" | "failed"> {
    const at = now();
    const lastError = (error instanceof Error ? error.message : String(error)).slice(0, ERROR_MAX);
    if (row.attempts >= retry.maxAttempts) {
      await db.update(mailOutbox).set({ failedAt: at, lastError }).where(eq(mailOutbox.id, row.id));
      return "failed";
    }
    const delay = retry.firstDelayMs * 2 ** (row.attempts - 1);
    await db
      .update(mailOutbox)
      .set({ nextAttemptAt: new Date(at.getTime() + delay), lastError })
      .where(eq(mailOutbox.id, row.id));
    return "retrying";
  }

  async function deliverBatch(rows: OutboxRow[], report: DeliveryReport): Promise<void> {
    const started = performance.now();
    const sent: string[] = [];
    for (const [index, row] of rows.entries()) {
      if (performance.now() - started > LEASE_MS / 2) {
        // Hand the rest back untried rather than risk sending after the lease has run out.
        const rest = rows.slice(index).map((r) => r.id);
        await db
          .update(mailOutbox)
          .set({ attempts: sql`${mailOutbox.attempts} - 1`, nextAttemptAt: now() })
          .where(inArray(mailOutbox.id, rest));
        break;
      }
      try {
        await mailer.send(toMessage(row));
        sent.push(row.id);
      } catch (error) {
        report[await recordFailure(row, error)]++;
      }
    }
    if (sent.length) await db.update(mailOutbox).set({ sentAt: now() }).where(inArray(mailOutbox.id, sent));
    report.sent += sent.length;
  }

  async function deliverPass(report: DeliveryReport): Promise<void> {
    while (!stopped) {
      const rows = await claim();
      if (rows.length) await deliverBatch(rows, report);
      if (rows.length < BATCH) return;
    }
  }

  let stopped = false;
  const drain = coalesced((): DeliveryReport => ({ sent: 0, retrying: 0, failed: 0 }), deliverPass);

  /**
   * Sends every due message, and resolves once everything due when it was called has been tried
   * (one drain at a time in this process, see `coalesced`). Rejects only when the database fails;
   * a failed send is recorded on its row.
   */
  function deliverDue(): Promise<DeliveryReport> {
    return drain.run();
  }

  /** Starts delivery after a commit that queued mail, without making the caller wait for it. */
  function deliverSoon(): void {
    deliverDue().catch((error: unknown) => {
      try {
        reportError(error);
      } catch {
        // A broken reporter must not become an unhandled rejection that ends the process.
      }
    });
  }

  /** Before the database closes: no new batch is claimed, and the one being sent finishes. */
  async function stop(): Promise<void> {
    stopped = true;
    await drain.settled();
  }

  async function purgeSent(): Promise<number> {
    const removed = await db
      .delete(mailOutbox)
      .where(lt(mailOutbox.sentAt, new Date(now().getTime() - KEEP_SENT_MS)))
      .returning({ id: mailOutbox.id });
    return removed.length;
  }

  return { enqueueMail, deliverDue, deliverSoon, stop, purgeSent };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
/** What other modules need: write in their transaction, kick after commit. */
export type Outbox = Pick<NotificationsService, "enqueueMail" | "deliverSoon">;
