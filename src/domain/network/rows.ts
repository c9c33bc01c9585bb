import { and, eq, ne, type SQL, sql } from "drizzle-orm";
import type { LocalisedText } from "../../i18n/locales.ts";
import { fieldError, notFound } from "../shared/errors.ts";
import { slugify, slugSchema } from "../shared/slugs.ts";
import { likePattern } from "../shared/sql.ts";
import { parseInput } from "../shared/validation.ts";
import type { NetworkContext } from "./context.ts";
import { uniqueViolation } from "./db-errors.ts";
import { type CentreKind, centreKinds, type OrganisationKind } from "./dto.ts";
import { countryGeoOf } from "./geo/lookup.ts";
import { existingOrganisations } from "./queries.ts";
import { centres, memberships, organisations } from "./schema.ts";

export type OrganisationRow = typeof organisations.$inferSelect;
type CentreRow = typeof centres.$inferSelect;

export const isCentreKind = (kind: string): kind is CentreKind => (centreKinds as readonly string[]).includes(kind);

/** The canonical name or any translation contains the text, ignoring case. */
export function nameMatches(q: string): SQL {
  const pattern = likePattern(q);
  return sql`(${organisations.name} ilike ${pattern} or exists (select 1 from jsonb_each_text(${organisations.names}) as n(key, value) where n.value ilike ${pattern}))`;
}

/** A slug from the name; names in non-Latin scripts fall back to the kind and a random suffix. */
export function slugFor(name: string, kind: OrganisationKind): string {
  const slug = slugify(name);
  return slug.length >= 2 ? slug : `${kind.replaceAll("_", "-")}-${crypto.randomUUID().slice(0, 8)}`;
}

/** The organisations row of a new centre or organisation, from its checked input. */
export function newOrganisation(
  slug: string,
  data: {
    kind: OrganisationKind;
    name: string;
    names?: LocalisedText | undefined;
    country?: string | undefined;
    city?: string | undefined;
    website?: string | undefined;
  },
  at: Date,
): typeof organisations.$inferInsert {
  return {
    slug,
    kind: data.kind,
    name: data.name,
    names: data.names ?? {},
    country: data.country ?? null,
    city: data.city || null,
    website: data.website ?? null,
    createdAt: at,
    updatedAt: at,
  };
}

/** The member institutions of the centre in the row, for a select over centres. */
export const memberCount =
  sql<number>`(select count(*) from ${memberships} where ${memberships.centreId} = ${centres.organisationId})`.mapWith(Number);

/** The country's sub-region; an unknown country code is a 400 on the country field. */
export function geoOrFail(country: string) {
  const geo = countryGeoOf(country);
  if (!geo) throw fieldError("country", "network.field.unknownCountry");
  return geo;
}

/** Refuses ids of organisations that do not exist, naming the field, before anything is written. */
export async function requireOrganisations(ctx: NetworkContext, fields: Record<string, string | string[] | null | undefined>) {
  const valuesOf = (value: string | string[] | null | undefined) => (value == null ? [] : Array.isArray(value) ? value : [value]);
  const ids = Object.values(fields).flatMap(valuesOf);
  if (!ids.length) return;
  const found = await existingOrganisations(ctx.db, ids);
  for (const [path, value] of Object.entries(fields)) {
    if (valuesOf(value).some((id) => !found.has(id))) throw fieldError(path, "network.field.unknownOrganisation");
  }
}

/**
 * Names are unique regardless of case. Checked before writing because a name clash also clashes
 * on the slug derived from it, and the name is what the user should hear about.
 */
export async function requireFreeName(ctx: NetworkContext, name: string, exceptId?: string) {
  const [clash] = await ctx.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(sql`lower(${organisations.name}) = lower(${name})`, exceptId ? ne(organisations.id, exceptId) : undefined));
  if (clash) throw uniqueViolation("organisations_name_lower_idx");
}

export async function findOrganisation(ctx: NetworkContext, slug: string): Promise<OrganisationRow> {
  parseInput(slugSchema, slug);
  const [row] = await ctx.db.select().from(organisations).where(eq(organisations.slug, slug));
  if (!row) throw notFound("organisation");
  return row;
}

export async function findCentre(ctx: NetworkContext, slug: string): Promise<{ organisation: OrganisationRow; centre: CentreRow }> {
  parseInput(slugSchema, slug);
  const [row] = await ctx.db
    .select({ organisation: organisations, centre: centres })
    .from(centres)
    .innerJoin(organisations, eq(organisations.id, centres.organisationId))
    .where(eq(organisations.slug, slug));
  if (!row) throw notFound("centre");
  return row;
}
