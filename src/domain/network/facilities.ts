import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { type Actor, requireActor } from "../shared/actor.ts";
import { notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import type { NetworkContext } from "./context.ts";
import type { FacilityDto } from "./dto.ts";
import { toFacilityDto } from "./mapping.ts";
import { can, requireAccess } from "./permissions.ts";
import { findCentre } from "./rows.ts";
import { facilities } from "./schema.ts";
import { facilityInputSchema } from "./validation.ts";

/** Whether the actor may add and remove the centre's facilities (the UI shows or hides the forms). */
export function canManageFacilities(_ctx: NetworkContext, actor: Actor | null, centreId: string): boolean {
  return can(actor, "centre.network", centreId);
}

export async function addFacility(ctx: NetworkContext, actor: Actor | null, centreSlug: string, input: unknown): Promise<FacilityDto> {
  requireActor(actor);
  const { organisation: centre } = await findCentre(ctx, centreSlug);
  requireAccess(actor, "centre.network", centre.id);
  const data = parseInput(facilityInputSchema, input);
  const [row] = await ctx.db
    .insert(facilities)
    .values({
      centreId: centre.id,
      name: data.name,
      inauguratedOn: data.inauguratedOn ?? null,
      partners: data.partners ?? [],
      createdAt: ctx.now(),
    })
    .returning();
  return toFacilityDto(row!);
}

export async function removeFacility(ctx: NetworkContext, actor: Actor | null, centreSlug: string, facilityId: string): Promise<void> {
  requireActor(actor);
  const { organisation: centre } = await findCentre(ctx, centreSlug);
  requireAccess(actor, "centre.network", centre.id);
  parseInput(z.uuid(), facilityId);
  const removed = await ctx.db
    .delete(facilities)
    .where(and(eq(facilities.centreId, centre.id), eq(facilities.id, facilityId)))
    .returning({ id: facilities.id });
  if (!removed.length) throw notFound("facility");
}
