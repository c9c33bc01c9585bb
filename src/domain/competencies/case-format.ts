import crypto from "node:crypto";

/**
 * The shapes of 1EdTech CASE 1.0 / 1.1 JSON that Orbis writes (CFPackage and its parts). Reading
 * is tolerant (case-import.ts); writing follows the specification. CASE 1.1 adds `extensions`,
 * where Orbis keeps what CASE has no field for: texts in other languages and an item's level.
 */
export type CaseVersion = "1.0" | "1.1";
export const caseVersions = ["1.0", "1.1"] as const;

export type LinkUri = { title: string; identifier: string; uri: string };

export type CFDocument = {
  identifier: string;
  uri: string;
  creator: string;
  title: string;
  lastChangeDateTime: string;
  officialSourceURL?: string;
  publisher?: string;
  description?: string;
  language?: string;
  version?: string;
  adoptionStatus?: string;
  licenseURI?: LinkUri;
  CFPackageURI?: LinkUri;
  extensions?: Record<string, unknown>;
};

export type CFItem = {
  identifier: string;
  uri: string;
  fullStatement: string;
  humanCodingScheme?: string;
  listEnumeration?: string;
  CFItemType?: string;
  CFItemTypeURI?: LinkUri;
  notes?: string;
  language?: string;
  lastChangeDateTime: string;
  CFDocumentURI?: LinkUri;
  extensions?: Record<string, unknown>;
};

export type CFAssociation = {
  identifier: string;
  uri: string;
  associationType: string;
  sequenceNumber?: number;
  originNodeURI: LinkUri;
  destinationNodeURI: LinkUri;
  CFDocumentURI?: LinkUri;
  lastChangeDateTime: string;
};

export type CFItemTypeDefinition = {
  identifier: string;
  uri: string;
  title: string;
  description: string;
  hierarchyCode: string;
  typeCode?: string;
  lastChangeDateTime: string;
};

export type CFRubricCriterionLevel = {
  identifier: string;
  uri: string;
  description?: string;
  quality?: string;
  feedback?: string;
  score?: number;
  position?: number;
  criterionId?: string;
  lastChangeDateTime: string;
  extensions?: Record<string, unknown>;
};

export type CFRubric = {
  identifier: string;
  uri: string;
  title?: string;
  description?: string;
  lastChangeDateTime: string;
  CFRubricCriteria?: {
    identifier: string;
    uri: string;
    category?: string;
    description?: string;
    position?: number;
    rubricId?: string;
    lastChangeDateTime: string;
    CFRubricCriterionLevels?: CFRubricCriterionLevel[];
  }[];
};

export type CFPackage = {
  CFDocument: CFDocument;
  CFItems: CFItem[];
  CFAssociations: CFAssociation[];
  CFDefinitions: {
    CFConcepts: unknown[];
    CFSubjects: unknown[];
    CFLicenses: unknown[];
    CFItemTypes: CFItemTypeDefinition[];
    CFAssociationGroupings: unknown[];
  };
  CFRubrics: CFRubric[];
};

/** The rubric criterion category under which Orbis writes a framework's proficiency levels (and reads them back). */
export const levelsCategory = "proficiencyLevels";

/** The extension keys Orbis writes in CASE 1.1. */
export const ext = { texts: "orbisTexts", level: "orbisLevel", names: "orbisNames", descriptions: "orbisDescriptions" } as const;

/**
 * A stable UUID for something CASE needs an identifier for that Orbis does not store (a tree
 * link, an item type, the levels rubric): the same input gives the same identifier on every export.
 */
export function derivedIdentifier(...parts: string[]): string {
  const hex = crypto.createHash("sha1").update(parts.join("\u0000")).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((Number.parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/** CASE's error shape (imsx_StatusInfo), for the public CASE endpoints. */
export type CaseStatusInfo = {
  imsx_codeMajor: "failure";
  imsx_severity: "error";
  imsx_description: string;
  imsx_CodeMinor: { imsx_codeMinorField: { imsx_codeMinorFieldName: string; imsx_codeMinorFieldValue: string }[] };
};

export function caseStatusInfo(codeMinor: string, description: string): CaseStatusInfo {
  return {
    imsx_codeMajor: "failure",
    imsx_severity: "error",
    imsx_description: description,
    imsx_CodeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: "sourcedId", imsx_codeMinorFieldValue: codeMinor }] },
  };
}
