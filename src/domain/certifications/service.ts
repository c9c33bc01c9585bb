import type { Database } from "../../db/client.ts";
import type { FileStorage } from "../../infra/storage.ts";
import type { CredentialsService } from "../credentials/service.ts";
import type { Outbox } from "../notifications/service.ts";
import { withContext } from "../shared/compose.ts";
import { decideEvidence, evidenceQueue, getEvidence } from "./assessment.ts";
import { changeAwardStatus, listAwards } from "./awards.ts";
import { bulkCohortOptions, confirmBulkAwards, getBulkPreview, previewBulkAwards } from "./bulk-issuance.ts";
import {
  createCertification,
  getCertification,
  listCertifications,
  translateCertification,
  updateCertification,
} from "./certifications.ts";
import type { CertificationsContext } from "./context.ts";
import { openEvidenceFile, submitEvidence } from "./evidence.ts";
import { issueDue } from "./issuance.ts";
import { claimAward, myAwards, myProgress } from "./progress.ts";
import { runCertificationJobs, sendExpiryReminders } from "./reminders.ts";

export type CertificationsServiceDeps = {
  db: Database;
  outbox: Outbox;
  storage: FileStorage;
  publicUrl: string;
  maxEvidenceBytes?: number;
  credentials: Pick<CredentialsService, "issueInTransaction" | "setStatusInTransaction">;
  now?: () => Date;
};

/** Evidence arrives through page forms, which carry at most 6 MiB (src/http/web.ts). */
const DEFAULT_MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

export function createCertificationsService(deps: CertificationsServiceDeps) {
  const ctx: CertificationsContext = {
    db: deps.db,
    outbox: deps.outbox,
    storage: deps.storage,
    publicUrl: deps.publicUrl,
    maxEvidenceBytes: deps.maxEvidenceBytes ?? DEFAULT_MAX_EVIDENCE_BYTES,
    credentials: deps.credentials,
    now: deps.now ?? (() => new Date()),
  };
  return withContext(ctx, {
    createCertification,
    updateCertification,
    translateCertification,
    getCertification,
    listCertifications,
    myProgress,
    claimAward,
    myAwards,
    submitEvidence,
    openEvidenceFile,
    evidenceQueue,
    getEvidence,
    decideEvidence,
    listAwards,
    changeAwardStatus,
    bulkCohortOptions,
    previewBulkAwards,
    getBulkPreview,
    confirmBulkAwards,
    issueDue,
    sendExpiryReminders,
    runCertificationJobs,
  });
}

export type CertificationsService = ReturnType<typeof createCertificationsService>;
