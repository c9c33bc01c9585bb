import { inArray, isNotNull } from "drizzle-orm";
import { coalesced } from "../shared/coalesced.ts";
import type { EventsContext } from "./context.ts";
import { queueOwedMail } from "./mail.ts";
import { eventRegistrations } from "./schema.ts";

type NoticeContext = Pick<EventsContext, "db" | "publicUrl" | "organizer" | "outbox" | "now">;

/**
 * Turns the notices registrations are owed (`pendingNotice`: registered, waitlisted, promoted,
 * cancelled, written with the change that owes them) into mail on the outbox, clearing the
 * markers in the same transaction. Returns how many were queued.
 */
export function deliverNotices(ctx: NoticeContext): Promise<number> {
  return queueOwedMail(ctx, {
    owed: () => isNotNull(eventRegistrations.pendingNotice),
    kindOf: (registration) => registration.pendingNotice!,
    markDone: (tx, ids) => tx.update(eventRegistrations).set({ pendingNotice: null }).where(inArray(eventRegistrations.id, ids)),
  });
}

/**
 * This process's one background run of `deliverNotices` (see `coalesced`): a burst of
 * registrations is queued in batches, not a transaction each. A failed round is left to the
 * minute job (`runMailJobs`), which reports it; the markers stay until a round succeeds.
 */
export function noticeDrain(ctx: NoticeContext): EventsContext["noticeDrain"] {
  const drain = coalesced(
    () => undefined,
    () =>
      deliverNotices(ctx).then(
        () => {},
        () => {},
      ),
  );
  return { run: () => drain.run(), settled: () => drain.settled() };
}

/**
 * Queues the notices owed after the request that owes them has been answered. They are durable
 * (`pendingNotice`), so nothing is lost if the process stops first.
 */
export function deliverNoticesSoon(ctx: EventsContext): void {
  void ctx.noticeDrain.run();
}

/** Settles when the notices owed so far are on the outbox (sent by its own drain: `deliverDue`), for tests and shutdown. */
export function noticesDelivered(ctx: EventsContext): Promise<void> {
  return ctx.noticeDrain.settled();
}
