import { type UploadKind, uploadKinds } from "../values.ts";

type Accepted = { mime: string; extensions: readonly string[] };

/**
 * Accepted types per kind, by MIME type as sniffed from the bytes, with the file name extensions
 * that may carry each. No HTML, SVG or legacy Office files (they can carry script or macros).
 */
const accepted: Record<UploadKind, readonly Accepted[]> = {
  video: [
    { mime: "video/mp4", extensions: ["mp4", "m4v"] },
    { mime: "video/webm", extensions: ["webm"] },
    { mime: "video/ogg", extensions: ["ogv", "ogg"] },
  ],
  download: [
    { mime: "application/pdf", extensions: ["pdf"] },
    { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] },
    { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
    { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extensions: ["pptx"] },
    { mime: "application/vnd.oasis.opendocument.text", extensions: ["odt"] },
    { mime: "application/vnd.oasis.opendocument.spreadsheet", extensions: ["ods"] },
    { mime: "application/vnd.oasis.opendocument.presentation", extensions: ["odp"] },
    { mime: "image/png", extensions: ["png"] },
    { mime: "image/jpeg", extensions: ["jpg", "jpeg"] },
    { mime: "image/webp", extensions: ["webp"] },
    { mime: "image/gif", extensions: ["gif"] },
    { mime: "application/zip", extensions: ["zip"] },
    { mime: "text/plain", extensions: ["txt"] },
    { mime: "text/csv", extensions: ["csv"] },
  ],
  captions: [{ mime: "text/vtt", extensions: ["vtt"] }],
  cover: [
    { mime: "image/png", extensions: ["png"] },
    { mime: "image/jpeg", extensions: ["jpg", "jpeg"] },
    { mime: "image/webp", extensions: ["webp"] },
  ],
};

/** Types with no signature to sniff: accepted when the bytes are text (checked by the caller). */
const textTypes = new Set(["text/plain", "text/csv", "text/vtt"]);

/** The extensions each kind accepts, for file pickers' `accept` attribute. */
export const acceptAttributes = Object.fromEntries(
  uploadKinds.map((kind) => [kind, accepted[kind].flatMap((a) => a.extensions.map((e) => `.${e}`)).join(",")]),
) as Record<UploadKind, string>;

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}

export function acceptsExtension(kind: UploadKind, fileName: string): boolean {
  const extension = extensionOf(fileName);
  return accepted[kind].some((a) => a.extensions.includes(extension));
}

/**
 * The MIME type to record, or null when the bytes and the name disagree with each other or with
 * the kind. `sniffed` is what the bytes say (undefined when they have no known signature).
 */
export function acceptedMimeType(kind: UploadKind, fileName: string, sniffed: string | undefined, isText: boolean): string | null {
  const extension = extensionOf(fileName);
  const byName = accepted[kind].find((a) => a.extensions.includes(extension));
  if (!byName) return null;
  if (textTypes.has(byName.mime)) return (sniffed === undefined || sniffed === byName.mime) && isText ? byName.mime : null;
  return sniffed === byName.mime ? byName.mime : null;
}

/**
 * Plain text as we accept it: UTF-8 without NUL bytes, and not markup, which a browser that
 * ignored our headers might run.
 */
export function isPlainText(head: Uint8Array): boolean {
  let text: string;
  try {
    // The head may end inside a character; that is not an encoding error.
    text = new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, lastWholeCharacter(head)));
  } catch {
    return false;
  }
  return !text.includes("\u0000") && !/^\s*</.test(text.replace(/^\uFEFF/, ""));
}

/** The length of `bytes` without a trailing, incomplete UTF-8 sequence. */
function lastWholeCharacter(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = bytes[end - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? end - back : end;
  }
  return end;
}

/**
 * A file name safe to keep and show: its last path segment only, without control or reserved
 * characters, at most 120 characters, keeping the extension.
 */
export function cleanFileName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? "";
  const cleaned = last
    .normalize("NFC")
    .replace(/\p{Cc}|["<>|:*?]/gu, "")
    .replace(/^[.\s]+/, "")
    .trim();
  if (cleaned.length <= 120) return cleaned || "file";
  const extension = extensionOf(cleaned);
  return extension ? `${cleaned.slice(0, 119 - extension.length)}.${extension}` : cleaned.slice(0, 120);
}
