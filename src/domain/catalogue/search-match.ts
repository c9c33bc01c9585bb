import { and, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.ts";
import { likePattern } from "../shared/sql.ts";
import { courseTranslations } from "./schema.ts";
import { bigrams, isUnspacedScript, normaliseSearchText, searchTerms } from "./search-text.ts";

/**
 * Full-text search over the ready translations of a course, in every language at once.
 *
 * A course matches when one of its ready translations contains every term of the query:
 * - words in spaced scripts match as a substring (so prefixes and inner parts of compounds
 *   count) or, for words of five letters or more, by trigram word similarity (`<%`) with a word
 *   that shares their first 60 %: that catches the other endings of Russian and Arabic words
 *   ("педагогика" finds "педагогики") and near spellings in other languages;
 * - terms in unspaced scripts (Chinese, Japanese) match as a substring, or when at least half of
 *   their character bigrams occur, so "数字化教学" still finds "数字教学".
 * Both kinds of matching can use the trigram GIN index on the normalised search text.
 */
const matched = alias(courseTranslations, "matched");

function termMatches(term: string): SQL {
  const contains = sql`${matched.searchText} like ${likePattern(term)}`;
  if (isUnspacedScript(term)) {
    const pairs = bigrams(term);
    if (pairs.length < 2) return contains;
    const present = sql.join(
      pairs.map((pair) => sql`(${matched.searchText} like ${likePattern(pair)})::int`),
      sql` + `,
    );
    return sql`(${contains} or (${present}) * 2 >= ${pairs.length})`;
  }
  const chars = [...term];
  if (chars.length < 5) return contains;
  // Similar words share their beginning: the cheap substring test on it keeps the costly
  // similarity to the few rows worth comparing, whether the planner scans the index or the table.
  const stem = chars.slice(0, Math.max(4, Math.ceil(chars.length * 0.6))).join("");
  return sql`(${matched.searchText} like ${likePattern(stem)} and (${contains} or ${term} <% ${matched.searchText}))`;
}

/** `'term':*` lexemes joined by AND: every term as the beginning of a word. */
function prefixQuery(terms: string[]): string {
  return terms.map((term) => `'${term.replace(/\\/g, "\\\\").replace(/'/g, "''")}':*`).join(" & ");
}

/**
 * The courses whose ready translations match every term of the query, with the best relevance
 * among them, as a subquery to join; null when the query has no searchable term. Relevance
 * ranks a translation where every term begins a word (the full-text match) above one where they
 * only occur inside words or as similar words, and adds one for the whole query as written.
 */
export function courseTextSearch(db: Executor, query: string) {
  const terms = searchTerms(query);
  if (!terms.length) return null;
  const whole = likePattern(normaliseSearchText(query.trim()));
  return db
    .select({
      courseId: matched.courseId,
      relevance:
        sql<number>`max((${matched.searchVector} @@ to_tsquery('simple', ${prefixQuery(terms)}))::int * 2 + (${matched.searchText} like ${whole})::int)`
          .mapWith(Number)
          .as("relevance"),
    })
    .from(matched)
    .where(and(eq(matched.status, "ready"), ...terms.map((term) => termMatches(term))))
    .groupBy(matched.courseId)
    .as("hits");
}
