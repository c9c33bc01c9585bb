import { asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import type { OrganisationKind, OrganisationRef } from "./dto.ts";
import { localName, toOrganisationRef } from "./mapping.ts";
import { centres, facilities, organisations } from "./schema.ts";

/**
 * The network module's read API for other modules (docs/decisions/0015-module-shape.md): small
 * functions over an executor (the database or the caller's transaction), answering DTOs.
 */

const unique = (ids: readonly (string | null | undefined)[]) => [...new Set(ids.filter((id): id is string => !!id))];

/** Organisations by id, named in the reader's language. */
export async function organisationRefs(
  db: Executor,
  ids: readonly (string | null | undefined)[],
  reader: Locale,
): Promise<Map<string, OrganisationRef>> {
  const wanted = unique(ids);
  if (!wanted.length) return new Map();
  const rows = await db.select().from(organisations).where(inArray(organisations.id, wanted));
  return new Map(rows.map((row) => [row.id, toOrganisationRef(row, reader)]));
}

/** An organisation's name in the reader's language, with its kind and country, by id. */
export async function organisationFacts(
  db: Executor,
  ids: readonly (string | null | undefined)[],
  reader: Locale,
): Promise<Map<string, { name: string; kind: OrganisationKind; country: string | null }>> {
  const wanted = unique(ids);
  if (!wanted.length) return new Map();
  const rows = await db.select().from(organisations).where(inArray(organisations.id, wanted));
  return new Map(rows.map((row) => [row.id, { name: localName(row, reader), kind: row.kind, country: row.country }]));
}

/** Which of these ids name an existing organisation. */
export async function existingOrganisations(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  const wanted = unique(ids);
  if (!wanted.length) return new Set();
  const rows = await db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, wanted));
  return new Set(rows.map((r) => r.id));
}

/** Which of these ids name a centre (national or training). */
export async function existingCentres(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  const wanted = unique(ids);
  if (!wanted.length) return new Set();
  const rows = await db.select({ id: centres.organisationId }).from(centres).where(inArray(centres.organisationId, wanted));
  return new Set(rows.map((r) => r.id));
}

/** SQL for "the organisation in this column has this slug", to filter another module's rows by a centre's address. */
export function organisationHasSlug(column: AnyPgColumn, slug: string): SQL {
  return sql`${column} = (select ${organisations.id} from ${organisations} where ${organisations.slug} = ${slug})`;
}

/** SQL for the canonical name of the organisation in this column, to sort another module's rows by it. */
export function organisationNameOf(column: AnyPgColumn): SQL<string> {
  return sql<string>`(select ${organisations.name} from ${organisations} where ${organisations.id} = ${column})`;
}

/** The kind of each of these organisations, by id: where a scoped role may be held. */
export async function organisationKindsOf(db: Executor, ids: readonly string[]): Promise<Map<string, OrganisationKind>> {
  const wanted = unique(ids);
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: organisations.id, kind: organisations.kind })
    .from(organisations)
    .where(inArray(organisations.id, wanted));
  return new Map(rows.map((row) => [row.id, row.kind]));
}

/** The id of the organisation with this slug, or null. */
export async function organisationIdBySlug(db: Executor, slug: string): Promise<string | null> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug));
  return row?.id ?? null;
}

/** Organisations by id, named in the reader's language, in the order of their canonical names (a picker's options). */
export async function organisationRefsInNameOrder(db: Executor, ids: readonly string[], reader: Locale): Promise<OrganisationRef[]> {
  const wanted = unique(ids);
  if (!wanted.length) return [];
  const rows = await db.select().from(organisations).where(inArray(organisations.id, wanted)).orderBy(asc(organisations.name));
  return rows.map((row) => toOrganisationRef(row, reader));
}

/** Every organisation of these kinds, named in the reader's language: the catalogue lists where a course may be adapted to. */
export async function organisationRefsOfKinds(
  db: Executor,
  kinds: readonly OrganisationKind[],
  reader: Locale,
): Promise<OrganisationRef[]> {
  if (!kinds.length) return [];
  const rows = await db
    .select()
    .from(organisations)
    .where(inArray(organisations.kind, [...kinds]));
  return rows.map((row) => toOrganisationRef(row, reader));
}

/** Facilities' names by id (where an event takes place); an id that names no facility is absent. */
export async function facilityNames(db: Executor, ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = unique(ids);
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: facilities.id, name: facilities.name }).from(facilities).where(inArray(facilities.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** SQL for "the organisation in this column is of this kind" (the institute signs as the site's own DID). */
export function organisationIsOfKind(column: AnyPgColumn, kind: OrganisationKind): SQL {
  return sql`${column} in (select ${organisations.id} from ${organisations} where ${organisations.kind} = ${kind})`;
}

/** Organisation ids by slug (the CLI names organisations by their address). */
export async function organisationIdsBySlug(db: Executor, slugs: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(slugs)];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: organisations.id, slug: organisations.slug })
    .from(organisations)
    .where(inArray(organisations.slug, wanted));
  return new Map(rows.map((r) => [r.slug, r.id]));
}
