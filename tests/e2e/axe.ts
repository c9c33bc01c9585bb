import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

type Violation = { id: string; impact: string; nodes: { target: string[] }[] };

/**
 * What axe finds wrong with the open page (WCAG 2.2 A/AA and best practice), one line per rule.
 * The page's context must be opened with `bypassCSP: true` and script on: axe is put in as a script
 * tag (past the nonce CSP) and waits on timers, which never fire where script is off.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const found = (await page.evaluate(() =>
    // biome-ignore lint/suspicious/noExplicitAny: axe is put into the page at run time
    (window as any).axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] }),
  )) as { violations: Violation[] };
  return found.violations.map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
