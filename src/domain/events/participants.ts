import { and, asc, count, eq, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { peopleByIds, personNameOrEmailContains } from "../identity/queries.ts";
import { organisationRefs } from "../network/queries.ts";
import type { Actor } from "../shared/actor.ts";
import { parseInput } from "../shared/validation.ts";
import type { EventsContext } from "./context.ts";
import type { RegistrationPage, RegistrationRowDto } from "./dto.ts";
import { iso } from "./mapping.ts";
import { findManagedEvent, waitlistPosition } from "./rows.ts";
import { eventRegistrations } from "./schema.ts";
import { registrationFiltersSchema } from "./validation.ts";

/** An event's registrations, places taken first, then the waiting list in order, then cancelled ones. */
async function registrationRows(
  db: Executor,
  eventId: string,
  where: SQL | undefined,
  reader: Locale,
  window?: { limit: number; offset: number },
): Promise<RegistrationRowDto[]> {
  const query = db
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), where))
    .orderBy(
      sql`case ${eventRegistrations.status} when 'registered' then 0 when 'waitlisted' then 1 else 2 end`,
      asc(eventRegistrations.queue),
    );
  const rows = await (window ? query.limit(window.limit).offset(window.offset) : query);
  const firstWaiting = rows.find((r) => r.status === "waitlisted");
  const [people, institutions, firstPosition] = await Promise.all([
    peopleByIds(
      db,
      rows.map((r) => r.userId),
    ),
    organisationRefs(
      db,
      rows.map((r) => r.organisationId),
      reader,
    ),
    firstWaiting ? waitlistPosition(db, firstWaiting) : null,
  ]);
  let position = 0;
  return rows.flatMap((r): RegistrationRowDto[] => {
    const person = people.get(r.userId);
    if (!person) return [];
    const institution = r.organisationId ? (institutions.get(r.organisationId) ?? null) : null;
    const waiting = r.status === "waitlisted";
    return [
      {
        id: r.id,
        eventId,
        status: r.status,
        waitlistPosition: waiting && firstPosition ? firstPosition + position++ : null,
        attendedAt: iso(r.attendedAt),
        name: person.name,
        email: person.email,
        institution,
        country: r.country ?? institution?.country ?? null,
        registeredAt: r.createdAt.toISOString(),
        checkInMethod: r.checkInMethod,
      },
    ];
  });
}

/** The staff's registration list, searchable by name or email. */
export async function listRegistrations(
  ctx: EventsContext,
  actor: Actor | null,
  ref: string,
  filters: unknown,
  reader: Locale,
): Promise<RegistrationPage> {
  const { db } = ctx;
  const event = await findManagedEvent(db, actor, ref);
  const f = parseInput(registrationFiltersSchema, filters ?? {});
  const search = f.q ? personNameOrEmailContains(eventRegistrations.userId, f.q) : undefined;
  const [[total], items] = await Promise.all([
    db
      .select({ n: count() })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, event.id), search)),
    registrationRows(db, event.id, search, reader, { limit: f.limit, offset: f.offset }),
  ]);
  return { items, total: total?.n ?? 0, limit: f.limit, offset: f.offset };
}

/** Every registration of an event, for the CSV and XLSX downloads. */
export async function participants(ctx: EventsContext, actor: Actor | null, ref: string, reader: Locale): Promise<RegistrationRowDto[]> {
  const event = await findManagedEvent(ctx.db, actor, ref);
  return registrationRows(ctx.db, event.id, undefined, reader);
}
