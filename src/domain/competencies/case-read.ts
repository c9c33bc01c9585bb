import { ext, levelsCategory } from "./case-format.ts";
import { caseAssociationTypes, type ImportProblemDto, type ItemKind, textStatuses } from "./dto.ts";

/**
 * Reads a CASE 1.0 / 1.1 package as real-world files are written: identifiers in any case, with
 * or without braces and dashes; node URIs as objects or as plain strings; missing optional
 * fields. Every problem is reported by where it is (CFDocument, CFItems[3] (identifier)...);
 * errors stop the import, warnings say what was repaired or left out.
 */

export const importLimits = { bytes: 8 * 1024 * 1024, items: 10_000, associations: 50_000, levels: 20, statement: 10_000 };

export type ReadText = { locale: string; title: string; description: string; status: "draft" | "ready" };
export type ReadItem = {
  identifier: string;
  code: string | null;
  kindHint: ItemKind | null;
  title: string;
  description: string;
  order: number;
  levelCode: string | null;
  texts: ReadText[];
};
export type ReadAssociation = {
  identifier: string;
  type: string;
  origin: string;
  destination: { identifier: string; uri: string; title: string };
  sequenceNumber: number | null;
};
export type ReadLevel = {
  identifier: string;
  code: string;
  name: string;
  description: string;
  names: Record<string, string>;
  descriptions: Record<string, string>;
};
export type ReadDocument = {
  identifier: string;
  title: string;
  description: string;
  creator: string | null;
  publisher: string | null;
  language: string;
  licence: string | null;
  licenceUri: string | null;
  officialSourceUrl: string | null;
  texts: ReadText[];
};
export type ReadPackage = {
  document: ReadDocument | null;
  items: ReadItem[];
  associations: ReadAssociation[];
  levels: ReadLevel[];
  problems: ImportProblemDto[];
  warnings: ImportProblemDto[];
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);

const looseUuid = /^\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i;

/** An identifier as CASE means it: a UUID written loosely becomes its canonical form; anything else is kept as written. */
export function normaliseIdentifier(raw: string): string {
  const m = looseUuid.exec(raw.trim());
  return m ? m.slice(1, 6).join("-").toLowerCase() : raw.trim();
}

