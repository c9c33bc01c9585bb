import sanitizeHtml from "sanitize-html";

/**
 * What a lesson's rich text may contain: structure, emphasis, lists, quotes, code, tables and
 * links. No scripts, styles, classes, event handlers, frames or images (files come with their own
 * lesson kind), so the page's Content-Security-Policy never has to make an exception.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
    "hr",
  ],
  allowedAttributes: {
    a: ["href", "title", "rel"],
    th: ["scope"],
    "*": ["lang", "dir"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }),
  },
};

/** Sanitised lesson HTML. Idempotent, so text sanitised when stored passes unchanged when shown. */
export function sanitizeLessonHtml(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/** Whether rich text says anything once its markup is gone (`<p></p>` does not). */
export function hasWords(html: string | null | undefined): boolean {
  return !!html && sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).trim() !== "";
}
