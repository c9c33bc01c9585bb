import { and, asc, eq, inArray } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.ts";
import { peopleByIds } from "../identity/queries.ts";
import { organisationIdBySlug } from "../network/queries.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { notFound } from "../shared/errors.ts";
import { isUuid } from "../shared/ids.ts";
import { parseInput } from "../shared/validation.ts";
import type { EventsContext } from "./context.ts";
import type { AffiliationStatus, PendingAffiliationDto } from "./dto.ts";
import { eventSummaries, iso } from "./mapping.ts";
import { can, requireAccess } from "./permissions.ts";
import { eventRegistrations, events } from "./schema.ts";
import { affiliationDecisionSchema } from "./validation.ts";

/**
 * Registrations made in an organisation's name that it has not yet confirmed (issue 10, item 14):
 * anyone may say they come from an institution when registering, so the institution's report
 * counts them only once its administrators confirm. A person holding a role there is confirmed at
 * registration (registration.ts). Cancelled registrations wait for nobody.
 */
export async function pendingAffiliations(
  ctx: EventsContext,
  actor: Actor | null,
  organisationRef: string,
  reader: Locale,
): Promise<PendingAffiliationDto[]> {
  const who = requireActor(actor);
  const organisationId = isUuid(organisationRef) ? organisationRef : await organisationIdBySlug(ctx.db, organisationRef);
  if (!organisationId) throw notFound("organisation");
  requireAccess(who, "affiliation.confirm", organisationId);
  const rows = await ctx.db
    .select({ registration: eventRegistrations, event: events })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(
      and(
        eq(eventRegistrations.organisationId, organisationId),
        eq(eventRegistrations.affiliation, "pending"),
        inArray(eventRegistrations.status, ["registered", "waitlisted"]),
      ),
    )
    // The queue sequence breaks ties: registrations in one instant (or on one clock) keep their order.
    .orderBy(asc(events.startsAt), asc(eventRegistrations.createdAt), asc(eventRegistrations.queue))
    .limit(500);
  const [people, summaries] = await Promise.all([
    peopleByIds(
      ctx.db,
      rows.map((r) => r.registration.userId),
    ),
    eventSummaries(ctx.db, [...new Map(rows.map((r) => [r.event.id, r.event])).values()], reader),
  ]);
  const summaryOf = new Map(summaries.map((s) => [s.id, s]));
  return rows.flatMap(({ registration, event }) => {
    const person = people.get(registration.userId);
    const summary = summaryOf.get(event.id);
    if (!person || !summary) return [];
    return [
      {
        id: registration.id,
        name: person.name,
        email: person.email,
        event: summary,
        status: registration.status,
        registeredAt: iso(registration.createdAt) ?? "",
      },
    ];
  });
}

/** The organisation's administrators confirm that a person registered in its name belongs to it, or decline. */
export async function decideAffiliation(
  ctx: EventsContext,
  actor: Actor | null,
  registrationId: string,
  input: unknown,
): Promise<{ id: string; affiliation: AffiliationStatus }> {
  const who = requireActor(actor);
  const { decision } = parseInput(affiliationDecisionSchema, input);
  if (!isUuid(registrationId)) throw notFound("registration");
  const [registration] = await ctx.db
    .select({ organisationId: eventRegistrations.organisationId, affiliation: eventRegistrations.affiliation })
    .from(eventRegistrations)
    .where(eq(eventRegistrations.id, registrationId));
  // One answer for a registration that is missing and one in another organisation's name: neither is theirs to see.
  if (!registration?.organisationId || !registration.affiliation || !can(who, "affiliation.confirm", registration.organisationId))
    throw notFound("registration");
  await ctx.db
    .update(eventRegistrations)
    .set({ affiliation: decision })
    .where(and(eq(eventRegistrations.id, registrationId), eq(eventRegistrations.organisationId, registration.organisationId)));
  return { id: registrationId, affiliation: decision };
}
