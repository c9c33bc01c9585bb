import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";
import type { Mailer } from "./infra/mailer.ts";

export type ServiceDeps = {
  db: Database;
  mailer: Mailer;
  config: Pick<Config, "publicUrl">;
  /** Injected so tests can move time (token expiry, rate limits). */
  now?: () => Date;
};

/** The composition root of the domain: HTTP routes and UI loaders receive this object. */
export function createServices(deps: ServiceDeps) {
  const now = deps.now ?? (() => new Date());
  void now;
  return {
    identity: { authenticate: async (_: { bearerToken?: string | undefined; sessionToken?: string | undefined }) => null },
  };
}

export type Services = ReturnType<typeof createServices>;
