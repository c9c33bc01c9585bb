import { ConfigError, loadConfig } from "./config.ts";
import { DataDirLockedError } from "./db/lock.ts";
import { DatabaseStartError } from "./db/start-error.ts";

// The entry point imports nothing else statically: React and other libraries choose their
// production or development build from NODE_ENV when first loaded, so it is set from the
// validated configuration before any of them is imported.
try {
  const config = loadConfig();
  process.env.NODE_ENV = config.env;
  const { serve } = await import("./serve.ts");
  await serve(config);
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(78);
  }
  // A process manager (systemd, a container's restart policy) starts the server again later.
  if (error instanceof DatabaseStartError) {
    console.error(error.message);
    process.exit(69);
  }
  console.error(error);
  process.exit(1);
}
