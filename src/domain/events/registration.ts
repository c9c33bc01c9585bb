import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { institutionKinds, type OrganisationKind } from "../network/dto.ts";
import { organisationFacts } from "../network/queries.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { DomainError, fieldError } from "../shared/errors.ts";
import { rowsOf } from "../shared/sql.ts";
import { parseInput } from "../shared/validation.ts";
import type { EventsContext } from "./context.ts";
import type { AffiliationStatus, RegistrationDto, RegistrationStatus } from "./dto.ts";
import { toRegistrationDto } from "./mapping.ts";
import { deliverNoticesSoon } from "./notices.ts";
import { findEvent, REMINDER_LEAD_MS, type RegistrationRow, refCondition, registrationOpenAt } from "./rows.ts";
import { eventRefSchema, registrationInputSchema } from "./validation.ts";

type Affiliation = { organisationId: string | null; status: AffiliationStatus | null; country: string | null };

const institutions: ReadonlySet<OrganisationKind> = new Set(institutionKinds);

/** The institution a participant names, else the first institution (not a centre, not the institute) they hold a role in. */
async function affiliationOf(
  db: Executor,
  actor: Actor,
  data: { organisationId?: string | undefined; country?: string | undefined },
): Promise<Affiliation> {
  const candidates = data.organisationId ? [data.organisationId] : actor.roles.flatMap((g) => (g.organisationId ? [g.organisationId] : []));
  // The names are not used; any language will do.
  const facts = await organisationFacts(db, candidates, "en");
  if (data.organisationId && !facts.size) throw fieldError("organisationId", "events.field.unknownOrganisation");
  const organisationId = data.organisationId
    ? data.organisationId
    : candidates.find((id) => {
        const kind = facts.get(id)?.kind;
        return kind !== undefined && institutions.has(kind);
      });
  const country = organisationId ? (facts.get(organisationId)?.country ?? null) : null;
  if (!organisationId) return { organisationId: null, status: null, country: data.country ?? country };
  // Holding a role there is a verified affiliation; naming any other organisation waits for its administrators.
  const verified = actor.roles.some((g) => g.organisationId === organisationId);
  return { organisationId, status: verified ? "confirmed" : "pending", country: data.country ?? country };
}

/**
 * Decides and writes a registration in one statement, so the event's row lock is held only while
 * the database runs it, never across a round trip to this process: the event row is locked (and
 * read at its latest version once the lock is granted, so `registered_count` is current), the
 * person takes a place if one is free or else waits, and the count goes up with the place. The
 * notice they are owed is written on the row (`pending_notice`, see notices.ts). A cancelled
 * registration is reused at the back of the queue; a live one is left alone. No row comes back
 * when the event is missing or not open, or the person is already in.
 */
async function placeRegistration(
  db: Executor,
  event: SQL,
  userId: string,
  affiliation: Affiliation,
  at: Date,
): Promise<Pick<RegistrationRow, "id" | "eventId" | "status" | "queue"> | undefined> {
  const time = sql`${at.toISOString()}::timestamptz`;
  // Someone registering the day before needs no separate reminder: the confirmation is one.
  const remindFrom = sql`${new Date(at.getTime() + REMINDER_LEAD_MS).toISOString()}::timestamptz`;
  const result = await db.execute(sql`
    with event as (
      select id, starts_at, capacity is null or registered_count < capacity as has_place
      from events
      where ${event} and status = 'scheduled'
        and (registration_opens_at is null or registration_opens_at <= ${time})
        and ${time} < coalesce(registration_closes_at, starts_at)
      for update
    ),
    placed as (
      insert into event_registrations as r
        (event_id, user_id, status, pending_notice, organisation_id, affiliation, country, reminder_sent_at, created_at, updated_at)
      select id, ${userId}::uuid, s.status, s.status, ${affiliation.organisationId}::uuid, ${affiliation.status}::text, ${affiliation.country}::text,
        case when starts_at <= ${remindFrom} then ${time} end, ${time}, ${time}
      from event cross join lateral (select case when has_place then 'registered' else 'waitlisted' end as status) s
      on conflict on constraint event_registrations_event_user_key do update set
        status = excluded.status, pending_notice = excluded.pending_notice, organisation_id = excluded.organisation_id,
        affiliation = excluded.affiliation, country = excluded.country, reminder_sent_at = excluded.reminder_sent_at, attended_at = null, check_in_method = null,
        queue = excluded.queue, created_at = excluded.created_at, updated_at = excluded.updated_at
      where r.status = 'cancelled'
      returning r.id, r.event_id, r.status, r.queue
    ),
    taken as (
      update events set registered_count = registered_count + 1
      where id = (select event_id from placed where status = 'registered')
    )
    select id, event_id, status, queue from placed`);
  const [row] = rowsOf<{ id: string; event_id: string; status: RegistrationStatus; queue: string | number | bigint }>(result);
  return row && { id: row.id, eventId: row.event_id, status: row.status, queue: Number(row.queue) };
}

/** The signed-in person takes a place, or joins the waiting list when the event is full. */
export async function register(ctx: EventsContext, actor: Actor | null, ref: string, input: unknown = {}): Promise<RegistrationDto> {
  const who = requireActor(actor);
  const data = parseInput(registrationInputSchema, input ?? {});
  parseInput(eventRefSchema, ref);
  const affiliation = await affiliationOf(ctx.db, who, data);
  const at = ctx.now();
  const registration = await placeRegistration(ctx.db, refCondition(ref), who.userId, affiliation, at);
  if (!registration) {
    // Nothing was written; say why, in the order the checks matter to the person.
    const event = await findEvent(ctx.db, ref);
    if (event.status === "cancelled") throw new DomainError("event_cancelled", 409);
    if (!registrationOpenAt(event, at)) throw new DomainError("registration_closed", 409);
    throw new DomainError("already_registered", 409);
  }
  deliverNoticesSoon(ctx);
  return toRegistrationDto(ctx.db, { ...registration, attendedAt: null });
}
