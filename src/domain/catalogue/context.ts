import type { Database } from "../../db/client.ts";
import type { FileStorage } from "../../infra/storage.ts";
import type { Outbox } from "../notifications/service.ts";
import type { UploadLimits } from "./dto.ts";

/** What every catalogue use case runs on: the database and the clock. */
export type CatalogueContext = { db: Database; now: () => Date };

/** The review workflow also writes to the owners' authors, with links into the site. */
export type ReviewContext = CatalogueContext & { outbox: Outbox; publicUrl: string };

/** Lesson media also keep their bytes in file storage, each kind of upload within its limit. */
export type MediaContext = CatalogueContext & { storage: FileStorage; limits: UploadLimits };
