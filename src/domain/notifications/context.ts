import type { Database } from "../../db/client.ts";
import type { Mailer } from "../../infra/mailer.ts";

export type RetryPolicy = {
  /** Tries before a message is left failed. */
  maxAttempts: number;
  /** The wait after the first failure; it doubles after each further one. */
  firstDelayMs: number;
};

export type DeliveryReport = { sent: number; retrying: number; failed: number };

/** What the outbox's use cases work with (see service.ts). */
export type NotificationsContext = {
  db: Database;
  mailer: Mailer;
  now: () => Date;
  retry: RetryPolicy;
  /** Where a drain that could not run (database gone, say) is reported; it must never throw. */
  reportError: (error: unknown) => void;
  /** Set by `stop()`: no further batch is claimed in this process. */
  state: { stopped: boolean };
  /** This process's one drain at a time (delivery.ts). */
  drain: { run(): Promise<DeliveryReport>; settled(): Promise<void> };
};
