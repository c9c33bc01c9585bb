import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { dropPostgresDatabase, postgresTemplateName, type TemplateKind } from "./templates.ts";

const kinds: TemplateKind[] = ["migrated", "demo"];

/**
 * Gives one run of an integration project a directory for its templates (tests/support/templates.ts);
 * they are built there by the first test file that needs each, and thrown away when the run ends.
 */
export default function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "orbis-test-templates-"));
  const id = crypto.randomBytes(4).toString("hex");
  project.provide("testTemplates", { dir, id });
  return async () => {
    // A lock directory shows that a worker began building that template on the server.
    const begun = kinds.filter((kind) => fs.existsSync(path.join(dir, `postgres-${kind}.lock`)));
    await Promise.all(begun.map((kind) => dropPostgresDatabase(postgresTemplateName(id, kind))));
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
