import { and, desc, eq, or } from "drizzle-orm";
import { notFound } from "../shared/errors.ts";
import { buildPackage } from "./case-export.ts";
import type { CFAssociation, CFDocument, CFItem, CFPackage } from "./case-format.ts";
import { normaliseIdentifier } from "./case-read.ts";
import type { CompetenciesContext } from "./context.ts";
import { competencyAssociations, competencyFrameworks, competencyItems } from "./schema.ts";

/**
 * The public CASE 1.0 provider API over published frameworks (and superseded versions, which
 * stay citable): no credentials, drafts never shown. Identifiers are matched loosely, as the
 * importer reads them.
 */
const public_ = or(eq(competencyFrameworks.status, "published"), eq(competencyFrameworks.status, "superseded"));

export async function caseDocuments(ctx: CompetenciesContext, limit = 100, offset = 0): Promise<{ CFDocuments: CFDocument[] }> {
  const rows = await ctx.db
    .select()
    .from(competencyFrameworks)
    .where(public_)
    .orderBy(competencyFrameworks.slug, desc(competencyFrameworks.version))
    .limit(limit)
    .offset(offset);
  const documents = [];
  for (const row of rows) {
    const pkg = await buildPackage(ctx.db, row, ctx.publicUrl, "1.0");
    documents.push(pkg.CFDocument);
  }
  return { CFDocuments: documents };
}

async function publicFramework(ctx: CompetenciesContext, identifier: string) {
  const [row] = await ctx.db
    .select()
    .from(competencyFrameworks)
    .where(and(eq(competencyFrameworks.identifier, normaliseIdentifier(identifier)), public_));
  if (!row) throw notFound("CFDocument");
  return row;
}

export async function caseDocument(ctx: CompetenciesContext, identifier: string): Promise<CFDocument> {
  const framework = await publicFramework(ctx, identifier);
  return (await buildPackage(ctx.db, framework, ctx.publicUrl, "1.0")).CFDocument;
}

export async function casePackage(ctx: CompetenciesContext, identifier: string, version: "1.0" | "1.1" = "1.0"): Promise<CFPackage> {
  const framework = await publicFramework(ctx, identifier);
  return buildPackage(ctx.db, framework, ctx.publicUrl, version);
}

/** The newest public version holding an item with this identifier, as a package. */
async function packageOfItem(ctx: CompetenciesContext, identifier: string) {
  const id = normaliseIdentifier(identifier);
  const [row] = await ctx.db
    .select({ framework: competencyFrameworks })
    .from(competencyItems)
    .innerJoin(competencyFrameworks, eq(competencyFrameworks.id, competencyItems.frameworkId))
    .where(and(eq(competencyItems.identifier, id), public_))
    .orderBy(desc(eq(competencyFrameworks.status, "published")), desc(competencyFrameworks.publishedAt))
    .limit(1);
  if (!row) throw notFound("CFItem");
  return { id, pkg: await buildPackage(ctx.db, row.framework, ctx.publicUrl, "1.0") };
}

export async function caseItem(ctx: CompetenciesContext, identifier: string): Promise<CFItem> {
  const { id, pkg } = await packageOfItem(ctx, identifier);
  return pkg.CFItems.find((item) => item.identifier === id)!;
}

/** An item with every association it takes part in: its own framework's, and crosswalks other public frameworks hold to it. */
export async function caseItemAssociations(
  ctx: CompetenciesContext,
  identifier: string,
): Promise<{ CFItem: CFItem; CFAssociations: CFAssociation[] }> {
  const { id, pkg } = await packageOfItem(ctx, identifier);
  const own = pkg.CFAssociations.filter((a) => a.originNodeURI.identifier === id || a.destinationNodeURI.identifier === id);
  const pointing = await ctx.db
    .selectDistinct({ framework: competencyFrameworks })
    .from(competencyAssociations)
    .innerJoin(competencyItems, eq(competencyItems.id, competencyAssociations.destinationItemId))
    .innerJoin(competencyFrameworks, eq(competencyFrameworks.id, competencyAssociations.frameworkId))
    .where(and(eq(competencyItems.identifier, id), public_));
  const others: CFAssociation[] = [];
  for (const { framework } of pointing) {
    if (framework.identifier === pkg.CFDocument.identifier) continue;
    const theirs = await buildPackage(ctx.db, framework, ctx.publicUrl, "1.0");
    others.push(...theirs.CFAssociations.filter((a) => a.destinationNodeURI.identifier === id && a.associationType !== "isChildOf"));
  }
  return { CFItem: pkg.CFItems.find((item) => item.identifier === id)!, CFAssociations: [...own, ...others] };
}
