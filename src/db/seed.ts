import type { Services } from "../services.ts";
import type { Database } from "./client.ts";

/** Loads demo data on an empty database ("auto"), always, or never. Returns whether it did. */
export async function seedDemoIfWanted(db: Database, services: Services, policy: "auto" | "always" | "never"): Promise<boolean> {
  void db;
  void services;
  void policy;
  return false;
}