/** The identifier a node reference names: its `identifier`, else the last segment of its URI (a plain string or an object's `uri`). */
export function nodeRef(v: unknown): { identifier: string; uri: string; title: string } | null {
  if (typeof v === "string" && v.trim()) {
    const uri = v.trim();
    const last =
      uri
        .replace(/[?#].*$/, "")
        .replace(/\/+$/, "")
        .split("/")
        .pop() ?? uri;
    return { identifier: normaliseIdentifier(decodeURIComponent(last)), uri, title: "" };
  }
  if (!isObj(v)) return null;
  const uri = str(v.uri) ?? "";
  const identifier = str(v.identifier) ?? (uri ? nodeRef(uri)?.identifier : null);
  return identifier ? { identifier: normaliseIdentifier(identifier), uri, title: str(v.title) ?? "" } : null;
}

/** A content language code from CASE's `language` ("en", "en-US", "ara"); null when it is not one. */
function languageOf(v: unknown): string | null {
  const code = str(v)?.toLowerCase().split(/[-_]/)[0];
  return code && /^[a-z]{2,3}$/.test(code) ? code : null;
}

function kindHintOf(type: unknown): ItemKind | null {
  const t = (isObj(type) ? str(type.title) : str(type))?.toLowerCase() ?? "";
  if (/area|domain|aspect|strand|dimension|category|cluster/.test(t)) return "area";
  if (/indicator|descriptor|outcome|criterion|benchmark/.test(t)) return "indicator";
  if (/competen|standard|skill|proficien/.test(t)) return "competency";
  return null;
}

/** Texts in other languages from Orbis's CASE 1.1 extension; anything malformed there is ignored with a warning. */
function extensionTexts(where: string, extensions: unknown, warnings: ImportProblemDto[]): ReadText[] {
  if (!isObj(extensions) || extensions[ext.texts] === undefined) return [];
  const texts = extensions[ext.texts];
  const out: ReadText[] = [];
  if (isObj(texts)) {
    for (const [locale, value] of Object.entries(texts)) {
      const title = isObj(value) ? str(value.title) : null;
      if (!/^[a-z]{2,3}$/.test(locale) || !title || !isObj(value)) continue;
      const status =
        (textStatuses as readonly unknown[]).includes(value.status) && value.status !== "missing"
          ? (value.status as "draft" | "ready")
          : "draft";
      out.push({ locale, title: title.slice(0, importLimits.statement), description: str(value.description) ?? "", status });
    }
  }
  if (!out.length) warnings.push({ where, messageId: "competencies.import.extensionIgnored" });
  return out;
}

function readDocument(raw: unknown, problems: ImportProblemDto[], warnings: ImportProblemDto[]): ReadDocument | null {
  if (!isObj(raw)) {
    problems.push({ where: "CFDocument", messageId: "competencies.import.noDocument" });
    return null;
  }
  const identifier = str(raw.identifier) ?? (str(raw.uri) ? nodeRef(raw.uri)?.identifier : null);
  const title = str(raw.title);
  const where = `CFDocument (${identifier ?? "?"})`;
  if (!identifier) problems.push({ where, messageId: "competencies.import.missingField", params: { field: "identifier" } });
  if (!title) problems.push({ where, messageId: "competencies.import.missingField", params: { field: "title" } });
  let language = languageOf(raw.language);
  if (!language) {
    if (raw.language !== undefined)
      warnings.push({ where, messageId: "competencies.import.badLanguage", params: { value: String(raw.language) } });
    language = "en";
  }
  const licence = isObj(raw.licenseURI) ? raw.licenseURI : null;
  return {
    identifier: normaliseIdentifier(identifier ?? ""),
    title: (title ?? "").slice(0, 500),
    description: str(raw.description) ?? "",
    creator: str(raw.creator),
    publisher: str(raw.publisher),
    language,
    licence: licence ? str(licence.title) : null,
    licenceUri: licence ? str(licence.uri) : typeof raw.licenseURI === "string" ? str(raw.licenseURI) : null,
    officialSourceUrl: str(raw.officialSourceURL),
    texts: extensionTexts(where, raw.extensions, warnings),
  };
}

function readItems(raw: unknown, problems: ImportProblemDto[], warnings: ImportProblemDto[]): ReadItem[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({ where: "CFItems", messageId: "competencies.import.notList" });
    return [];
  }
  if (raw.length > importLimits.items) {
    problems.push({ where: "CFItems", messageId: "competencies.import.tooMany", params: { max: importLimits.items } });
    return [];
  }
  const seen = new Set<string>();
  const items: ReadItem[] = [];
  raw.forEach((entry, index) => {
    const identifier = isObj(entry) ? (str(entry.identifier) ?? (str(entry.uri) ? nodeRef(entry.uri)?.identifier : null)) : null;
    const where = `CFItems[${index}] (${identifier ?? "?"})`;
    if (!isObj(entry) || !identifier) {
      problems.push({ where, messageId: "competencies.import.missingField", params: { field: "identifier" } });
      return;
    }
    const id = normaliseIdentifier(identifier);
    if (seen.has(id)) {
      problems.push({ where, messageId: "competencies.import.duplicateIdentifier" });
      return;
    }
    seen.add(id);
    const statement = str(entry.fullStatement) ?? str(entry.abbreviatedStatement);
    if (!statement) problems.push({ where, messageId: "competencies.import.missingField", params: { field: "fullStatement" } });
    else if (statement.length > importLimits.statement)
      problems.push({ where, messageId: "competencies.import.tooLong", params: { field: "fullStatement", max: importLimits.statement } });
    const order = Number.parseInt(str(entry.listEnumeration) ?? "", 10);
    const extensions = isObj(entry.extensions) ? entry.extensions : {};
    items.push({
      identifier: id,
      code: str(entry.humanCodingScheme)?.slice(0, 40) ?? null,
      kindHint: kindHintOf(entry.CFItemType ?? entry.CFItemTypeURI),
      title: statement ?? "",
      description: str(entry.notes) ?? "",
      order: Number.isFinite(order) ? order - 1 : index,
      levelCode: str(extensions[ext.level]),
      texts: extensionTexts(where, entry.extensions, warnings),
    });
  });
  return items;
}

function readAssociations(raw: unknown, problems: ImportProblemDto[], warnings: ImportProblemDto[]): ReadAssociation[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({ where: "CFAssociations", messageId: "competencies.import.notList" });
    return [];
  }
  if (raw.length > importLimits.associations) {
    problems.push({ where: "CFAssociations", messageId: "competencies.import.tooMany", params: { max: importLimits.associations } });
    return [];
  }
  const seen = new Set<string>();
  const out: ReadAssociation[] = [];
  raw.forEach((entry, index) => {
    const identifier = isObj(entry) ? str(entry.identifier) : null;
    const where = `CFAssociations[${index}] (${identifier ?? "?"})`;
    if (!isObj(entry)) {
      problems.push({ where, messageId: "competencies.import.notObject" });
      return;
    }
    const type = str(entry.associationType);
    const origin = nodeRef(entry.originNodeURI);
    const destination = nodeRef(entry.destinationNodeURI);
    const missing = !identifier
      ? "identifier"
      : !type
        ? "associationType"
        : !origin
          ? "originNodeURI"
          : !destination
            ? "destinationNodeURI"
            : null;
    if (missing) {
      problems.push({ where, messageId: "competencies.import.missingField", params: { field: missing } });
      return;
    }
    const id = normaliseIdentifier(identifier!);
    if (seen.has(id)) {
      problems.push({ where, messageId: "competencies.import.duplicateIdentifier" });
      return;
    }
    seen.add(id);
    if (!(caseAssociationTypes as readonly string[]).includes(type!) && !type!.startsWith("ext:")) {
      warnings.push({ where, messageId: "competencies.import.unknownType", params: { value: type! } });
      return;
    }
    const sequence = Number(entry.sequenceNumber);
    out.push({
      identifier: id,
      type: type!,
      origin: origin!.identifier,
      destination: destination!,
      sequenceNumber: Number.isInteger(sequence) ? sequence : null,
    });
  });
  return out;
}

