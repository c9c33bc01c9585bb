import { and, count, desc, eq, inArray, isNotNull, type SQL } from "drizzle-orm";
import { type Actor, isGlobalStaff, requireActor } from "../shared/actor.ts";
import type { Page } from "../shared/dto.ts";
import { forbidden, notFound } from "../shared/errors.ts";
import { isUuid } from "../shared/ids.ts";
import { parseInput } from "../shared/validation.ts";
import type { NotificationsContext } from "./context.ts";
import { deliverSoon } from "./delivery.ts";
import type { FailedMailDto } from "./dto.ts";
import { can } from "./permissions.ts";
import { mailOutbox } from "./schema.ts";
import { type FailedMailFilters, failedMailFiltersSchema } from "./validation.ts";

/** The rows an actor may see: all for the secretariat, their centres' for centre administrators; 403 for others. */
function visibleTo(actor: Actor | null): SQL | undefined {
  const who = requireActor(actor);
  if (isGlobalStaff(who)) return undefined;
  const centres = who.roles.flatMap((grant) =>
    grant.organisationId && can(who, "mail.failed", grant.organisationId) ? [grant.organisationId] : [],
  );
  if (!centres.length) throw forbidden();
  return inArray(mailOutbox.centreId, [...new Set(centres)]);
}

/** Mail the outbox gave up on, newest first. */
export async function listFailedMail(
  ctx: NotificationsContext,
  actor: Actor | null,
  filters: FailedMailFilters = {},
): Promise<Page<FailedMailDto>> {
  const scope = visibleTo(actor);
  const { limit, offset } = parseInput(failedMailFiltersSchema, filters);
  const where = and(isNotNull(mailOutbox.failedAt), scope);
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(mailOutbox).where(where).orderBy(desc(mailOutbox.failedAt), desc(mailOutbox.id)).limit(limit).offset(offset),
    ctx.db.select({ n: count() }).from(mailOutbox).where(where),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      to: row.to,
      subject: row.subject,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: row.createdAt.toISOString(),
      failedAt: row.failedAt!.toISOString(),
      centreId: row.centreId,
    })),
    total: total?.n ?? 0,
    limit,
    offset,
  };
}

/** Tries a failed message again from the start (the address fixed, the server back), with a fresh allowance of attempts. */
export async function retryFailedMail(ctx: NotificationsContext, actor: Actor | null, id: string): Promise<void> {
  const scope = visibleTo(actor);
  if (!isUuid(id)) throw notFound("mail");
  const [row] = await ctx.db
    .update(mailOutbox)
    .set({ failedAt: null, attempts: 0, nextAttemptAt: ctx.now() })
    .where(and(eq(mailOutbox.id, id), isNotNull(mailOutbox.failedAt), scope))
    .returning({ id: mailOutbox.id });
  if (!row) throw notFound("mail");
  deliverSoon(ctx);
}
