import type { z } from "zod";

/**
 * Characters a one-line field (a title, a name, a venue) never holds: C0 and C1 controls
 * (tab, line feed and carriage return included), DEL, and the Unicode line and paragraph
 * separators. A line break in a title becomes a new property in a calendar file or a new header
 * in a mail; the HTTP layer already refuses the other C0 controls everywhere (http/plugins/input.ts).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const notOneLine = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export const isSingleLine = (text: string): boolean => !notOneLine.test(text);

/** A one-line text field: `singleLine(z.string().trim().min(3).max(200))`. */
export function singleLine<S extends z.ZodType<string, string>>(schema: S) {
  return schema.refine(isSingleLine, { message: "input.singleLine", abort: true });
}

/**
 * Characters that change how text around them is shown without being seen themselves: bidi
 * embeddings, overrides and isolates (U+202A-202E, U+2066-2069), directional marks (U+200E,
 * U+200F, U+061C) and zero-width spaces (U+200B, U+2060, U+FEFF). `invoice\u202Efdp.zip` shows as
 * "invoicepiz.pdf". Joiners (U+200C, U+200D) are kept: Persian, Indic scripts and emoji need them.
 */
const invisibleControls = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060\uFEFF]/g;

/** The text with those characters removed: for names shown where isolation cannot be applied (a downloaded file's name). */
export function withoutInvisibleControls(text: string): string {
  return text.replace(invisibleControls, "");
}

/** Refuses the invisible controls above (joiners apart): for names. */
const invisibleControl = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060\uFEFF]/;

export const hasInvisibleControl = (text: string): boolean => invisibleControl.test(text);

/**
 * Which text fields may hold what. Every string field of an input schema is one line unless it
 * is marked `multiLine`; `displayName` marks names, which also refuse the invisible controls.
 * The marks sit on the string schema itself, so wrapping it (`.optional()`, `.nullable()`,
 * `.partial()`, `.extend()`) keeps them; a `.refine()` after marking makes a new schema, so mark last.
 */
const multiLineTexts = new WeakSet<z.ZodType>();
const displayNames = new WeakSet<z.ZodType>();

/** A field that may hold line breaks and tabs (a description, a lesson body, a comment). */
export function multiLine<S extends z.ZodType<string, string>>(schema: S): S {
  multiLineTexts.add(schema);
  return schema;
}

/** A name shown to others (a person, an organisation, a course, an event, a token): one line and nothing invisible. */
export function displayName<S extends z.ZodType<string, string>>(schema: S): S {
  displayNames.add(schema);
  return schema;
}

export type TextIssue = {
  path: string;
  code: "invalid_text";
  messageId: "input.singleLine" | "input.invisibleCharacters" | "http.invalidText";
};

/** Controls no text holds, not even several lines of it: all but tab, line feed and carriage return. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const notText = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

function stringIssue(schema: z.ZodType, value: string, path: string): TextIssue | null {
  if (multiLineTexts.has(schema)) return notText.test(value) ? { path, code: "invalid_text", messageId: "http.invalidText" } : null;
  // Leading and trailing white space is trimmed by the field's own schema; only what stays counts.
  const kept = value.trim();
  if (!isSingleLine(kept)) return { path, code: "invalid_text", messageId: "input.singleLine" };
  if (displayNames.has(schema) && hasInvisibleControl(kept)) return { path, code: "invalid_text", messageId: "input.invisibleCharacters" };
  return null;
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  items?: z.ZodType[];
  getter?: () => z.ZodType;
};

const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The text rules of a schema applied to raw input, field by field, following the schema's shape:
 * the first failing field, or null. Values the schema does not describe are left to the schema.
 */
export function textIssue(schema: z.ZodType, value: unknown, path = ""): TextIssue | null {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  switch (def.type) {
    case "string":
      return typeof value === "string" ? stringIssue(schema, value, path) : null;
    case "object":
      if (!isRecord(value) || !def.shape) return null;
      for (const [key, field] of Object.entries(def.shape)) {
        const issue = key in value ? textIssue(field, value[key], at(path, key)) : null;
        if (issue) return issue;
      }
      return null;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return def.innerType ? textIssue(def.innerType, value, path) : null;
    case "pipe":
      // A preprocess is a transform piped into the schema that reads its result: judge by that schema.
      if (def.in && (def.in as unknown as { _zod: { def: Def } })._zod.def.type !== "transform") return textIssue(def.in, value, path);
      return def.out ? textIssue(def.out, value, path) : null;
    case "array":
      if (!Array.isArray(value) || !def.element) return null;
      for (const [index, item] of value.entries()) {
        const issue = textIssue(def.element, item, at(path, index));
        if (issue) return issue;
      }
      return null;
    case "tuple":
      if (!Array.isArray(value) || !def.items) return null;
      for (const [index, item] of def.items.entries()) {
        const issue = textIssue(item, value[index], at(path, index));
        if (issue) return issue;
      }
      return null;
    case "record":
      if (!isRecord(value) || !def.valueType) return null;
      for (const [key, item] of Object.entries(value)) {
        const issue = textIssue(def.valueType, item, at(path, key));
        if (issue) return issue;
      }
      return null;
    case "union": {
      // Judged by the alternatives that take the value (a discriminated union's own branch); refused only when none of them would.
      const options = def.options ?? [];
      const taking = options.filter((option) => option.safeParse(value).success);
      const issues = (taking.length ? taking : options).map((option) => textIssue(option, value, path));
      return issues.includes(null) ? null : (issues[0] ?? null);
    }
    case "intersection":
      return (def.left && textIssue(def.left, value, path)) || (def.right && textIssue(def.right, value, path)) || null;
    case "lazy":
      return def.getter ? textIssue(def.getter(), value, path) : null;
    default:
      return null;
  }
}
