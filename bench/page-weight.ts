/**
 * `npm run bench:weight`: what a first visit to the home page downloads, as a browser with an
 * empty cache would fetch it: the HTML, every script, module preload and stylesheet it names, and
 * the SVG images it draws. Prints the bytes on the wire (gzip where the server compresses).
 */
import http from "node:http";
import zlib from "node:zlib";
import { startBuiltOrbis } from "./servers.ts";

type Fetched = { path: string; status: number; encoding: string; wire: number; body: string };

/** Node's fetch decodes bodies and hides their size on the wire, so this asks with node:http. */
function download(url: URL): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      { headers: { "accept-encoding": "gzip", accept: "text/html,*/*", "accept-language": "en" } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const raw = Buffer.concat(chunks);
          const encoding = response.headers["content-encoding"] ?? "identity";
          const body = encoding === "gzip" ? zlib.gunzipSync(raw) : raw;
          resolve({ path: url.pathname, status: response.statusCode ?? 0, encoding, wire: raw.length, body: body.toString("utf8") });
        });
      },
    );
    request.on("error", reject);
  });
}

/** Same-origin assets a browser fetches while loading the page, in document order. */
function referencedAssets(html: string): string[] {
  const patterns = [
    /<link\b[^>]*\brel="(?:modulepreload|stylesheet|preload)"[^>]*\bhref="([^"]+)"/g,
    /<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="(?:modulepreload|stylesheet|preload)"/g,
    /<script\b[^>]*\bsrc="([^"]+)"/g,
    /\bimport\s*\(?\s*"([^"]+\.js)"/g,
    // The map is an SVG <image> (or an <img>) drawn under the centre markers.
    /<(?:img|image)\b[^>]*\b(?:src|href)="([^"]+\.svg)"/g,
  ];
  const found = patterns.flatMap((pattern) => [...html.matchAll(pattern)].map((match) => match[1] ?? ""));
  return [...new Set(found.filter((href) => href.startsWith("/") && !href.startsWith("//")))];
}

const orbis = await startBuiltOrbis();
const files: Fetched[] = [];
try {
  const page = await download(new URL("/en", orbis.url));
  if (page.status !== 200) throw new Error(`GET /en answered ${page.status}`);
  files.push(page);
  for (const href of referencedAssets(page.body)) files.push(await download(new URL(href, orbis.url)));
} finally {
  await orbis.stop();
}

const kindOf = (file: Fetched) => (file.path === "/en" ? "html" : (file.path.split(".").pop() ?? "?"));
console.log(`\nFirst visit to /en, ${new Date().toISOString().slice(0, 10)}: bytes on the wire with accept-encoding gzip\n`);
console.log("| file | kind | status | encoding | bytes on the wire | bytes decoded |");
console.log("| --- | --- | ---: | --- | ---: | ---: |");
for (const file of files) {
  console.log(`| ${file.path} | ${kindOf(file)} | ${file.status} | ${file.encoding} | ${file.wire} | ${Buffer.byteLength(file.body)} |`);
}
const byKind = new Map<string, number>();
for (const file of files) byKind.set(kindOf(file), (byKind.get(kindOf(file)) ?? 0) + file.wire);
const total = files.reduce((sum, file) => sum + file.wire, 0);
console.log(`\n${[...byKind].map(([kind, bytes]) => `${kind} ${bytes} B`).join(", ")}`);
console.log(`Total: ${total} B (${(total / 1024).toFixed(1)} KiB) in ${files.length} requests`);
