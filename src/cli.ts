import fs from "node:fs";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "./config.ts";
import { DataDirLockedError } from "./db/lock.ts";
import { DatabaseStartError } from "./db/start-error.ts";
import { type DomainError, isDomainError } from "./domain/shared/errors.ts";
import { translateError } from "./i18n/error-messages.ts";
import { openRuntime, type Runtime } from "./runtime.ts";
import { seedDemoIfWanted, seedTargetOf } from "./seed/seed.ts";

const usage = `Usage: npm run orbis -- <command> [options]

Commands:
  migrate                          Apply database migrations
  seed                             Load the demo data wherever it is missing
  create-admin --email <address> --password <password> [--name <name>]
                                   Create a platform administrator
  keys export --out <file>         Back up the credential signing keys (private halves stay
                                   encrypted: keep the key secret apart from the backup)
  keys import --in <file>          Restore signing keys from such a backup
  keys rotate --org <slug>         Give an organisation a new signing key (the old one stays
                                   in its DID document, so what it signed still verifies)
  help                             Show this text

Settings come from the environment, as for the server (DATA_DIR, DATABASE_URL, ...).`;

/** sysexits(3) codes, so scripts can tell a typo from a busy database. */
const exitCodes = { usage: 64, data: 65, unavailable: 69, config: 78 } as const;

class UsageError extends Error {}

async function withRuntime(work: (runtime: Runtime) => Promise<string>): Promise<string> {
  const runtime = await openRuntime(loadConfig());
  try {
    return await work(runtime);
  } finally {
    await runtime.database.close();
  }
}

const commands: Record<string, (args: string[]) => Promise<string>> = {
  async help() {
    return usage;
  },

  migrate: () => withRuntime(async () => "Migrations applied."),

  seed: () =>
    withRuntime(async (runtime) => {
      const added = await seedDemoIfWanted(seedTargetOf(runtime), "always");
      return added ? "Demo data loaded." : "Demo data was already there; nothing added.";
    }),

  async keys(args) {
    const [action, ...rest] = args;
    const { values } = parseArgs({
      args: rest,
      options: { out: { type: "string" }, in: { type: "string" }, org: { type: "string" } },
      strict: true,
    });
    if (action === "export" && values.out) {
      const out = values.out;
      return withRuntime(async ({ services }) => {
        const backup = await services.credentials.exportKeys();
        fs.writeFileSync(out, `${JSON.stringify(backup, null, 2)}\n`, { mode: 0o600 });
        return `Wrote ${backup.keys.length} signing keys to ${out}.`;
      });
    }
    if (action === "import" && values.in) {
      const backup = JSON.parse(fs.readFileSync(values.in, "utf8")) as unknown;
      return withRuntime(async ({ services }) => {
        const { imported, skipped } = await services.credentials.importKeys(backup);
        return `Imported ${imported} signing keys; ${skipped} were already here.`;
      });
    }
    if (action === "rotate" && values.org) {
      const slug = values.org;
      return withRuntime(async ({ services }) => `New signing key for ${slug}: ${await services.credentials.rotateOrganisationKey(slug)}`);
    }
    throw new UsageError("keys needs export --out <file>, import --in <file> or rotate --org <slug>.");
  },

  async "create-admin"(args) {
    const { values } = parseArgs({
      args,
      options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" } },
      strict: true,
    });
    if (!values.email || !values.password) throw new UsageError("create-admin needs --email and --password.");
    const { email, password, name = "Platform administrator" } = values;
    return withRuntime(async ({ services }) => {
      const user = await services.identity.createUser({ email, password, name, roles: [{ role: "platform_admin", organisationId: null }] });
      return `Created platform administrator ${user.email}.`;
    });
  },
};

/** A refusal from the domain in words: the message and each field's problem. */
function describeDomainError(error: DomainError): string {
  const { message, fields } = translateError(error, "en");
  return [message, ...fields.map((f) => `  ${f.path}: ${f.message}`)].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name = "help", ...args] = argv;
  const command = commands[name];
  try {
    if (!command) throw new UsageError(`Unknown command "${name}".`);
    console.log(await command(args));
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`${(error as Error).message}\n\n${usage}`);
      return exitCodes.usage;
    }
    // The database was not opened, so nothing in it was touched.
    if (error instanceof DataDirLockedError || error instanceof ConfigError) {
      console.error(error.message);
      return exitCodes.config;
    }
    // The database is down or unreachable: one line saying which and what to do, as the server does.
    if (error instanceof DatabaseStartError) {
      console.error(error.message);
      return exitCodes.unavailable;
    }
    if (isDomainError(error)) {
      console.error(describeDomainError(error));
      return exitCodes.data;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
