/**
 * The API alone, opened as src/serve.ts opens it (configuration from the environment, migrations,
 * services) but without the UI build, for fault tests that restart or freeze its database while
 * it serves. Prints "listening" once it accepts requests; SIGTERM closes it.
 */
import { loadConfig } from "../../src/config.ts";
import { buildApp } from "../../src/http/app.ts";
import { openRuntime } from "../../src/runtime.ts";

const config = loadConfig();
const { database, services } = await openRuntime(config);
const app = await buildApp({ config, services, database, logger: { level: config.logLevel } });
await app.listen({ port: config.port, host: config.host });
console.log("listening");
process.on("SIGTERM", async () => {
  await app.close();
  await services.notifications.stop();
  await database.close();
  process.exit(0);
});
