import type { Database } from "../../db/client.ts";
import { withContext } from "../shared/compose.ts";
import { canManageCentre, createCentre, deleteCentre, getCentre, listCentres, listSubregions, updateCentre } from "./centres.ts";
import type { NetworkContext } from "./context.ts";
import { addFacility, canManageFacilities, removeFacility } from "./facilities.ts";
import { figures, timeline } from "./figures.ts";
import { addGovernanceTerm, getGovernanceTerm, governance, removeGovernanceTerm, updateGovernanceTerm } from "./governance.ts";
import { addMember, removeMember } from "./memberships.ts";
import { createOrganisation, deleteOrganisation, getOrganisation, listOrganisations, updateOrganisation } from "./organisations.ts";
import { getSitePage, getSitePageForEditing, listSitePages, saveSitePage } from "./site-pages.ts";

export type NetworkServiceDeps = { db: Database; now?: () => Date };

export function createNetworkService(deps: NetworkServiceDeps) {
  const ctx: NetworkContext = { db: deps.db, now: deps.now ?? (() => new Date()) };
  return withContext(ctx, {
    listCentres,
    getCentre,
    figures,
    timeline,
    governance,
    listSubregions,
    listOrganisations,
    getOrganisation,
    canManageCentre,
    canManageFacilities,
    createCentre,
    updateCentre,
    deleteCentre,
    createOrganisation,
    updateOrganisation,
    deleteOrganisation,
    addMember,
    removeMember,
    addFacility,
    removeFacility,
    getGovernanceTerm,
    addGovernanceTerm,
    updateGovernanceTerm,
    removeGovernanceTerm,
    getSitePage,
    getSitePageForEditing,
    listSitePages,
    saveSitePage,
  });
}

export type NetworkService = ReturnType<typeof createNetworkService>;
