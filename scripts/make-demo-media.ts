/**
 * Renders the demo's lesson media once, from the text in src/seed/demo-media.ts, into
 * src/seed/demo-files/ (committed, so `npm start` needs nothing else): per course, a short video
 * of captioned slides (WebM, drawn on a canvas in Chromium and recorded with MediaRecorder; there
 * is no voice because no speech synthesis was at hand, the captions carry the narration) and a
 * PDF download (HTML printed by Chromium, so every script gets a proper font).
 *
 *   node scripts/make-demo-media.ts            # everything
 *   node scripts/make-demo-media.ts <slug>...  # some courses
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "playwright-core";
import { demoCourses } from "../src/seed/catalogue.ts";
import { cueSeconds, type DemoDocument, demoDocuments, demoVideos } from "../src/seed/demo-media.ts";

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "src", "seed", "demo-files");
const fonts = `"Noto Sans", "Noto Sans CJK SC", "Noto Sans Arabic", "DejaVu Sans", sans-serif`;
/** The demo's right-to-left content language. */
const rtl = (locale: string) => locale === "ar";

function courseAndLesson(slug: string, kind: "video" | "file") {
  const course = demoCourses.find((c) => c.slug === slug);
  if (!course) throw new Error(`no demo course ${slug}`);
  const lesson = course.syllabus.flatMap((m) => m.lessons).find((l) => l.kind === kind);
  if (!lesson) throw new Error(`no ${kind} lesson in ${slug}`);
  return { course, lesson };
}

type Slides = { courseTitle: string; lessonTitle: string; cues: string[]; rtl: boolean; seconds: number; fonts: string };

