import { and, asc, desc, eq, inArray, or } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { centreKinds } from "../network/dto.ts";
import { organisationKindsOf } from "../network/queries.ts";
import type { Actor } from "../shared/actor.ts";
import { DomainError, notFound } from "../shared/errors.ts";
import { isUuid } from "../shared/ids.ts";
import { parseInput } from "../shared/validation.ts";
import { can, requireAccess } from "./permissions.ts";
import { competencyFrameworks, competencyItems } from "./schema.ts";
import { frameworkRefSchema } from "./validation.ts";

export type FrameworkRow = typeof competencyFrameworks.$inferSelect;
export type ItemRow = typeof competencyItems.$inferSelect;

/** The permission that governs an owner's frameworks: a centre's admins for a centre's, the secretariat for the rest. */
async function permissionFor(db: Executor, ownerId: string): Promise<"framework.centre" | "framework.network"> {
  const kind = (await organisationKindsOf(db, [ownerId])).get(ownerId);
  return kind && (centreKinds as readonly string[]).includes(kind) ? "framework.centre" : "framework.network";
}

/** The actor when they may manage the owner's frameworks; 401/403 otherwise. */
export async function requireManager(db: Executor, actor: Actor | null, ownerId: string): Promise<Actor> {
  return requireAccess(actor, await permissionFor(db, ownerId), ownerId);
}

export async function canManage(db: Executor, actor: Actor | null, ownerId: string): Promise<boolean> {
  return can(actor, await permissionFor(db, ownerId), ownerId);
}

/**
 * A framework by id, or by slug: the newest published version, else the draft. Drafts are shown
 * only to those who manage them (others hear 404, as if there were none).
 */
export async function findFramework(db: Executor, actor: Actor | null, ref: string): Promise<FrameworkRow> {
  parseInput(frameworkRefSchema, ref);
  const rows = isUuid(ref)
    ? await db.select().from(competencyFrameworks).where(eq(competencyFrameworks.id, ref))
    : await db
        .select()
        .from(competencyFrameworks)
        .where(eq(competencyFrameworks.slug, ref))
        .orderBy(desc(eq(competencyFrameworks.status, "published")), desc(competencyFrameworks.version));
  for (const row of rows) {
    if (row.status !== "draft" || (await canManage(db, actor, row.ownerOrganisationId))) return row;
  }
  throw notFound("framework");
}

/** The framework, for a change its manager makes. */
export async function frameworkToManage(db: Executor, actor: Actor | null, ref: string): Promise<FrameworkRow> {
  const framework = await findFramework(db, actor, ref);
  await requireManager(db, actor, framework.ownerOrganisationId);
  return framework;
}

export const notDraft = (framework: Pick<FrameworkRow, "status">) =>
  new DomainError("framework_not_draft", 409, { status: framework.status });

/** A published version is what alignments and credentials point at: only a draft changes. */
export async function draftToEdit(db: Executor, actor: Actor | null, ref: string): Promise<FrameworkRow> {
  const framework = await frameworkToManage(db, actor, ref);
  if (framework.status !== "draft") throw notDraft(framework);
  return framework;
}

export async function itemOf(db: Executor, frameworkId: string, itemId: string): Promise<ItemRow> {
  const [row] = await db
    .select()
    .from(competencyItems)
    .where(and(eq(competencyItems.frameworkId, frameworkId), eq(competencyItems.id, itemId)));
  if (!row) throw notFound("item");
  return row;
}

export async function itemsOf(db: Executor, frameworkIds: readonly string[]): Promise<ItemRow[]> {
  if (!frameworkIds.length) return [];
  return db
    .select()
    .from(competencyItems)
    .where(inArray(competencyItems.frameworkId, [...frameworkIds]))
    .orderBy(asc(competencyItems.position), asc(competencyItems.code));
}

/** The items with these ids, with their framework, for crosswalks and alignments. */
export async function itemsWithFramework(db: Executor, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({ item: competencyItems, framework: competencyFrameworks })
    .from(competencyItems)
    .innerJoin(competencyFrameworks, eq(competencyFrameworks.id, competencyItems.frameworkId))
    .where(inArray(competencyItems.id, [...ids]));
}

/** Frameworks a reader may see: published and superseded versions, and drafts for their managers. */
export function visibleStatuses(includeDrafts: boolean) {
  return includeDrafts ? undefined : or(eq(competencyFrameworks.status, "published"), eq(competencyFrameworks.status, "superseded"));
}
