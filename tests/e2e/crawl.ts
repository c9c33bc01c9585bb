import type { Page } from "playwright-core";

/** Addresses that are files, feeds or actions rather than pages. */
const notPages = /\/(sign-out|cover\.svg)$|\/report\/(csv|xlsx)$|\.ics$|\/files\//;

/**
 * One address per kind of page: the segment after a collection (a slug, an id) is a placeholder,
 * so twenty courses count once. Query strings are dropped (filters of the same page).
 */
function shapeOf(path: string): string {
  return path.replace(
    /\/(courses|events|programmes|centres|cohorts|organisations|governance|lessons|learn|translate|reset-password)\/(?!new$)[^/]+/g,
    "/$1/:x",
  );
}

/**
 * Walks the site as whoever is signed in on `page` (the platform administrator may open nearly every
 * page) from the home and staff pages, following same-site links breadth first (downloads
 * excepted), one page of each kind. Answers the English paths visited.
 */
export async function crawl(page: Page, baseUrl: string, limit = 70): Promise<string[]> {
  const queue = ["/en", "/en/manage", "/en/account", "/en/learning", "/en/my/events"];
  const seen = new Set(queue.map(shapeOf));
  const visited: string[] = [];
  while (queue.length > 0 && visited.length < limit) {
    const path = queue.shift()!;
    const response = await page.goto(`${baseUrl}${path}`);
    if (response?.status() !== 200) continue;
    visited.push(path);
    const links = await page
      .locator("a[href^='/en']:not([download])")
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
    for (const href of links) {
      const clean = href.split(/[?#]/)[0]!;
      if (notPages.test(clean) || seen.has(shapeOf(clean))) continue;
      seen.add(shapeOf(clean));
      queue.push(clean);
    }
  }
  return visited;
}
