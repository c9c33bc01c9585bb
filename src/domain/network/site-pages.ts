import { and, asc, eq, inArray } from "drizzle-orm";
import { defaultLocale, type Locale } from "../../i18n/locales.ts";
import type { Actor } from "../shared/actor.ts";
import { notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import type { NetworkContext } from "./context.ts";
import type { SitePageDto } from "./dto.ts";
import { requireAccess } from "./permissions.ts";
import { sitePages } from "./schema.ts";
import { sitePageInputSchema, sitePageKeySchema } from "./validation.ts";

type SitePageRow = typeof sitePages.$inferSelect;

const toDto = (row: SitePageRow): SitePageDto => ({
  slug: row.slug,
  locale: row.locale as Locale,
  title: row.title,
  body: row.body,
  updatedAt: row.updatedAt.toISOString(),
});

/**
 * A footer page for anyone: in the reader's language when the secretariat wrote it, else in
 * English (the DTO's locale says which, so the page can say so).
 */
export async function getSitePage(ctx: NetworkContext, slug: string, reader: Locale): Promise<SitePageDto> {
  const key = parseInput(sitePageKeySchema, { slug, locale: reader });
  const rows = await ctx.db
    .select()
    .from(sitePages)
    .where(and(eq(sitePages.slug, key.slug), inArray(sitePages.locale, [reader, defaultLocale])));
  const row = rows.find((r) => r.locale === reader) ?? rows.find((r) => r.locale === defaultLocale);
  if (!row) throw notFound("site page");
  return toDto(row);
}

/** Every written page in every language, for the secretariat's list. */
export async function listSitePages(ctx: NetworkContext, actor: Actor | null): Promise<SitePageDto[]> {
  requireAccess(actor, "site.pages");
  const rows = await ctx.db.select().from(sitePages).orderBy(asc(sitePages.slug), asc(sitePages.locale));
  return rows.map(toDto);
}

/** One page in one language exactly as written (null when not written yet), for its form. */
export async function getSitePageForEditing(
  ctx: NetworkContext,
  actor: Actor | null,
  slug: string,
  locale: string,
): Promise<SitePageDto | null> {
  requireAccess(actor, "site.pages");
  const key = parseInput(sitePageKeySchema, { slug, locale });
  const [row] = await ctx.db
    .select()
    .from(sitePages)
    .where(and(eq(sitePages.slug, key.slug), eq(sitePages.locale, key.locale)));
  return row ? toDto(row) : null;
}

/** Writes (or rewrites) a page in one language. */
export async function saveSitePage(
  ctx: NetworkContext,
  actor: Actor | null,
  slug: string,
  locale: string,
  input: unknown,
): Promise<SitePageDto> {
  requireAccess(actor, "site.pages");
  const key = parseInput(sitePageKeySchema, { slug, locale });
  const data = parseInput(sitePageInputSchema, input);
  const values = { ...key, ...data, updatedAt: ctx.now() };
  const [row] = await ctx.db
    .insert(sitePages)
    .values(values)
    .onConflictDoUpdate({
      target: [sitePages.slug, sitePages.locale],
      set: { title: data.title, body: data.body, updatedAt: values.updatedAt },
    })
    .returning();
  return toDto(row!);
}
