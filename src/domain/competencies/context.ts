import type { Database } from "../../db/client.ts";

/** What the competencies use cases work with (docs/decisions/0015-module-shape.md). */
export type CompetenciesContext = {
  db: Database;
  now: () => Date;
  /** The site's address: CASE URIs of documents, items and associations are built on it. */
  publicUrl: string;
};
