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
