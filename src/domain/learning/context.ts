import type { Database } from "../../db/client.ts";
import type { CatalogueService } from "../catalogue/service.ts";

/** What the learning use cases work with (docs/decisions/0015-module-shape.md). */
export type LearningContext = {
  db: Database;
  now: () => Date;
  /** The lesson and course as the reader is shown them, with the catalogue's own access rules. */
  catalogue: Pick<CatalogueService, "getLesson" | "getLessonPage" | "getCourse" | "searchCourses">;
};
