import fs from "node:fs";
import { Readable } from "node:stream";
import type { CourseDto } from "../domain/catalogue/dto.ts";
import { type Seed, system } from "./context.ts";
import { cueSeconds, demoDocuments, demoVideos, sampleDatasetCsv } from "./demo-media.ts";
import { simplePdf } from "./files.ts";

/** The demo course whose video lesson also gets a handout. */
const handoutCourse = "digital-literacy-for-teachers-kg";

const time = (seconds: number) => `00:${String(seconds).padStart(2, "0")}.000`;

/** A WebVTT file whose cues follow the slides of the rendered video, one every `cueSeconds`. */
function webVtt(cues: string[]): string {
  const body = cues.map((text, i) => `${time(i * cueSeconds)} --> ${time((i + 1) * cueSeconds)}\n${text}\n`);
  return ["WEBVTT\n", ...body].join("\n");
}

const handout = simplePdf([
  "Working together in cloud documents - a checklist",
  "",
  "1. Share the document with the group, not with each person.",
  "2. Agree who edits which section before the seminar.",
  "3. Use comments for questions; resolve them when answered.",
  "4. Name a version before each deadline.",
  "5. Check the version history if text goes missing.",
  "",
  "IIOE Kyrgyzstan - Digital literacy for teachers - CC BY 4.0",
]);

const upload = (fileName: string, bytes: Buffer | string) => ({ fileName, stream: Readable.from([Buffer.from(bytes)]) });

/** A file made by scripts/make-demo-media.ts, committed beside this one. */
const demoFile = (name: string) => fs.readFileSync(new URL(`./demo-files/${name}`, import.meta.url));

/**
 * A demo course's media, added while it is a draft (covers are generated, src/web/components/course-cover.ts): for every video
 * lesson its rendered video and captions in each language written; for every download lesson
 * its file. A lesson without media here stops the seed, as it would stop the course's review.
 */
export async function addDemoMedia(seed: Seed, course: CourseDto): Promise<void> {
  const { media } = seed.services;
  // An adaptation or a revision has the media copied from its source: only the missing are added.
  const source = course.slug;
  for (const lesson of course.syllabus.flatMap((m) => m.lessons)) {
    const current = await media.getLessonMedia(system, course.id, lesson.id);
    if (lesson.kind === "video" && !current.video) {
      const video = demoVideos[source];
      if (!video) throw new Error(`demo media: no video for ${course.slug}`);
      await media.uploadLessonFile(system, course.id, lesson.id, "video", upload(`${source}.webm`, demoFile(`${source}.webm`)));
      for (const [locale, cues] of Object.entries(video.cues)) {
        await media.uploadCaptions(system, course.id, lesson.id, locale, upload(`${locale}.vtt`, webVtt(cues)));
      }
      if (source === handoutCourse) {
        await media.uploadLessonFile(system, course.id, lesson.id, "download", upload("cloud-documents-checklist.pdf", handout), {
          locale: "en",
        });
      }
    }
    if (lesson.kind === "file" && !current.downloads.length) {
      const document = demoDocuments[source];
      const file = document
        ? upload(`${lesson.title}.pdf`, demoFile(`${source}.pdf`))
        : source === "learning-analytics-for-course-designers"
          ? upload("sample-course-dataset.csv", sampleDatasetCsv)
          : null;
      if (!file) throw new Error(`demo media: no file for ${course.slug}`);
      await media.uploadLessonFile(system, course.id, lesson.id, "download", file, { locale: document?.locale ?? "en" });
    }
  }
}