/** Runs in the browser: draws the slides for their time while MediaRecorder records the canvas. */
async function recordSlides(s: Slides): Promise<string> {
  const width = 640;
  const height = 360;
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  document.body.append(canvas);
  const g = canvas.getContext("2d")!;
  g.direction = s.rtl ? "rtl" : "ltr";
  const x = s.rtl ? width - 40 : 40;
  const wrap = (text: string, max: number) => {
    const spaced = text.includes(" ");
    const parts = spaced ? text.split(" ") : [...text];
    const lines: string[] = [];
    let line = "";
    for (const part of parts) {
      const next = line ? (spaced ? `${line} ${part}` : line + part) : part;
      if (g.measureText(next).width > max && line) {
        lines.push(line);
        line = part;
      } else line = next;
    }
    if (line) lines.push(line);
    return lines;
  };
  const draw = (t: number) => {
    const index = Math.min(s.cues.length - 1, Math.floor(t / s.seconds));
    const within = t - index * s.seconds;
    g.globalAlpha = 1;
    g.fillStyle = "#17324d";
    g.fillRect(0, 0, width, height);
    g.fillStyle = "#f4b942";
    g.fillRect(s.rtl ? width - 40 - 48 : 40, 34, 48, 4);
    g.textAlign = s.rtl ? "right" : "left";
    g.fillStyle = "#c9d6e3";
    g.font = `16px ${s.fonts}`;
    g.fillText(s.courseTitle, x, 66);
    g.fillStyle = "#ffffff";
    g.font = `bold 22px ${s.fonts}`;
    wrap(s.lessonTitle, width - 80)
      .slice(0, 2)
      .forEach((l, i) => {
        g.fillText(l, x, 100 + i * 28);
      });
    // The slide's text fades in over half a second.
    g.globalAlpha = Math.min(1, within / 0.5);
    g.font = `24px ${s.fonts}`;
    wrap(s.cues[index]!, width - 80)
      .slice(0, 5)
      .forEach((l, i) => {
        g.fillText(l, x, 180 + i * 34);
      });
    g.globalAlpha = 1;
    g.fillStyle = "#2d5375";
    g.fillRect(0, height - 8, width, 8);
    g.fillStyle = "#f4b942";
    const done = (width * t) / (s.seconds * s.cues.length);
    g.fillRect(s.rtl ? width - done : 0, height - 8, done, 8);
  };
  const stream = canvas.captureStream(12);
  const recorder = new MediaRecorder(stream, { mimeType: "video/webm;codecs=vp8", videoBitsPerSecond: 60_000 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => chunks.push(e.data);
  const total = s.seconds * s.cues.length;
  draw(0);
  recorder.start();
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const frame = () => {
      const t = (performance.now() - start) / 1000;
      draw(Math.min(t, total - 0.001));
      if (t < total) setTimeout(frame, 1000 / 24);
      else resolve();
    };
    frame();
  });
  recorder.stop();
  await new Promise((r) => {
    recorder.onstop = r;
  });
  const bytes = new Uint8Array(await new Blob(chunks, { type: "video/webm" }).arrayBuffer());
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

async function makeVideo(page: Page, slug: string) {
  const { course, lesson } = courseAndLesson(slug, "video");
  const [locale, cues] = Object.entries(demoVideos[slug]!.cues)[0]!;
  const slides: Slides = { courseTitle: course.title, lessonTitle: lesson.title, cues, rtl: rtl(locale), seconds: cueSeconds, fonts };
  const base64 = await page.evaluate(recordSlides, slides);
  fs.writeFileSync(path.join(out, `${slug}.webm`), Buffer.from(base64, "base64"));
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function documentHtml(doc: DemoDocument, courseTitle: string): string {
  const cells = (row: string) => row.split("|");
  const table = doc.columns
    ? `<table><thead><tr>${doc.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr></thead><tbody>${doc.rows
        .map((row) => {
          const given = cells(row);
          return `<tr>${doc.columns!.map((_, i) => `<td>${escapeHtml(given[i] ?? "")}</td>`).join("")}</tr>`;
        })
        .join("")}</tbody></table>`
    : `<ul>${doc.rows.map((r) => `<li>${escapeHtml(r)}</li>`).join("")}</ul>`;
  return `<!doctype html><html lang="${doc.locale}" dir="${rtl(doc.locale) ? "rtl" : "ltr"}"><head><meta charset="utf-8"><style>
    body { font-family: ${fonts}; font-size: 11pt; color: #1b1f24; margin: 0; }
    .course { color: #4a5866; font-size: 9pt; border-block-end: 3px solid #f4b942; padding-block-end: 4pt; }
    h1 { font-size: 16pt; margin-block: 10pt 6pt; }
    table { border-collapse: collapse; inline-size: 100%; }
    th, td { border: 1px solid #9aa7b4; padding: 6pt; text-align: start; vertical-align: top; block-size: 28pt; }
    th { background: #e8eef4; block-size: auto; }
    li { margin-block: 8pt; padding-inline-start: 4pt; }
    ul { list-style: "☐  "; }
    footer { margin-block-start: 16pt; color: #4a5866; font-size: 8pt; }
  </style></head><body><p class="course">${escapeHtml(courseTitle)}</p><h1>${escapeHtml(doc.heading)}</h1><p>${escapeHtml(doc.lead)}</p>${table}
  <footer>Orbis demo · CC BY 4.0</footer></body></html>`;
}

async function makeDocument(page: Page, slug: string) {
  const { course } = courseAndLesson(slug, "file");
  const doc = demoDocuments[slug]!;
  const title = course.defaultLocale === doc.locale ? course.title : (course.translations?.[doc.locale]?.title ?? course.title);
  await page.setContent(documentHtml(doc, title));
  const pdf = await page.pdf({ format: "A5", margin: { top: "14mm", bottom: "14mm", left: "14mm", right: "14mm" } });
  fs.writeFileSync(path.join(out, `${slug}.pdf`), pdf);
}

const wanted = process.argv.slice(2);
const pick = (slugs: string[]) => (wanted.length ? slugs.filter((s) => wanted.includes(s)) : slugs);
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const page = await browser.newPage();
  for (const slug of pick(Object.keys(demoVideos))) {
    await makeVideo(page, slug);
    console.log(`video ${slug}.webm ${fs.statSync(path.join(out, `${slug}.webm`)).size} bytes`);
  }
  for (const slug of pick(Object.keys(demoDocuments))) {
    await makeDocument(page, slug);
    console.log(`pdf ${slug}.pdf ${fs.statSync(path.join(out, `${slug}.pdf`)).size} bytes`);
  }
} finally {
  await browser.close();
}
