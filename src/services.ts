import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";
import { createAuthoringService } from "./domain/catalogue/authoring.ts";
import { createMediaService, type UploadLimits } from "./domain/catalogue/media.ts";
import { createQuizService } from "./domain/catalogue/quiz.ts";
import { createRubricService } from "./domain/catalogue/rubric.ts";
import { createCatalogueService } from "./domain/catalogue/service.ts";
import { createTranslationQueueService } from "./domain/catalogue/translation-queue.ts";
import { createWorkflowService } from "./domain/catalogue/workflow.ts";
import { createEventsService } from "./domain/events/service.ts";
import { createIdentityService } from "./domain/identity/service.ts";
import { createLearningService } from "./domain/learning/service.ts";
import { createNetworkService } from "./domain/network/service.ts";
import { createNotificationsService } from "./domain/notifications/service.ts";
import { createProgrammesService } from "./domain/programmes/service.ts";
import type { Mailer } from "./infra/mailer.ts";
import type { FileStorage } from "./infra/storage.ts";

export type ServiceDeps = {
  db: Database;
  mailer: Mailer;
  config: Pick<Config, "publicUrl">;
  /** Uploaded files' bytes (DATA_DIR/files, or a temporary directory in tests). */
  storage: FileStorage;
  uploadLimits?: Partial<UploadLimits>;
  /** Injected so tests can move time (token expiry, rate limits). */
  now?: () => Date;
};

/** The composition root of the domain: HTTP routes and UI loaders receive this object. */
export function createServices(deps: ServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const catalogue = createCatalogueService({ db: deps.db, now });
  const rubric = createRubricService({ db: deps.db, now });
  const notifications = createNotificationsService({ db: deps.db, mailer: deps.mailer, now });
  const events = createEventsService({ db: deps.db, mailer: deps.mailer, publicUrl: deps.config.publicUrl, now });
  return {
    network: createNetworkService({ db: deps.db, now }),
    catalogue,
    rubric,
    workflow: createWorkflowService({ db: deps.db, outbox: notifications, publicUrl: deps.config.publicUrl, rubric, now }),
    translations: createTranslationQueueService({ db: deps.db, now }),
    quizzes: createQuizService({ db: deps.db }),
    learning: createLearningService({ db: deps.db, catalogue, now }),
    authoring: createAuthoringService({ db: deps.db }),
    media: createMediaService({ db: deps.db, storage: deps.storage, now, limits: deps.uploadLimits }),
    identity: createIdentityService({ db: deps.db, outbox: notifications, publicUrl: deps.config.publicUrl, now }),
    events,
    programmes: createProgrammesService({ db: deps.db, outbox: notifications, publicUrl: deps.config.publicUrl, events, now }),
    notifications,
  };
}

export type Services = ReturnType<typeof createServices>;
