import { parse } from "csv-parse/sync";
import { readSheet } from "read-excel-file/node";
import type { MessageId } from "../../i18n/messages/index.ts";
import { DomainError } from "../shared/errors.ts";

/** One person of an uploaded nomination list, as written; `line` is the spreadsheet row (header = 1). */
export type NominationFileRow = { line: number; name: string; email: string; department: string; jobTitle: string };

export const MAX_NOMINATION_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_NOMINATION_ROWS = 10_000;

type Column = "name" | "email" | "department" | "role";

/**
 * Header names per column, lower case, in the six interface languages: people keep the headers
 * of the template they were given, often translated.
 */
const headerNames: Record<Column, string[]> = {
  name: ["name", "full name", "nom", "nom complet", "nombre", "nombre completo", "имя", "фио", "ф.и.о.", "姓名", "名字", "الاسم"],
  email: [
    "email",
    "e-mail",
    "email address",
    "courriel",
    "adresse e-mail",
    "correo",
    "correo electrónico",
    "электронная почта",
    "эл. почта",
    "почта",
    "邮箱",
    "电子邮件",
    "电子邮箱",
    "البريد الإلكتروني",
    "البريد",
  ],
  department: ["department", "département", "departamento", "отдел", "кафедра", "подразделение", "部门", "院系", "القسم"],
  role: [
    "role",
    "job title",
    "position",
    "rôle",
    "fonction",
    "poste",
    "rol",
    "cargo",
    "puesto",
    "роль",
    "должность",
    "职务",
    "职位",
    "角色",
    "الدور",
    "الوظيفة",
    "المنصب",
  ],
};
const requiredColumns: Column[] = ["name", "email"];

function fileError(messageId: MessageId, params: Record<string, string | number> = {}): DomainError {
  return new DomainError("validation_failed", 400, {}, [{ path: "file", code: "invalid_file", messageId, params }]);
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Text files have no NUL bytes and few control characters; anything else is not a list of people. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) control++;
  }
  return control > sample.length / 100;
}

/** The separator used in the header line: Excel writes semicolons where the decimal mark is a comma. */
function separatorOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((s) => ({ s, n: header.split(s).length - 1 }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).s;
}

function decodeText(bytes: Uint8Array): string {
  try {
    // The decoder drops a UTF-8 byte-order mark itself.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw fileError("programmes.file.notUtf8");
  }
}

function parseCsv(bytes: Uint8Array): string[][] {
  if (looksBinary(bytes)) throw fileError("programmes.file.unreadable");
  const text = decodeText(bytes);
  try {
    return parse(text, { delimiter: separatorOf(text), relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch {
    throw fileError("programmes.file.unreadable");
  }
}

async function parseXlsx(bytes: Uint8Array): Promise<string[][]> {
  try {
    const rows = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return rows.map((row) =>
      row.map((cell) => (cell == null ? "" : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim())),
    );
  } catch {
    throw fileError("programmes.file.unreadable");
  }
}

function columnIndexes(header: string[]): Record<Column, number> {
  const normalised = header.map((h) => h.trim().toLowerCase().replace(/\s+/g, " "));
  const indexes = {} as Record<Column, number>;
  for (const column of Object.keys(headerNames) as Column[]) {
    indexes[column] = normalised.findIndex((h) => headerNames[column].includes(h));
  }
  const missing = requiredColumns.filter((c) => indexes[c] < 0);
  if (missing.length) throw fileError("programmes.file.missingColumns", { columns: missing.join(", "), found: header.join(", ") });
  return indexes;
}

/**
 * Reads a nomination list from CSV (UTF-8, with or without BOM; comma, semicolon or tab) or XLSX
 * (the first sheet). Only the file's shape is checked here; each row's content is judged later.
 * A file that cannot be read is a 400 on the field `file` with a message saying what to fix.
 */
export async function parseNominationFile(bytes: Uint8Array): Promise<NominationFileRow[]> {
  if (bytes.byteLength === 0) throw fileError("programmes.file.empty");
  if (bytes.byteLength > MAX_NOMINATION_FILE_BYTES) {
    throw fileError("programmes.file.tooLarge", { megabytes: MAX_NOMINATION_FILE_BYTES / 1024 / 1024 });
  }
  const table = isZip(bytes) ? await parseXlsx(bytes) : parseCsv(bytes);
  const nonEmpty = table.map((cells, i) => ({ cells, line: i + 1 })).filter((r) => r.cells.some((c) => c !== ""));
  const [header, ...body] = nonEmpty;
  if (!header) throw fileError("programmes.file.empty");
  const at = columnIndexes(header.cells);
  if (body.length === 0) throw fileError("programmes.file.noRows");
  if (body.length > MAX_NOMINATION_ROWS) throw fileError("programmes.file.tooManyRows", { max: MAX_NOMINATION_ROWS });
  const cell = (cells: string[], index: number) => (index >= 0 ? (cells[index] ?? "").trim() : "");
  return body.map(({ cells, line }) => ({
    line,
    name: cell(cells, at.name).replace(/\s+/g, " "),
    email: cell(cells, at.email),
    department: cell(cells, at.department),
    jobTitle: cell(cells, at.role),
  }));
}
