import { and, eq } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { fieldError, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import type { NetworkContext } from "./context.ts";
import { translateConstraintError } from "./db-errors.ts";
import type { MembershipDto } from "./dto.ts";
import { toMembershipDto } from "./mapping.ts";
import { requireAccess } from "./permissions.ts";
import { findCentre, findOrganisation } from "./rows.ts";
import { memberships, organisations } from "./schema.ts";
import { membershipInputSchema } from "./validation.ts";

/** An institution joins a centre's national network. */
export async function addMember(
  ctx: NetworkContext,
  actor: Actor | null,
  centreSlug: string,
  input: unknown,
  reader: Locale,
): Promise<MembershipDto> {
  requireActor(actor);
  const { organisation: centre } = await findCentre(ctx, centreSlug);
  requireAccess(actor, "centre.network", centre.id);
  const data = parseInput(membershipInputSchema, input);
  if (data.organisationId === centre.id) throw fieldError("organisationId", "network.field.selfMembership");
  const [member] = await ctx.db.select().from(organisations).where(eq(organisations.id, data.organisationId));
  if (!member) throw fieldError("organisationId", "network.field.unknownOrganisation");
  try {
    const [row] = await ctx.db
      .insert(memberships)
      .values({
        centreId: centre.id,
        organisationId: member.id,
        joinedOn: data.joinedOn ?? null,
        agreement: data.agreement || null,
        createdAt: ctx.now(),
      })
      .returning();
    return toMembershipDto(row!, member, reader);
  } catch (error) {
    throw translateConstraintError(error);
  }
}

export async function removeMember(ctx: NetworkContext, actor: Actor | null, centreSlug: string, organisationSlug: string): Promise<void> {
  requireActor(actor);
  const { organisation: centre } = await findCentre(ctx, centreSlug);
  requireAccess(actor, "centre.network", centre.id);
  const member = await findOrganisation(ctx, organisationSlug);
  const removed = await ctx.db
    .delete(memberships)
    .where(and(eq(memberships.centreId, centre.id), eq(memberships.organisationId, member.id)))
    .returning({ id: memberships.id });
  if (!removed.length) throw notFound("membership");
}
