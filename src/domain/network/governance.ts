import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Locale } from "../../i18n/locales.ts";
import type { Actor } from "../shared/actor.ts";
import { fieldError, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import type { NetworkContext } from "./context.ts";
import { translateConstraintError } from "./db-errors.ts";
import type { GovernanceTermDto } from "./dto.ts";
import { requireAccess } from "./permissions.ts";
import { organisationRefs } from "./queries.ts";
import { requireOrganisations } from "./rows.ts";
import { governanceTerms } from "./schema.ts";
import { governanceTermInputSchema, governanceTermPatchSchema } from "./validation.ts";

type GovernanceTermRow = typeof governanceTerms.$inferSelect;

async function toGovernanceTermDtos(ctx: NetworkContext, rows: GovernanceTermRow[], reader: Locale): Promise<GovernanceTermDto[]> {
  const refs = await organisationRefs(
    ctx.db,
    rows.map((r) => r.holderOrganisationId),
    reader,
  );
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    role: r.role,
    holder: r.holderOrganisationId ? (refs.get(r.holderOrganisationId) ?? null) : null,
    holderName: r.holderName,
  }));
}

async function toGovernanceTermDto(ctx: NetworkContext, row: GovernanceTermRow, reader: Locale): Promise<GovernanceTermDto> {
  const [term] = await toGovernanceTermDtos(ctx, [row], reader);
  return term!;
}

async function findGovernanceTerm(ctx: NetworkContext, id: string): Promise<GovernanceTermRow> {
  parseInput(z.uuid(), id);
  const [row] = await ctx.db.select().from(governanceTerms).where(eq(governanceTerms.id, id));
  if (!row) throw notFound("governance term");
  return row;
}

/** Every term, by year: public, the network's own record of who led it. */
export async function governance(ctx: NetworkContext, reader: Locale): Promise<GovernanceTermDto[]> {
  const rows = await ctx.db
    .select()
    .from(governanceTerms)
    .orderBy(asc(governanceTerms.year), asc(governanceTerms.role), asc(governanceTerms.holderName));
  return toGovernanceTermDtos(ctx, rows, reader);
}

/** One term, for the form that changes it. */
export async function getGovernanceTerm(ctx: NetworkContext, actor: Actor | null, id: string, reader: Locale): Promise<GovernanceTermDto> {
  requireAccess(actor, "governance.manage");
  return toGovernanceTermDto(ctx, await findGovernanceTerm(ctx, id), reader);
}

export async function addGovernanceTerm(
  ctx: NetworkContext,
  actor: Actor | null,
  input: unknown,
  reader: Locale,
): Promise<GovernanceTermDto> {
  requireAccess(actor, "governance.manage");
  const data = parseInput(governanceTermInputSchema, input);
  await requireOrganisations(ctx, { holderOrganisationId: data.holderOrganisationId });
  try {
    const [row] = await ctx.db
      .insert(governanceTerms)
      .values({
        year: data.year,
        role: data.role,
        holderOrganisationId: data.holderOrganisationId ?? null,
        holderName: data.holderName || null,
      })
      .returning();
    return await toGovernanceTermDto(ctx, row!, reader);
  } catch (error) {
    throw translateConstraintError(error);
  }
}

/** A patch that would leave the term with neither an organisation nor a named holder is refused. */
export async function updateGovernanceTerm(
  ctx: NetworkContext,
  actor: Actor | null,
  id: string,
  patch: unknown,
  reader: Locale,
): Promise<GovernanceTermDto> {
  requireAccess(actor, "governance.manage");
  const current = await findGovernanceTerm(ctx, id);
  const data = parseInput(governanceTermPatchSchema, patch);
  const holderOrganisationId = data.holderOrganisationId === undefined ? current.holderOrganisationId : data.holderOrganisationId;
  const holderName = data.holderName === undefined ? current.holderName : data.holderName || null;
  if (!holderOrganisationId && !holderName) throw fieldError("holderOrganisationId", "network.field.holderRequired");
  await requireOrganisations(ctx, { holderOrganisationId: data.holderOrganisationId });
  try {
    const [row] = await ctx.db
      .update(governanceTerms)
      .set({ year: data.year, role: data.role, holderOrganisationId, holderName })
      .where(eq(governanceTerms.id, current.id))
      .returning();
    return await toGovernanceTermDto(ctx, row!, reader);
  } catch (error) {
    throw translateConstraintError(error);
  }
}

export async function removeGovernanceTerm(ctx: NetworkContext, actor: Actor | null, id: string): Promise<void> {
  requireAccess(actor, "governance.manage");
  parseInput(z.uuid(), id);
  const removed = await ctx.db.delete(governanceTerms).where(eq(governanceTerms.id, id)).returning({ id: governanceTerms.id });
  if (!removed.length) throw notFound("governance term");
}
