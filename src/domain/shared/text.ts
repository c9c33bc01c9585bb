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
