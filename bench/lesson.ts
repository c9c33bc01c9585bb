/**
 * `npm run bench:lesson` (build, then `node bench/lesson.ts`): requests/s of a signed-in learner's
 * lesson views against the production build, demo data in embedded PGlite: the lesson page (SSR),
 * the player API behind it and the lesson API, going back and forth between the first two lessons
 * of the demo course with the most lessons, as a learner moving through a course does (each view
 * moves the resume point). Prints figures; passes or fails nothing. Options: --duration seconds per target
 * after a 2 s warm-up (8), --connections (20).
 */
import os from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { enrolledLearner, json, startBuiltOrbis } from "./servers.ts";

const { values } = parseArgs({ options: { duration: { type: "string", default: "8" }, connections: { type: "string", default: "20" } } });
const duration = Number(values.duration);
const connections = Number(values.connections);

type CourseList = { items: { slug: string }[] };
type Course = { slug: string; syllabus: { lessons: { id: string; kind: string }[] }[] };

const orbis = await startBuiltOrbis();
const rows: string[] = [];
let described = "";
try {
  const base = orbis.url;
  const list = await json<CourseList>(base, "/api/v1/courses?limit=100");
  const courses = await Promise.all(list.items.map((item) => json<Course>(base, `/api/v1/courses/${item.slug}`)));
  const lessonsOf = (course: Course) => course.syllabus.flatMap((m) => m.lessons);
  const course = courses.sort((a, b) => lessonsOf(b).length - lessonsOf(a).length)[0];
  const pair = course ? lessonsOf(course).slice(0, 2) : [];
  if (!course || pair.length < 2) throw new Error("No demo course with two lessons");
  described = `course ${course.slug}: ${course.syllabus.length} modules, ${lessonsOf(course).length} lessons`;
  const headers = { ...(await enrolledLearner(base, course.slug, "lesson bench")), "accept-encoding": "gzip" };
  const targets = [
    { name: "lesson page (SSR)", path: (id: string) => `/en/courses/${course.slug}/learn/${id}` },
    { name: "player API", path: (id: string) => `/api/v1/courses/${course.slug}/lessons/${id}/player` },
    { name: "lesson API", path: (id: string) => `/api/v1/courses/${course.slug}/lessons/${id}` },
  ];
  for (const target of targets) {
    const paths = pair.map((lesson) => target.path(lesson.id));
    for (const path of paths) {
      const probe = await fetch(`${base}${path}`, { headers });
      await probe.arrayBuffer();
      if (probe.status !== 200) throw new Error(`GET ${path} answered ${probe.status}`);
    }
    process.stderr.write(`measuring GET ${paths.join(", ")} for ${duration} s...\n`);
    const options = { url: base, connections, headers, requests: paths.map((path) => ({ method: "GET" as const, path })) };
    await autocannon({ ...options, duration: 2 });
    const result = await autocannon({ ...options, duration });
    rows.push(
      `| ${target.name} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${result.errors}, ${result.non2xx} |`,
    );
  }
} finally {
  await orbis.stop();
}

const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
console.log(
  `\nOrbis lesson benchmark, ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${os.cpus().length} cores (${cpu})`,
);
console.log(`Demo data in embedded PGlite, ${described}; signed-in learner (Bearer token), load average ${os.loadavg()[0]!.toFixed(1)}`);
console.log(
  `${connections} connections, ${duration} s per target after a 2 s warm-up, gzip accepted; server and load generator share the machine.\n`,
);
console.log("| target | requests/s | p50 ms | p99 ms | errors, non-2xx |");
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const row of rows) console.log(row);
