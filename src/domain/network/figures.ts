import { asc, count, countDistinct, eq, isNotNull, sql } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.ts";
import type { NetworkContext } from "./context.ts";
import type { NetworkFigures, TimelineEntry } from "./dto.ts";
import { localName } from "./mapping.ts";
import { centres, facilities, memberships, organisations } from "./schema.ts";

/** Live counts for the home page: never stored, so they cannot drift from the registry. */
export async function figures(ctx: NetworkContext): Promise<NetworkFigures> {
  // One statement, the other counts as subqueries: the home page shows these on every view.
  const [centreRow] = await ctx.db
    .select({
      centres: count(),
      nationalCentres: sql<number>`count(*) filter (where ${organisations.kind} = 'national_centre')`.mapWith(Number),
      trainingCentres: sql<number>`count(*) filter (where ${organisations.kind} = 'training_centre')`.mapWith(Number),
      countries: countDistinct(organisations.country),
      partners: sql<number>`(select count(distinct m.organisation_id) from ${memberships} m)`.mapWith(Number),
      classrooms: sql<number>`(select count(*) from ${facilities} f where f.kind = 'smart_classroom')`.mapWith(Number),
    })
    .from(centres)
    .innerJoin(organisations, eq(organisations.id, centres.organisationId));
  return {
    centres: centreRow?.centres ?? 0,
    nationalCentres: centreRow?.nationalCentres ?? 0,
    trainingCentres: centreRow?.trainingCentres ?? 0,
    countries: centreRow?.countries ?? 0,
    partnerInstitutions: centreRow?.partners ?? 0,
    smartClassrooms: centreRow?.classrooms ?? 0,
  };
}

/** One entry per year from the first establishment to the last, so growth reads as a continuous line. */
export async function timeline(ctx: NetworkContext, reader: Locale): Promise<TimelineEntry[]> {
  const rows = await ctx.db
    .select({ organisation: organisations, establishedOn: centres.establishedOn })
    .from(centres)
    .innerJoin(organisations, eq(organisations.id, centres.organisationId))
    .where(isNotNull(centres.establishedOn))
    .orderBy(asc(centres.establishedOn), asc(organisations.name));
  if (!rows.length) return [];
  const yearOf = (date: string) => Number(date.slice(0, 4));
  const first = yearOf(rows[0]!.establishedOn!);
  const last = yearOf(rows.at(-1)!.establishedOn!);
  const entries: TimelineEntry[] = [];
  let total = 0;
  for (let year = first; year <= last; year++) {
    const established = rows
      .filter((r) => yearOf(r.establishedOn!) === year)
      .map((r) => ({
        slug: r.organisation.slug,
        name: localName(r.organisation, reader),
        country: r.organisation.country ?? "",
        establishedOn: r.establishedOn!,
      }));
    total += established.length;
    entries.push({ year, established, total });
  }
  return entries;
}
