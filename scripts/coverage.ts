/**
 * What the tests cover, per domain module: `npm test` (scripts/test.ts) has Vitest write the unit
 * and PGlite runs' coverage as istanbul JSON (`coverage/<project>/coverage-final.json`) and prints
 * this table at the end. A line or branch counts as covered when either run covered it.
 */
import fs from "node:fs";
import path from "node:path";

type Location = { start: { line: number; column: number } };
/** One file of istanbul's `coverage-final.json`: where each statement and branch is, and how often it ran. */
type FileCoverage = {
  statementMap: Record<string, Location>;
  s: Record<string, number>;
  branchMap: Record<string, { locations: Location[] }>;
  b: Record<string, number[]>;
};

/** Per file: each line holding a statement, and each branch, with whether any run reached it. */
type Reached = { lines: Map<number, boolean>; branches: Map<string, boolean> };

const root = path.resolve(import.meta.dirname, "..");
const domainDir = path.join(root, "src", "domain");

export const coverageDir = (project: string) => path.join(root, "coverage", project);

/** Vitest's arguments for a run that records its coverage where this script reads it. */
export const coverageArgs = (project: string) => ["--coverage.enabled", `--coverage.reportsDirectory=${coverageDir(project)}`];

function reach(into: Map<string, Reached>, file: string, data: FileCoverage) {
  const reached = into.get(file) ?? { lines: new Map(), branches: new Map() };
  into.set(file, reached);
  for (const [id, { start }] of Object.entries(data.statementMap)) {
    reached.lines.set(start.line, reached.lines.get(start.line) || (data.s[id] ?? 0) > 0);
  }
  for (const [id, branch] of Object.entries(data.branchMap)) {
    branch.locations.forEach(({ start }, i) => {
      const key = `${start.line}:${start.column}:${i}`;
      reached.branches.set(key, reached.branches.get(key) || (data.b[id]?.[i] ?? 0) > 0);
    });
  }
}

const percent = (covered: number, total: number) => (total ? `${((100 * covered) / total).toFixed(1)} %` : "–");

/** The table, or null when none of the projects left coverage (not run, or stopped early). */
export function coverageSummary(projects: string[]): string | null {
  const files = new Map<string, Reached>();
  const found = projects.filter((project) => fs.existsSync(path.join(coverageDir(project), "coverage-final.json")));
  if (!found.length) return null;
  for (const project of found) {
    const map = JSON.parse(fs.readFileSync(path.join(coverageDir(project), "coverage-final.json"), "utf8")) as Record<string, FileCoverage>;
    for (const [file, data] of Object.entries(map)) reach(files, file, data);
  }
  type Totals = { lines: number; linesCovered: number; branches: number; branchesCovered: number };
  const modules = new Map<string, Totals>();
  const all: Totals = { lines: 0, linesCovered: 0, branches: 0, branchesCovered: 0 };
  for (const [file, reached] of files) {
    const relative = path.relative(domainDir, file);
    if (relative.startsWith("..")) continue;
    const name = relative.split(path.sep)[0]!;
    const totals = modules.get(name) ?? { lines: 0, linesCovered: 0, branches: 0, branchesCovered: 0 };
    modules.set(name, totals);
    for (const sum of [totals, all]) {
      sum.lines += reached.lines.size;
      sum.linesCovered += [...reached.lines.values()].filter(Boolean).length;
      sum.branches += reached.branches.size;
      sum.branchesCovered += [...reached.branches.values()].filter(Boolean).length;
    }
  }
  const row = (name: string, t: Totals) =>
    `  ${name.padEnd(16)} ${percent(t.linesCovered, t.lines).padStart(8)} ${percent(t.branchesCovered, t.branches).padStart(10)}`;
  return [
    `Coverage of src/domain by the ${found.join(" and ")} tests (${path.relative(root, path.join(root, "coverage"))}/<project>/coverage-final.json):`,
    `  ${"module".padEnd(16)} ${"lines".padStart(8)} ${"branches".padStart(10)}`,
    ...[...modules].sort(([a], [b]) => a.localeCompare(b)).map(([name, totals]) => row(name, totals)),
    row("all", all),
  ].join("\n");
}
