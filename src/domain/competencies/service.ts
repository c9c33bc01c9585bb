import type { Database } from "../../db/client.ts";
import { withContext } from "../shared/compose.ts";
import { align, alignmentsOf, canAlign, unalign, whereTaught } from "./alignments.ts";
import { caseDocument, caseDocuments, caseItem, caseItemAssociations, casePackage } from "./case-api.ts";
import { exportCase } from "./case-export.ts";
import { importCase } from "./case-import.ts";
import type { CompetenciesContext } from "./context.ts";
import { addCrosswalk, crosswalkView, removeCrosswalk } from "./crosswalks.ts";
import { addTranslation } from "./framework-translation.ts";
import {
  canManageFramework,
  createFramework,
  deleteDraft,
  getFramework,
  listFrameworks,
  publishFramework,
  setLevels,
  startNewVersion,
  updateFramework,
} from "./frameworks.ts";
import { addItem, addItems, removeItem, updateItem } from "./items.ts";

export type CompetenciesServiceDeps = { db: Database; publicUrl: string; now?: () => Date };

export function createCompetenciesService(deps: CompetenciesServiceDeps) {
  const ctx: CompetenciesContext = { db: deps.db, publicUrl: deps.publicUrl, now: deps.now ?? (() => new Date()) };
  return withContext(ctx, {
    listFrameworks,
    getFramework,
    canManageFramework,
    createFramework,
    updateFramework,
    setLevels,
    publishFramework,
    startNewVersion,
    deleteDraft,
    addItem,
    addItems,
    updateItem,
    removeItem,
    addTranslation,
    exportCase,
    importCase,
    caseDocuments,
    caseDocument,
    casePackage,
    caseItem,
    caseItemAssociations,
    addCrosswalk,
    removeCrosswalk,
    crosswalkView,
    align,
    unalign,
    alignmentsOf,
    canAlign,
    whereTaught,
  });
}

export type CompetenciesService = ReturnType<typeof createCompetenciesService>;
