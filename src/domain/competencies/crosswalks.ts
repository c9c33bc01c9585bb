import crypto from "node:crypto";
import { and, eq, inArray, or } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.ts";
import type { Actor } from "../shared/actor.ts";
import { fieldError, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import type { CompetenciesContext } from "./context.ts";
import type { CrosswalkDto, CrosswalkKind, CrosswalkViewDto } from "./dto.ts";
import { getFramework } from "./frameworks.ts";
import { toSummaries } from "./mapping.ts";
import { draftToEdit, findFramework, itemsWithFramework, notDraft, requireManager } from "./rows.ts";
import { competencyAssociations, competencyFrameworks } from "./schema.ts";
import { crosswalkInputSchema } from "./validation.ts";

/** The CASE association types crosswalks are stored as (see crosswalkKinds in dto.ts). */
const crosswalkTypes = ["exactMatchOf", "isRelatedTo", "isPartOf"] as const;

/** A crosswalk as CASE stores it: broader is the other item being part of this one. */
function storedAs(kind: CrosswalkKind, from: string, to: string) {
  if (kind === "exact") return { type: "exactMatchOf", origin: from, destination: to };
  if (kind === "related") return { type: "isRelatedTo", origin: from, destination: to };
  if (kind === "narrower") return { type: "isPartOf", origin: from, destination: to };
  return { type: "isPartOf", origin: to, destination: from };
}

/** How an association reads from the side of `from`, or null when it is not a crosswalk. */
function kindFrom(type: string, origin: string, from: string): CrosswalkKind | null {
  if (type === "exactMatchOf") return "exact";
  if (type === "isRelatedTo") return "related";
  if (type === "isPartOf") return origin === from ? "narrower" : "broader";
  return null;
}

/**
 * Maps an item of a draft framework to an item of another framework. The draft holds the
 * crosswalk (it is exported with it as a CASE association); its manager decides.
 */
export async function addCrosswalk(
  ctx: CompetenciesContext,
  actor: Actor | null,
  ref: string,
  input: unknown,
  reader: Locale,
): Promise<CrosswalkDto> {
  const data = parseInput(crosswalkInputSchema, input);
  const framework = await draftToEdit(ctx.db, actor, ref);
  const rows = await itemsWithFramework(ctx.db, [data.fromItemId, data.toItemId]);
  const from = rows.find((r) => r.item.id === data.fromItemId);
  const to = rows.find((r) => r.item.id === data.toItemId);
  if (!from || from.framework.id !== framework.id) throw fieldError("fromItemId", "competencies.field.unknownItem");
  if (!to || to.framework.status === "draft" || to.framework.slug === framework.slug)
    throw fieldError("toItemId", "competencies.field.crosswalkTarget");
  const stored = storedAs(data.kind, from.item.id, to.item.id);
  const [row] = await ctx.db
    .insert(competencyAssociations)
    .values({
      identifier: crypto.randomUUID(),
      frameworkId: framework.id,
      type: stored.type,
      originItemId: stored.origin,
      destinationItemId: stored.destination,
    })
    .returning();
  const view = await crosswalkView(ctx, actor, framework.id, to.framework.id, reader);
  const side = view.rows.find((r) => r.item.id === from.item.id)!;
  const match = side.matches.find((m) => m.crosswalkId === row!.id)!;
  const end = (item: typeof side.item, frameworkId: string) => ({ itemId: item.id, code: item.code, title: item.title, frameworkId });
  return { id: row!.id, kind: data.kind, from: end(side.item, framework.id), to: end(match.item, to.framework.id) };
}

export async function removeCrosswalk(ctx: CompetenciesContext, actor: Actor | null, crosswalkId: string): Promise<void> {
  const [row] = await ctx.db
    .select({ association: competencyAssociations, framework: competencyFrameworks })
    .from(competencyAssociations)
    .innerJoin(competencyFrameworks, eq(competencyFrameworks.id, competencyAssociations.frameworkId))
    .where(eq(competencyAssociations.id, crosswalkId));
  if (!row) throw notFound("crosswalk");
  await requireManager(ctx.db, actor, row.framework.ownerOrganisationId);
  if (row.framework.status !== "draft") throw notDraft(row.framework);
  await ctx.db.delete(competencyAssociations).where(eq(competencyAssociations.id, crosswalkId));
}

/** Two frameworks side by side: each item of the left one with the right one's items it is mapped to, whichever holds the crosswalk. */
export async function crosswalkView(
  ctx: CompetenciesContext,
  actor: Actor | null,
  leftRef: string,
  rightRef: string,
  reader: Locale,
): Promise<CrosswalkViewDto> {
  const [leftRow, rightRow] = await Promise.all([findFramework(ctx.db, actor, leftRef), findFramework(ctx.db, actor, rightRef)]);
  const [left, right] = await Promise.all([getFramework(ctx, actor, leftRow.id, reader), getFramework(ctx, actor, rightRow.id, reader)]);
  const leftIds = left.items.map((i) => i.id);
  const rightItems = new Map(right.items.map((i) => [i.id, i]));
  const links = leftIds.length
    ? await ctx.db
        .select()
        .from(competencyAssociations)
        .where(
          and(
            inArray(competencyAssociations.type, [...crosswalkTypes]),
            inArray(competencyAssociations.frameworkId, [left.id, right.id]),
            or(inArray(competencyAssociations.originItemId, leftIds), inArray(competencyAssociations.destinationItemId, leftIds)),
          ),
        )
    : [];
  const [leftSummary, rightSummary] = await toSummaries(ctx.db, [leftRow, rightRow], reader);
  return {
    left: leftSummary!,
    right: rightSummary!,
    rows: left.items.map((item) => ({
      item,
      matches: links.flatMap((link) => {
        const other =
          link.originItemId === item.id ? link.destinationItemId : link.destinationItemId === item.id ? link.originItemId : null;
        const match = other ? rightItems.get(other) : undefined;
        const kind = kindFrom(link.type, link.originItemId, item.id);
        return match && kind ? [{ crosswalkId: link.id, kind, item: match }] : [];
      }),
    })),
  };
}
