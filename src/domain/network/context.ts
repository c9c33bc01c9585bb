import type { Database } from "../../db/client.ts";

/** What the network use cases work with (docs/decisions/0015-module-shape.md). */
export type NetworkContext = { db: Database; now: () => Date };