/** Proficiency levels: the criterion Orbis writes them under (category proficiencyLevels); other rubrics are left out. */
function readLevels(raw: unknown, problems: ImportProblemDto[], warnings: ImportProblemDto[]): ReadLevel[] {
  if (!Array.isArray(raw)) return [];
  const levels: ReadLevel[] = [];
  raw.forEach((rubric, index) => {
    const criteria = isObj(rubric) && Array.isArray(rubric.CFRubricCriteria) ? rubric.CFRubricCriteria : [];
    const criterion = criteria.find((c) => isObj(c) && c.category === levelsCategory);
    const where = `CFRubrics[${index}] (${(isObj(rubric) && str(rubric.identifier)) || "?"})`;
    if (!isObj(criterion) || !Array.isArray(criterion.CFRubricCriterionLevels) || levels.length) {
      warnings.push({ where, messageId: "competencies.import.rubricLeftOut" });
      return;
    }
    const entries = [...criterion.CFRubricCriterionLevels].filter(isObj).sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0));
    if (entries.length > importLimits.levels) {
      problems.push({ where, messageId: "competencies.import.tooMany", params: { max: importLimits.levels } });
      return;
    }
    for (const [position, level] of entries.entries()) {
      const code = (str(level.quality) ?? `L${position + 1}`).slice(0, 40);
      if (levels.some((l) => l.code === code))
        problems.push({ where: `${where} level ${code}`, messageId: "competencies.import.duplicateIdentifier" });
      const extensions = isObj(level.extensions) ? level.extensions : {};
      levels.push({
        identifier: normaliseIdentifier(str(level.identifier) ?? crypto.randomUUID()),
        code,
        name: (str(level.description) ?? code).slice(0, 200),
        description: str(level.feedback) ?? "",
        names: isObj(extensions[ext.names]) ? (extensions[ext.names] as Record<string, string>) : {},
        descriptions: isObj(extensions[ext.descriptions]) ? (extensions[ext.descriptions] as Record<string, string>) : {},
      });
    }
  });
  return levels;
}

/** Reads a package given as JSON text or as parsed JSON. */
export function readPackage(input: unknown): ReadPackage {
  const problems: ImportProblemDto[] = [];
  const warnings: ImportProblemDto[] = [];
  const empty = (): ReadPackage => ({ document: null, items: [], associations: [], levels: [], problems, warnings });
  let raw = input;
  if (typeof input === "string") {
    if (input.length > importLimits.bytes) {
      problems.push({ where: "CFPackage", messageId: "competencies.import.tooLarge", params: { max: importLimits.bytes } });
      return empty();
    }
    try {
      raw = JSON.parse(input);
    } catch {
      problems.push({ where: "CFPackage", messageId: "competencies.import.notJson" });
      return empty();
    }
  }
  if (!isObj(raw)) {
    problems.push({ where: "CFPackage", messageId: "competencies.import.notObject" });
    return empty();
  }
  const document = readDocument(raw.CFDocument, problems, warnings);
  const items = readItems(raw.CFItems, problems, warnings);
  const associations = readAssociations(raw.CFAssociations, problems, warnings);
  const levels = readLevels(raw.CFRubrics, problems, warnings);
  return { document, items, associations, levels, problems, warnings };
}
