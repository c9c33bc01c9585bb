import type { Database } from "../../db/client.ts";
import type { Mailer } from "../../infra/mailer.ts";
import { withContext } from "../shared/compose.ts";
import type { RetryPolicy } from "./context.ts";
import { deliverDue, deliverSoon, deliveryDrain, stop } from "./delivery.ts";
import { enqueueMail } from "./enqueue.ts";
import { listFailedMail, retryFailedMail } from "./failed.ts";
import { purgeSent } from "./purge.ts";

export type { DeliveryReport, RetryPolicy } from "./context.ts";
export type { QueuedMail } from "./enqueue.ts";

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

/**
 * The mail outbox, the one way mail leaves Orbis: services write messages in their own
 * transaction (`enqueueMail`), then call `deliverSoon()` after it commits. Delivery claims due
 * rows with FOR UPDATE SKIP LOCKED, so any number of servers drain the same table without sending
 * a message twice, and every server's minute job (`src/serve.ts`) picks up what a dead process
 * left behind. Each message is retried on its own, with backoff, and given up after its last attempt.
 */
export function createNotificationsService(deps: NotificationsServiceDeps) {
  const base = {
    db: deps.db,
    mailer: deps.mailer,
    now: deps.now ?? (() => new Date()),
    retry: { ...DEFAULT_RETRY, ...deps.retry },
    reportError: deps.reportError ?? ((error: unknown) => console.error("mail outbox: delivery failed", error)),
    state: { stopped: false },
  };
  const ctx = { ...base, drain: deliveryDrain(base) };
  return withContext(ctx, { enqueueMail, deliverDue, deliverSoon, stop, purgeSent, listFailedMail, retryFailedMail });
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
/** What other modules need: write in their transaction, kick after commit. */
export type Outbox = Pick<NotificationsService, "enqueueMail" | "deliverSoon">;
