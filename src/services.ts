import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";
import type { UploadLimits } from "./domain/catalogue/dto.ts";
import {
  createAuthoringService,
  createCatalogueService,
  createMediaService,
  createQuizService,
  createRubricService,
  createTranslationQueueService,
  createWorkflowService,
} from "./domain/catalogue/service.ts";
import { createCertificationsService } from "./domain/certifications/service.ts";
import { createCompetenciesService } from "./domain/competencies/service.ts";
import { createCredentialsService } from "./domain/credentials/service.ts";
import { createEventsService } from "./domain/events/service.ts";
import { createIdentityService } from "./domain/identity/service.ts";
import { createLearningService } from "./domain/learning/service.ts";
import { createNetworkService } from "./domain/network/service.ts";
import { createNotificationsService } from "./domain/notifications/service.ts";
import { createProgrammesService } from "./domain/programmes/service.ts";
import type { Mailer } from "./infra/mailer.ts";
import { createRemoteJsonFetcher, type RemoteJson } from "./infra/remote-json.ts";
import type { FileStorage } from "./infra/storage.ts";

export type ServiceDeps = {
  db: Database;
  mailer: Mailer;
  config: Pick<Config, "publicUrl"> & Partial<Pick<Config, "mailFrom">>;
  /** Uploaded files' bytes (DATA_DIR/files, or a temporary directory in tests). */
  storage: FileStorage;
  uploadLimits?: Partial<UploadLimits>;
  /** Injected so tests can move time (token expiry, rate limits). */
  now?: () => Date;
  /** Encrypts credential signing keys at rest (src/infra/key-secret.ts); without it nothing can be signed. */
  keySecret?: Uint8Array;
  /** How other issuers' DID documents and status lists are fetched (tests serve their own). */
  remote?: RemoteJson;
};

/** The composition root of the domain: HTTP routes and UI loaders receive this object. */
export function createServices(deps: ServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const catalogue = createCatalogueService({ db: deps.db, now });
  const rubric = createRubricService({ db: deps.db, now });
  const notifications = createNotificationsService({ db: deps.db, mailer: deps.mailer, now });
  const events = createEventsService({
    db: deps.db,
    outbox: notifications,
    publicUrl: deps.config.publicUrl,
    mailFrom: deps.config.mailFrom,
    now,
  });
  const learning = createLearningService({ db: deps.db, catalogue, now });
  const identity = createIdentityService({ db: deps.db, outbox: notifications, publicUrl: deps.config.publicUrl, now });
  const credentials = createCredentialsService({
    db: deps.db,
    publicUrl: deps.config.publicUrl,
    keySecret: deps.keySecret,
    remote: deps.remote ?? createRemoteJsonFetcher(),
    now,
  });
  return {
    network: createNetworkService({ db: deps.db, now }),
    catalogue,
    rubric,
    workflow: createWorkflowService({ db: deps.db, outbox: notifications, publicUrl: deps.config.publicUrl, now }),
    translations: createTranslationQueueService({ db: deps.db, now }),
    quizzes: createQuizService({ db: deps.db, now }),
    learning,
    authoring: createAuthoringService({ db: deps.db, now }),
    media: createMediaService({ db: deps.db, storage: deps.storage, now, limits: deps.uploadLimits }),
    identity,
    events,
    programmes: createProgrammesService({
      db: deps.db,
      outbox: notifications,
      publicUrl: deps.config.publicUrl,
      events,
      learning,
      identity,
      now,
    }),
    notifications,
    competencies: createCompetenciesService({ db: deps.db, publicUrl: deps.config.publicUrl, now }),
    credentials,
    certifications: createCertificationsService({
      db: deps.db,
      outbox: notifications,
      storage: deps.storage,
      publicUrl: deps.config.publicUrl,
      credentials,
      now,
    }),
  };
}

export type Services = ReturnType<typeof createServices>;
