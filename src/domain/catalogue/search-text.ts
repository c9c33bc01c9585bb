/**
 * One normalisation for stored search text and for queries, so they meet: lower case, Arabic
 * letter variants folded (hamza forms of alef, alef maqsura, taa marbuta) and its diacritics and
 * tatweel dropped, Russian ё read as е. The database applies the same mapping in the generated
 * search columns of course_translations.
 */
const folded: [from: string, to: string][] = [
  ["أ", "ا"],
  ["إ", "ا"],
  ["آ", "ا"],
  ["ٱ", "ا"],
  ["ى", "ي"],
  ["ة", "ه"],
  ["ё", "е"],
];
/** Tatweel, the harakat (fathatan … sukun) and the dagger alef. */
const dropped = ["\u0640", "\u064b", "\u064c", "\u064d", "\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0670"];

/** The SQL expression normalising `expression` (translate() drops characters it has no counterpart for). */
export function searchNormalisationSql(expression: string): string {
  const from = folded.map(([f]) => f).join("") + dropped.join("");
  const to = folded.map(([, t]) => t).join("");
  return `translate(lower(${expression}), '${from}', '${to}')`;
}

const foldMap = new Map(folded);
const droppedSet = new Set(dropped);

export function normaliseSearchText(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC").toLowerCase()) {
    if (droppedSet.has(char)) continue;
    out += foldMap.get(char) ?? char;
  }
  return out;
}

/** Han, Hiragana, Katakana and Hangul: scripts written without spaces between words. */
const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function isUnspacedScript(term: string): boolean {
  return unspaced.test(term);
}

/** Overlapping pairs of characters, the n-grams that stand in for words in unspaced scripts. */
export function bigrams(term: string): string[] {
  const chars = [...term];
  if (chars.length < 2) return [term];
  return [...new Set(chars.slice(0, -1).map((char, i) => char + chars[i + 1]))];
}

/** Search terms of a query: normalised, split on spaces and punctuation, at most eight. */
export function searchTerms(query: string): string[] {
  return normaliseSearchText(query)
    .split(/[\s\p{P}\p{S}]+/u)
    .filter(Boolean)
    .slice(0, 8);
}
