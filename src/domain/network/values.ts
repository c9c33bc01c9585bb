/**
 * Value lists the UI imports without Zod (every page's footer uses them, so they reach the
 * browser): dto.ts builds its schemas on them.
 */

/** The site's fixed pages linked from every page's footer, written by the secretariat per language. */
export const sitePageSlugs = ["privacy", "terms", "accessibility", "contact"] as const;
export type SitePageSlug = (typeof sitePageSlugs)[number];
