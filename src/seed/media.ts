import { Readable } from "node:stream";
import type { CourseDto } from "../domain/catalogue/dto.ts";
import { type Seed, system } from "./context.ts";
import { simplePdf } from "./files.ts";

/** The demo course whose video lesson gets captions in three languages and a handout. */
const mediaCourse = "digital-literacy-for-teachers-kg";

/** Open educational videos on Wikimedia Commons, linked rather than copied. */
const openVideos = "https://commons.wikimedia.org/wiki/Category:Educational_videos";

const cue = (from: string, to: string, text: string) => `${from} --> ${to}\n${text}\n`;

const captions: Record<string, string> = {
  ru: [
    "WEBVTT - Совместная работа в облачных документах\n",
    cue("00:00.000", "00:04.000", "Облачный документ открыт всем участникам курса одновременно."),
    cue("00:04.000", "00:09.000", "Каждый видит правки других сразу и может оставить комментарий."),
    cue("00:09.000", "00:14.000", "История версий позволяет вернуть любой прежний вариант текста."),
  ].join("\n"),
  en: [
    "WEBVTT - Working together in cloud documents\n",
    cue("00:00.000", "00:04.000", "A cloud document is open to everyone on the course at the same time."),
    cue("00:04.000", "00:09.000", "Everyone sees the others' edits at once and can leave a comment."),
    cue("00:09.000", "00:14.000", "The version history brings back any earlier state of the text."),
  ].join("\n"),
  ar: [
    "WEBVTT - العمل المشترك في المستندات السحابية\n",
    cue("00:00.000", "00:04.000", "المستند السحابي مفتوح لجميع المشاركين في المقرر في الوقت نفسه."),
    cue("00:04.000", "00:09.000", "يرى كل مشارك تعديلات الآخرين فورًا ويمكنه ترك تعليق."),
    cue("00:09.000", "00:14.000", "يتيح سجل الإصدارات استعادة أي نسخة سابقة من النص."),
  ].join("\n"),
};

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

/**
 * A demo course's media, added while it is a draft: for the media course its video lesson's link,
 * captions and handout. Covers are not uploaded: every course gets its generated one
 * (src/web/components/course-cover.ts), which says more than a flat placeholder would.
 */
export async function addDemoMedia(seed: Seed, course: CourseDto): Promise<void> {
  const { media } = seed.services;
  if (course.slug !== mediaCourse) return;
  const video = course.syllabus.flatMap((m) => m.lessons).find((l) => l.kind === "video");
  if (!video) throw new Error(`demo media: no video lesson in ${mediaCourse}`);
  await media.setExternalVideo(system, course.id, video.id, openVideos);
  for (const [locale, text] of Object.entries(captions)) {
    await media.uploadCaptions(system, course.id, video.id, locale, upload(`${locale}.vtt`, text));
  }
  await media.uploadLessonFile(system, course.id, video.id, "download", upload("cloud-documents-checklist.pdf", handout), { locale: "en" });
}
