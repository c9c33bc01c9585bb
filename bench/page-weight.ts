/**
 * `npm run bench:weight`: what a first visit to each key page downloads, as a browser with an
 * empty cache would fetch it: the HTML, every script, module preload and stylesheet it names, and
 * the SVG and raster images it draws. Prints the bytes on the wire (gzip where the server
 * compresses). The lesson page is measured for a signed-in learner (a Bearer token stands in for
 * the session cookie).
 */
import http from "node:http";
import zlib from "node:zlib";
import { enrolledLearner, json, startBuiltOrbis } from "./servers.ts";

type Fetched = { path: string; status: number; encoding: string; wire: number; body: string };

/** Node's fetch decodes bodies and hides their size on the wire, so this asks with node:http. */
function download(url: URL, headers: Record<string, string> = {}): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      { headers: { "accept-encoding": "gzip", accept: "text/html,*/*", "accept-language": "en", ...headers } },
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
    // Eager images only: a browser defers loading="lazy" ones until they scroll into view.
    /<(?:img|image)\b(?![^>]*\bloading="lazy")[^>]*\b(?:src|href)="([^"]+)"/g,
  ];
  const found = patterns.flatMap((pattern) => [...html.matchAll(pattern)].map((match) => match[1] ?? ""));
  return [...new Set(found.filter((href) => href.startsWith("/") && !href.startsWith("//")))];
}

type Visit = { name: string; path: string; files: Fetched[] };

async function visit(base: string, name: string, path: string, headers: Record<string, string> = {}): Promise<Visit> {
  const page = await download(new URL(path, base), headers);
  if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}`);
  const files = [page];
  for (const href of referencedAssets(page.body)) files.push(await download(new URL(href, base), headers));
  return { name, path, files };
}

type CourseList = { items: { slug: string }[] };
type Course = { slug: string; syllabus: { lessons: { id: string; kind: string }[] }[] };

const orbis = await startBuiltOrbis();
const visits: Visit[] = [];
try {
  const base = orbis.url;
  visits.push(await visit(base, "home", "/en"));
  visits.push(await visit(base, "catalogue", "/en/courses"));
  visits.push(await visit(base, "catalogue search (ru)", `/ru/courses?q=${encodeURIComponent("цифровой")}`));
  const [first] = (await json<CourseList>(base, "/api/v1/courses?limit=1&lang=en")).items;
  if (!first) throw new Error("No demo course to measure");
  visits.push(await visit(base, "course page", `/en/courses/${first.slug}`));
  const course = await json<Course>(base, `/api/v1/courses/${first.slug}`);
  const lesson = course.syllabus.flatMap((m) => m.lessons).find((l) => l.kind === "text");
  if (lesson) {
    const headers = await enrolledLearner(base, course.slug, "page weight");
    visits.push(await visit(base, "lesson page (signed in)", `/en/courses/${course.slug}/learn/${lesson.id}`, headers));
  }
} finally {
  await orbis.stop();
}

const kindOf = (visit: Visit, file: Fetched) => (file === visit.files[0] ? "html" : (file.path.split(".").pop() ?? "?"));
console.log(`\nFirst visits, ${new Date().toISOString().slice(0, 10)}: bytes on the wire with accept-encoding gzip, empty cache\n`);
for (const v of visits) {
  console.log(`### ${v.name}: ${v.path}\n`);
  console.log("| file | kind | status | encoding | bytes on the wire | bytes decoded |");
  console.log("| --- | --- | ---: | --- | ---: | ---: |");
  for (const file of v.files) {
    console.log(
      `| ${file.path} | ${kindOf(v, file)} | ${file.status} | ${file.encoding} | ${file.wire} | ${Buffer.byteLength(file.body)} |`,
    );
  }
  console.log("");
}
console.log("| page | requests | html B | css B | js B | other B | total KiB |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const v of visits) {
  const sum = (test: (kind: string) => boolean) => v.files.filter((f) => test(kindOf(v, f))).reduce((s, f) => s + f.wire, 0);
  const total = sum(() => true);
  const known = new Set(["html", "css", "js"]);
  console.log(
    `| ${v.name} | ${v.files.length} | ${sum((k) => k === "html")} | ${sum((k) => k === "css")} | ${sum((k) => k === "js")} | ${sum((k) => !known.has(k))} | ${(total / 1024).toFixed(1)} |`,
  );
}
