/** Why a captions file was refused, as a message id suffix (`authoring.captions.<problem>`). */
export type WebVttProblem = "encoding" | "header" | "timing" | "empty";

const timestamp = String.raw`(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}`;
const timingLine = new RegExp(String.raw`^(${timestamp})[ \t]+-->[ \t]+(${timestamp})(?:[ \t].*)?$`);

function seconds(value: string): number {
  const parts = value.split(":").map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

/**
 * Checks a WebVTT file as browsers will read it: UTF-8, the "WEBVTT" signature, and cues whose
 * timings parse and run forwards. Returns the first problem, or null when the file is good.
 */
export function checkWebVtt(bytes: Uint8Array): WebVttProblem | null {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return "encoding";
  }
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? "")) return "header";
  let cues = 0;
  for (const line of lines) {
    if (!line.includes("-->")) continue;
    const match = timingLine.exec(line.trim());
    if (!match || seconds(match[2]!) < seconds(match[1]!)) return "timing";
    cues++;
  }
  return cues ? null : "empty";
}
