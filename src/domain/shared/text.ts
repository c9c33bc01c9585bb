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
