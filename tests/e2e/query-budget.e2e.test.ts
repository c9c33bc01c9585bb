import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPageQueries, type PageQueries } from "../support/page-queries.ts";

/**
 * How many statements each page sends to the database, counted (not timed) on the demo data, in
 * the production build. A page over its budget fails with the statements it sent, so whoever
 * added one sees which. Each budget is what the page sends today, so none creeps back up; the
 * signed-in learner's pages must stay within 8 (issue 12). Files and health checks send none.
 */
const template = () => {
  const dir = process.env.ORBIS_E2E_TEMPLATE;
  if (!dir) throw new Error("No seeded template: run through the e2e project (tests/e2e/global-setup.ts).");
  return dir;
};

type Budget = { name: string; path: () => string; max: number; signedIn?: boolean };

let pages: PageQueries;
let learner: Record<string, string> = {};
const demo = { course: "", lesson: "", event: "", centre: "", programme: "" };

beforeAll(async () => {
  pages = await openPageQueries(template());
  const read = async <T>(url: string, headers: Record<string, string> = {}) => (await pages.app.inject({ url, headers })).json() as T;
  const courses = await read<{ items: { slug: string }[] }>("/api/v1/courses?limit=100");
  const details = await Promise.all(
    courses.items.map((c) => read<{ slug: string; syllabus: { lessons: { id: string }[] }[] }>(`/api/v1/courses/${c.slug}`)),
  );
  const course = details.find((c) => c.syllabus.some((m) => m.lessons.length));
  demo.course = course!.slug;
  demo.lesson = course!.syllabus.flatMap((m) => m.lessons)[0]!.id;
  const event = (await read<{ items: { id: string; slug: string | null }[] }>("/api/v1/events")).items[0]!;
  demo.event = event.slug ?? event.id;
  demo.centre = (await read<{ items: { slug: string }[] }>("/api/v1/centres")).items[0]!.slug;
  demo.programme = (await read<{ items: { slug: string }[] }>("/api/v1/programmes")).items[0]!.slug;
  const signIn = await pages.app.inject({
    method: "POST",
    url: "/api/v1/auth/tokens",
    payload: { email: "learner@orbis.example", password: "orbis-demo-2026", name: "query budget" },
  });
  learner = { authorization: `Bearer ${signIn.json<{ token: string }>().token}` };
  const enrolled = await pages.app.inject({ method: "POST", url: `/api/v1/courses/${demo.course}/enrolment`, headers: learner });
  expect(enrolled.statusCode).toBeLessThan(300);
}, 120_000);

afterAll(async () => {
  await pages?.close();
});

const budgets: Budget[] = [
  { name: "home", path: () => "/en", max: 26 },
  { name: "centres", path: () => "/en/centres", max: 7 },
  { name: "a centre", path: () => `/en/centres/${demo.centre}`, max: 22 },
  { name: "network", path: () => "/en/network", max: 10 },
  { name: "catalogue", path: () => "/en/courses", max: 7 },
  { name: "catalogue search", path: () => "/en/courses?q=digital", max: 6 },
  { name: "course page", path: () => `/en/courses/${demo.course}`, max: 3 },
  { name: "events", path: () => "/en/events", max: 9 },
  { name: "an event", path: () => `/en/events/${demo.event}`, max: 6 },
  { name: "programmes", path: () => "/en/programmes", max: 6 },
  { name: "a programme", path: () => `/en/programmes/${demo.programme}`, max: 10 },
  { name: "learner's course page", path: () => `/en/courses/${demo.course}`, max: 5, signedIn: true },
  { name: "lesson page", path: () => `/en/courses/${demo.course}/learn/${demo.lesson}`, max: 7, signedIn: true },
  { name: "My learning", path: () => "/en/learning", max: 6, signedIn: true },
];

describe("query budgets of pages", () => {
  for (const budget of budgets) {
    it(`${budget.name}: at most ${budget.max} statements`, async () => {
      const { status, queries } = await pages.get(budget.path(), budget.signedIn ? learner : {});
      expect(status).toBe(200);
      expect(queries.length, `${budget.path()} sent:\n${queries.join("\n")}`).toBeLessThanOrEqual(budget.max);
      // The budget counts real work: a page that sent nothing would be rendering something else.
      expect(queries.length).toBeGreaterThan(0);
    });
  }

  it("a page for someone signed in reads who they are once", async () => {
    const { queries } = await pages.get("/en/learning", learner);
    expect(queries.filter((q) => q.includes('from "api_tokens"') || q.includes('"api_tokens"."id"'))).toHaveLength(1);
  });

  it("files, health checks and addresses in no language send no statement, even with a session", async () => {
    const home = await pages.get("/en", learner);
    const stylesheet = /href="(\/assets\/[^"]+\.css)"/.exec(home.body)?.[1];
    expect(stylesheet).toBeTruthy();
    for (const path of [stylesheet!, "/favicon.svg", "/healthz", "/favicon.ico", "/wp-login.php"]) {
      const { status, queries } = await pages.get(path, learner);
      expect([200, 404], path).toContain(status);
      expect(queries, path).toEqual([]);
    }
    expect((await pages.get("/favicon.ico")).status).toBe(404);
  });
});
