/**
 * The architecture rules Biome cannot express, run by `npm run lint` (see docs/ARCHITECTURE.md):
 *
 * 1. A domain module reaches another only through its public surface: `queries.ts` (reads),
 *    `dto.ts` (contracts), `permissions.ts` (who may), or a type-only import of `service.ts`
 *    (a dependency injected by the composition root). Another module's `schema.ts` may be imported
 *    only by a `schema.ts`, for foreign keys. `shared/` is open to all.
 * 2. `src/web` and `src/http` never import a domain `schema.ts` (they talk to services).
 * 3. No function in `src/domain` spans more than MAX_FUNCTION_LINES lines.
 * 4. The demo seed (`src/seed`) writes through the services, as the people in it would: from a
 *    domain module it imports types only (inputs, DTOs), never a table or a query, and no database
 *    library.
 *
 * `--report` prints the figures (cross-module imports by kind, the longest functions) without failing.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = path.resolve(import.meta.dirname, "..");
const domainDir = path.join(root, "src", "domain");
const MAX_FUNCTION_LINES = 150;
const publicFiles = new Set(["queries.ts", "dto.ts", "permissions.ts"]);

type Violation = { file: string; line: number; message: string };

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

/** The module a file belongs to (`catalogue` for src/domain/catalogue/review/x.ts), or null outside src/domain. */
function moduleOf(file: string): string | null {
  const relative = path.relative(domainDir, file);
  if (relative.startsWith("..")) return null;
  return relative.split(path.sep)[0] ?? null;
}

type ImportInfo = { target: string; typeOnly: boolean; line: number };

function importsOf(source: ts.SourceFile, file: string): ImportInfo[] {
  const out: ImportInfo[] = [];
  const add = (specifier: ts.Expression, typeOnly: boolean, node: ts.Node) => {
    if (!ts.isStringLiteral(specifier) || !specifier.text.startsWith(".")) return;
    const target = path.resolve(path.dirname(file), specifier.text);
    out.push({ target, typeOnly, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const allTypes =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!clause.namedBindings &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      add(statement.moduleSpecifier, allTypes, statement);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      add(statement.moduleSpecifier, statement.isTypeOnly, statement);
    }
  }
  return out;
}

function checkImport(file: string, info: ImportInfo): string | null {
  const fromModule = moduleOf(file);
  const toModule = moduleOf(info.target);
  if (!toModule || toModule === "shared") return null;
  const targetName = path.basename(info.target);
  const inUi = file.startsWith(path.join(root, "src", "web")) || file.startsWith(path.join(root, "src", "http"));
  if (inUi && targetName === "schema.ts") return `${toModule}/schema.ts: the UI and the API talk to services, never to tables`;
  if (!fromModule || fromModule === toModule) return null;
  // A sub-folder's file is private to its module, whatever its name.
  if (path.dirname(info.target) !== path.join(domainDir, toModule)) {
    return `${path.relative(domainDir, info.target)}: another module's private file (use its queries.ts, dto.ts or service type)`;
  }
  if (publicFiles.has(targetName)) return null;
  if (targetName === "service.ts" && info.typeOnly) return null;
  if (targetName === "schema.ts" && path.basename(file) === "schema.ts") return null;
  if (targetName === "schema.ts") return `${toModule}/schema.ts: another module's tables (read through its queries.ts)`;
  return `${toModule}/${targetName}: another module's private file (use its queries.ts, dto.ts or service type)`;
}

const databaseLibrary = /^(drizzle-orm|pg|@electric-sql\/pglite)(\/|$)/;

function seedViolations(source: ts.SourceFile, file: string, relative: string): Violation[] {
  const out: Violation[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier.text;
      if (databaseLibrary.test(specifier)) {
        out.push({
          file: relative,
          line: lineOf(statement),
          message: `${specifier}: the demo seed writes through the services, not to the database`,
        });
      }
    }
  }
  for (const info of importsOf(source, file)) {
    const toModule = moduleOf(info.target);
    if (!toModule || toModule === "shared") continue;
    const name = path.basename(info.target);
    if (name === "schema.ts" || name === "queries.ts" || !info.typeOnly) {
      const message = `${path.relative(domainDir, info.target)}: the demo seed calls the services (src/services.ts) and imports only types from a module`;
      out.push({ file: relative, line: info.line, message });
    }
  }
  return out;
}

function functionName(node: ts.Node, source: ts.SourceFile): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name) return named.name.getText(source);
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(source);
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(source);
  return "(anonymous)";
}

type FunctionSpan = { file: string; line: number; name: string; lines: number };

function functionSpans(source: ts.SourceFile, file: string): FunctionSpan[] {
  const out: FunctionSpan[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isConstructorDeclaration(node)
    ) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      out.push({ file, line: start + 1, name: functionName(node, source), lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const report = process.argv.includes("--report");
const violations: Violation[] = [];
const spans: FunctionSpan[] = [];
const crossModule = { tables: 0, other: 0, public: 0 };

for (const file of sourceFiles(path.join(root, "src"))) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const relative = path.relative(root, file);
  // Tests may look at any table to check what a use case wrote; the rules are for the code under test.
  const isTest = /\.test\.tsx?$/.test(file);
  if (!isTest && relative.startsWith(path.join("src", "seed") + path.sep)) violations.push(...seedViolations(source, file, relative));
  for (const info of isTest ? [] : importsOf(source, file)) {
    const from = moduleOf(file);
    const to = moduleOf(info.target);
    if (from && to && from !== to && to !== "shared") {
      const name = path.basename(info.target);
      if (name === "schema.ts" && path.basename(file) !== "schema.ts") crossModule.tables++;
      else if (publicFiles.has(name) || (name === "service.ts" && info.typeOnly) || name === "schema.ts") crossModule.public++;
      else crossModule.other++;
    }
    const message = checkImport(file, info);
    if (message) violations.push({ file: relative, line: info.line, message });
  }
  if (moduleOf(file) && !isTest) {
    for (const span of functionSpans(source, relative)) {
      spans.push(span);
      if (span.lines > MAX_FUNCTION_LINES) {
        violations.push({
          file: relative,
          line: span.line,
          message: `function ${span.name} spans ${span.lines} lines (at most ${MAX_FUNCTION_LINES}): split it by use case`,
        });
      }
    }
  }
}

if (report) {
  console.log(
    `cross-module imports in src/domain: ${crossModule.tables} of another module's tables, ${crossModule.other} of other private files, ${crossModule.public} through public files`,
  );
  console.log("longest functions in src/domain:");
  for (const span of spans.sort((a, b) => b.lines - a.lines).slice(0, 10)) {
    console.log(`  ${String(span.lines).padStart(5)}  ${span.name}  ${span.file}:${span.line}`);
  }
}
for (const v of violations) console.error(`${v.file}:${v.line}  ${v.message}`);
if (violations.length) {
  console.error(`\n${violations.length} architecture rule violation(s); see docs/ARCHITECTURE.md, "Module boundaries".`);
  if (!report) process.exit(1);
} else {
  console.log("architecture rules: no violations");
}
