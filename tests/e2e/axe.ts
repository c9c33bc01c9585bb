import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

type Violation = { id: string; impact: string; nodes: { target: string[] }[] };

/**
 * What axe finds wrong with the open page (WCAG 2.2 A/AA and best practice), one line per rule.
 * Evaluated through the debugging protocol, so it works on pages without script and past their CSP.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const found = (await page.evaluate(() =>
    // biome-ignore lint/suspicious/noExplicitAny: axe is put into the page at run time
    (window as any).axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] }),
  )) as { violations: Violation[] };
  return found.violations.map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
