import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";
import { createCatalogueService } from "./domain/catalogue/service.ts";
import { createIdentityService } from "./domain/identity/service.ts";
import { createNetworkService } from "./domain/network/service.ts";
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
  return {
    network: createNetworkService({ db: deps.db, now }),
    catalogue: createCatalogueService({ db: deps.db, now }),
    identity: createIdentityService({ db: deps.db, mailer: deps.mailer, publicUrl: deps.config.publicUrl, now }),
  };
}

export type Services = ReturnType<typeof createServices>;
